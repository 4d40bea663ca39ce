// The jobs the app runs through graphile-worker (lib/jobs/start-jobs.ts), by name, with who adds them.

/** Polls one ingest source, then schedules its next poll (lib/wire-sources/poll-wire-source.ts). */
export const POLL_SOURCE = "wire_poll";
/** Every minute: each enabled source has its next poll queued, folder watchers match the sources, old queue items leave. */
export const RECONCILE = "wire_reconcile";

/** A source has at most one poll waiting: adding another replaces it (poll now) or keeps its time (reconcile). */
export const sourceJobKey = (sourceId: string) => `wire-poll:${sourceId}`;

/** Purges one shared cache (a Varnish node, Fastly, Cloudflare) of some surrogate keys (lib/cache/purge-job.ts); added by lib/outbox/reader-change.ts. */
export const PURGE_CACHE = "cache_purge";

/** Publishes the scheduled stories that are due (lib/stories/publish-due.ts), queued for the instant each goes live. */
export const PUBLISH_DUE = "stories_publish_due";

/** Sends one webhook delivery (lib/webhooks/deliver-webhook.ts), retried with backoff; added by lib/webhooks/record-story-event.ts. */
export const DELIVER_WEBHOOK = "webhook_deliver";
/** Tells a WebSub hub which feeds changed (lib/feeds/websub.ts); added by lib/outbox/reader-change.ts. */
export const PING_HUB = "websub_ping";
