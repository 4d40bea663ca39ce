import "server-only";
import type { Tx } from "@/lib/db";
import { absoluteUrl, storyPath } from "@/lib/site/urls";
import { DELIVER_WEBHOOK } from "@/lib/jobs/job-names";
import type { WebhookEvent } from "@/lib/webhooks/webhook-events";

/** How many times a delivery is tried (graphile-worker's backoff: the last about a day after the first). */
export const DELIVERY_ATTEMPTS = 12;

/** The job key of a delivery's send: one waiting send per delivery however often asked. */
export const deliveryJobKey = (deliveryId: string) => `webhook:${deliveryId}`;

/** Queues one delivery's send again (a re-send). */
export async function queueDelivery(tx: Tx, deliveryId: string): Promise<void> {
  await tx.$executeRaw`
    SELECT graphile_worker.add_job(${DELIVER_WEBHOOK}, json_build_object('deliveryId', ${deliveryId}::text),
      max_attempts => ${DELIVERY_ATTEMPTS}::int, job_key => ${deliveryJobKey(deliveryId)}, job_key_mode => 'replace')`;
}

/**
 * Records, in the transaction of the change it reports, a delivery of `event` to every enabled
 * endpoint that subscribes to it, with the story as that transaction sees it; returns their ids,
 * for the change's reader_change job to send once the caches are purged (lib/outbox/reader-change.ts).
 * Rolled back with the change, or delivered (with retries) once it is committed.
 */
export async function recordStoryEvent(tx: Tx, event: WebhookEvent, storyId: string, extra: Record<string, unknown> = {}): Promise<string[]> {
  const endpoints = await tx.webhookEndpoint.findMany({ where: { enabled: true, events: { has: event } }, select: { id: true } });
  if (endpoints.length === 0) return [];
  const story = await tx.story.findUnique({
    where: { id: storyId },
    select: {
      id: true, slug: true, headline: true, standfirst: true, byline: true, status: true, version: true,
      publishedAt: true, firstPublishedAt: true, lastUpdatedAt: true, updatedAt: true, killedAt: true,
      tags: { orderBy: { position: "asc" }, select: { tag: { select: { name: true, slug: true, type: true } } } },
    },
  });
  if (!story) return [];
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  const payload = JSON.stringify({
    type: event,
    timestamp: new Date().toISOString(),
    data: {
      id: story.id,
      url: absoluteUrl(storyPath(story.slug)),
      slug: story.slug,
      headline: story.headline,
      standfirst: story.standfirst,
      byline: story.byline,
      status: story.status,
      version: story.version,
      publishedAt: iso(story.publishedAt),
      firstPublishedAt: iso(story.firstPublishedAt),
      lastUpdatedAt: iso(story.lastUpdatedAt),
      updatedAt: iso(story.updatedAt),
      killedAt: iso(story.killedAt),
      tags: story.tags.map(({ tag }) => tag),
      ...extra,
    },
  });
  const ids: string[] = [];
  for (const endpoint of endpoints) {
    ids.push((await tx.webhookDelivery.create({ data: { endpointId: endpoint.id, event, storyId, payload }, select: { id: true } })).id);
  }
  return ids;
}
