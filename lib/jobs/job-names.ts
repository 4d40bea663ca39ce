// The jobs the app runs through graphile-worker (lib/jobs/start-jobs.ts), by name, with who adds them.

/** Polls one ingest source, then schedules its next poll (lib/wire-sources/poll-wire-source.ts). */
export const POLL_SOURCE = "wire_poll";
/** Every minute: each enabled source has its next poll queued, folder watchers match the sources, old queue items leave. */
export const RECONCILE = "wire_reconcile";

/** A source has at most one poll waiting: adding another replaces it (poll now) or keeps its time (reconcile). */
export const sourceJobKey = (sourceId: string) => `wire-poll:${sourceId}`;

/**
 * What follows a change readers can see, once it is committed (lib/outbox/reader-change-job.ts):
 * the replicas waited for, every shared cache purged, then the WebSub hub pinged and the webhook
 * deliveries sent, in that order, so that neither reaches anyone before the caches are fresh.
 */
export const READER_CHANGE = "reader_change";
/** Purges one shared cache (a Varnish node, Fastly, Cloudflare) of some surrogate keys (lib/cache/purge-job.ts): a purge that failed in a reader_change, tried again on its own. */
export const PURGE_CACHE = "cache_purge";

/** Publishes the scheduled stories that are due (lib/stories/publish-due.ts), queued for the instant each goes live. */
export const PUBLISH_DUE = "stories_publish_due";

/** Sends one webhook delivery (lib/webhooks/deliver-webhook.ts), retried with backoff; queued by a reader_change, or a re-send. */
export const DELIVER_WEBHOOK = "webhook_deliver";
/** Tells a WebSub hub which feeds changed (lib/feeds/websub.ts): a ping that failed in a reader_change, tried again on its own. */
export const PING_HUB = "websub_ping";
