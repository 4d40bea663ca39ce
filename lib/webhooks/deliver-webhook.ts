import "server-only";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { queueDelivery } from "@/lib/webhooks/record-story-event";
import { deliverySelect, toDeliveryJson, type DeliveryJson } from "@/lib/webhooks/webhook-shape";

const TIMEOUT_MS = 15_000;
// What of the receiver's answer is kept with the attempt, for the admin reading why it failed.
const KEPT_RESPONSE = 500;

export class DeliveryFailed extends Error {}

/** Node's network error codes, as an admin reads them. */
const NETWORK_ERRORS: Record<string, string> = {
  ENOTFOUND: "no such host (DNS)",
  EAI_AGAIN: "its name could not be looked up just now (DNS)",
  ECONNREFUSED: "the connection was refused",
  ECONNRESET: "the connection was cut",
  ETIMEDOUT: "the connection timed out",
  EHOSTUNREACH: "the host cannot be reached",
  UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
  UND_ERR_SOCKET: "the connection was cut",
};

type Attempt = { statusCode: number | null; durationMs: number; error: string | null; response: string | null };

/** One POST of the signed payload: webhook-id, webhook-timestamp and webhook-signature, per the Standard Webhooks spec. */
async function post(url: string, secret: string, id: string, payload: string): Promise<Attempt> {
  const timestamp = new Date();
  const signature = new Webhook(secret).sign(id, timestamp, payload);
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Dateline-Webhooks/1",
        "webhook-id": id,
        "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
        "webhook-signature": signature,
      },
      body: payload,
      // A redirect is an answer, not a delivery (the spec's receivers answer 2xx).
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = (await response.text().catch(() => "")).slice(0, KEPT_RESPONSE);
    const durationMs = Math.round(performance.now() - started);
    const ok = response.status >= 200 && response.status < 300;
    return { statusCode: response.status, durationMs, error: ok ? null : `answered ${response.status}`, response: text || null };
  } catch (error) {
    const cause = (error as Error).cause as { code?: string; message?: string } | undefined;
    const why = (error as Error).name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : (cause?.code && NETWORK_ERRORS[cause.code]) || cause?.code || cause?.message || (error as Error).message;
    return { statusCode: null, durationMs: Math.round(performance.now() - started), error: `could not be reached: ${why}`, response: null };
  }
}

/**
 * The job of one delivery: sent, its attempt logged; a failure throws, so graphile-worker tries
 * again later, until the last attempt marks it failed. An endpoint switched off or removed since
 * gets nothing.
 */
export async function deliverWebhookTask(payload: unknown, job: { attempts: number; max_attempts: number }): Promise<void> {
  const deliveryId = (payload as { deliveryId?: unknown } | null)?.deliveryId;
  if (typeof deliveryId !== "string" || !isUuid(deliveryId)) return;
  const delivery = await db.webhookDelivery.findUnique({ where: { id: deliveryId }, select: { id: true, payload: true, status: true, endpoint: { select: { url: true, secret: true, enabled: true } } } });
  if (!delivery || delivery.status === "delivered") return;
  if (!delivery.endpoint.enabled) {
    await db.webhookDelivery.update({ where: { id: deliveryId }, data: { status: "failed", lastError: "the endpoint was switched off" } });
    return;
  }
  const attempt = await post(delivery.endpoint.url, delivery.endpoint.secret, delivery.id, delivery.payload);
  const delivered = attempt.error === null;
  const last = job.attempts >= job.max_attempts;
  await db.$transaction([
    db.webhookDeliveryAttempt.create({ data: { deliveryId, ...attempt } }),
    db.webhookDelivery.update({
      where: { id: deliveryId },
      data: {
        status: delivered ? "delivered" : last ? "failed" : "pending",
        attempts: { increment: 1 },
        lastStatusCode: attempt.statusCode,
        lastDurationMs: attempt.durationMs,
        lastError: attempt.error,
        lastAttemptAt: new Date(),
        ...(delivered ? { deliveredAt: new Date() } : {}),
      },
    }),
  ]);
  if (!delivered) throw new DeliveryFailed(`webhook to ${new URL(delivery.endpoint.url).host} ${attempt.error}`);
}

/** Sends a delivery again (an admin's re-send from /admin/webhooks or the API), under its own webhook-id. */
export async function resendDelivery(options: { actor: Actor; id: string }): Promise<DeliveryJson> {
  requirePermission(options.actor, "webhook.manage");
  if (!isUuid(options.id)) throw new AppError("not_found", "No delivery with that id");
  const row = await db.$transaction(async (tx) => {
    const found = await tx.webhookDelivery.findUnique({ where: { id: options.id }, select: { id: true, endpoint: { select: { enabled: true } } } });
    if (!found) throw new AppError("not_found", "No delivery with that id");
    if (!found.endpoint.enabled) throw new AppError("conflict", "This webhook is switched off: switch it on to send its deliveries");
    const updated = await tx.webhookDelivery.update({ where: { id: options.id }, data: { status: "pending", lastError: null }, select: deliverySelect });
    await queueDelivery(tx, options.id);
    return updated;
  });
  return toDeliveryJson(row);
}
