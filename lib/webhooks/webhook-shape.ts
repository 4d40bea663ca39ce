import type { WebhookEvent } from "@/lib/webhooks/webhook-events";

export const endpointSelect = { id: true, url: true, description: true, events: true, secret: true, enabled: true, createdAt: true, updatedAt: true } as const;
export const deliverySelect = {
  id: true, endpointId: true, event: true, storyId: true, status: true, attempts: true, lastStatusCode: true, lastDurationMs: true, lastError: true, lastAttemptAt: true, deliveredAt: true, createdAt: true,
} as const;

type EndpointRow = { id: string; url: string; description: string | null; events: string[]; secret: string; enabled: boolean; createdAt: Date; updatedAt: Date };
type DeliveryRow = {
  id: string; endpointId: string; event: string; storyId: string | null; status: string; attempts: number; lastStatusCode: number | null; lastDurationMs: number | null;
  lastError: string | null; lastAttemptAt: Date | null; deliveredAt: Date | null; createdAt: Date;
};

export type WebhookJson = ReturnType<typeof toWebhookJson>;
export type DeliveryJson = ReturnType<typeof toDeliveryJson>;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toWebhookJson(row: EndpointRow) {
  return { id: row.id, url: row.url, description: row.description, events: row.events as WebhookEvent[], secret: row.secret, enabled: row.enabled, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}

export function toDeliveryJson(row: DeliveryRow) {
  return {
    id: row.id,
    endpointId: row.endpointId,
    event: row.event as WebhookEvent,
    storyId: row.storyId,
    status: row.status as "pending" | "delivered" | "failed",
    attempts: row.attempts,
    lastStatusCode: row.lastStatusCode,
    lastDurationMs: row.lastDurationMs,
    lastError: row.lastError,
    lastAttemptAt: iso(row.lastAttemptAt),
    deliveredAt: iso(row.deliveredAt),
    createdAt: iso(row.createdAt),
  };
}
