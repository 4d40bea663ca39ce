import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { createWebhookSchema, updateWebhookSchema } from "@/lib/webhooks/schemas";
import { deliverySelect, endpointSelect, toDeliveryJson, toWebhookJson, type DeliveryJson, type WebhookJson } from "@/lib/webhooks/webhook-shape";

// Webhook endpoints, for admins (webhook.manage): added, changed, switched off and on, removed,
// each audited; listed with their latest deliveries.

const noSuchWebhook = () => new AppError("not_found", "No webhook with that id");

/** A Standard Webhooks signing secret: "whsec_" and 32 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

export async function createWebhook(options: { actor: Actor; input: unknown }): Promise<WebhookJson> {
  const { actor } = options;
  requirePermission(actor, "webhook.manage");
  const input = parseInput(createWebhookSchema, options.input);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { url: input.url, events: input.events, description: input.description ?? null, secret: newSecret(), createdById: actor.id },
      select: endpointSelect,
    });
    await tx.auditEntry.create({ data: { action: "webhook.create", actorId: actor.id, detail: { webhookId: created.id, url: created.url, events: created.events } } });
    return created;
  });
  return toWebhookJson(row);
}

export async function updateWebhook(options: { actor: Actor; id: string; input: unknown }): Promise<WebhookJson> {
  const { actor, id } = options;
  requirePermission(actor, "webhook.manage");
  if (!isUuid(id)) throw noSuchWebhook();
  const input = parseInput(updateWebhookSchema, options.input);
  const row = await db.$transaction(async (tx) => {
    // One statement: an endpoint removed meanwhile is a 404, never Prisma's "record not found".
    const changed = await tx.webhookEndpoint.updateMany({ where: { id }, data: input });
    if (changed.count === 0) throw noSuchWebhook();
    const updated = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: endpointSelect });
    await tx.auditEntry.create({ data: { action: "webhook.update", actorId: actor.id, detail: { webhookId: id, url: updated.url, fields: Object.keys(input) } } });
    return updated;
  });
  return toWebhookJson(row);
}

/** Removes an endpoint with its deliveries; those still waiting are never sent. */
export async function deleteWebhook(options: { actor: Actor; id: string }): Promise<void> {
  const { actor, id } = options;
  requirePermission(actor, "webhook.manage");
  if (!isUuid(id)) throw noSuchWebhook();
  await db.$transaction(async (tx) => {
    const [found] = await tx.$queryRaw<{ url: string }[]>`DELETE FROM "WebhookEndpoint" WHERE id = ${id}::uuid RETURNING url`;
    if (!found) throw noSuchWebhook();
    await tx.auditEntry.create({ data: { action: "webhook.delete", actorId: actor.id, detail: { webhookId: id, url: found.url } } });
  });
}

export async function getWebhook(options: { actor: Actor; id: string }): Promise<WebhookJson> {
  requirePermission(options.actor, "webhook.manage");
  if (!isUuid(options.id)) throw noSuchWebhook();
  const row = await db.webhookEndpoint.findUnique({ where: { id: options.id }, select: endpointSelect });
  if (!row) throw noSuchWebhook();
  return toWebhookJson(row);
}

/** Every endpoint, newest first, each with its latest deliveries (`deliveries` of them), each naming its story's headline. */
export async function listWebhooks(options: { actor: Actor; deliveries?: number }): Promise<(WebhookJson & { deliveries: (DeliveryJson & { headline: string | null })[] })[]> {
  requirePermission(options.actor, "webhook.manage");
  const rows = await db.webhookEndpoint.findMany({
    orderBy: { createdAt: "desc" },
    take: 200,
    select: { ...endpointSelect, deliveries: { orderBy: { createdAt: "desc" }, take: options.deliveries ?? 20, select: deliverySelect } },
  });
  const storyIds = [...new Set(rows.flatMap((row) => row.deliveries.map((delivery) => delivery.storyId).filter((id): id is string => !!id)))];
  const stories = storyIds.length ? await db.story.findMany({ where: { id: { in: storyIds } }, select: { id: true, headline: true } }) : [];
  const headline = new Map(stories.map((story) => [story.id, story.headline]));
  return rows.map((row) => ({ ...toWebhookJson(row), deliveries: row.deliveries.map((delivery) => ({ ...toDeliveryJson(delivery), headline: (delivery.storyId && headline.get(delivery.storyId)) ?? null })) }));
}

/** An endpoint's deliveries, newest first, each with its attempts (status, time taken, error). */
export async function listDeliveries(options: { actor: Actor; id: string; limit?: number }) {
  requirePermission(options.actor, "webhook.manage");
  if (!isUuid(options.id)) throw noSuchWebhook();
  if (!(await db.webhookEndpoint.findUnique({ where: { id: options.id }, select: { id: true } }))) throw noSuchWebhook();
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId: options.id },
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(options.limit ?? 50, 1), 200),
    select: { ...deliverySelect, log: { orderBy: { at: "asc" }, select: { at: true, statusCode: true, durationMs: true, error: true } } },
  });
  return rows.map((row) => ({ ...toDeliveryJson(row), log: row.log.map((entry) => ({ ...entry, at: entry.at.toISOString() })) }));
}
