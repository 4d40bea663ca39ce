import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { cacheSettings } from "@/lib/cache/cache-settings";
import { purgers } from "@/lib/cache/purge-caches";
import { ALL_KEY, STALE_PAGES_CHANNEL, storyChangeKeys } from "@/lib/cache/surrogate-keys";
import { changedFeeds } from "@/lib/feeds/websub";
import { READER_CHANGE } from "@/lib/jobs/job-names";
import { recordStoryEvent } from "@/lib/webhooks/record-story-event";
import type { WebhookEvent } from "@/lib/webhooks/webhook-events";

// The transactional outbox: a change readers could see writes, in its own transaction, what
// follows from it, so that a crash after the commit loses none of it and a rollback sends none.
//  - the fronts' page caches hear it by NOTIFY, which Postgres delivers at the commit, to every
//    instance on the database (lib/serving/stale-listener.ts);
//  - one reader_change job in graphile-worker's queue, added by its SQL function in this same
//    transaction and run by whichever instance's job runner takes it (lib/outbox/reader-change-job.ts):
//    it waits for the read replicas, purges each shared cache (Varnish nodes, Fastly, Cloudflare),
//    then pings the WebSub hub and sends the webhook deliveries the change recorded
//    (lib/webhooks/record-story-event.ts), so that no subscriber is told before the caches are fresh.

// NOTIFY payloads are limited to 8,000 bytes; a change bigger than this purges everything.
const MAX_PAYLOAD = 7000;
// A purge's keys are kept in its job; past this many, it purges everything instead.
const MAX_PURGE_KEYS = 2000;

export type ReaderChangeJob = { keys: string[]; hub: string | null; feeds: string[]; deliveries: string[] };

/**
 * Records, in `tx`, that the responses carrying any of `keys` are stale (lib/cache/surrogate-keys.ts),
 * and the webhook deliveries (their ids) to send once the caches are purged.
 */
export async function recordReaderChange(tx: Tx, keys: string[], deliveries: string[] = []): Promise<void> {
  let notice = [...new Set(keys)];
  if (notice.length === 0 && deliveries.length === 0) return;
  if (notice.length > MAX_PURGE_KEYS || JSON.stringify({ keys: notice }).length > MAX_PAYLOAD) notice = [ALL_KEY];
  if (notice.length) await tx.$executeRaw`SELECT pg_notify(${STALE_PAGES_CHANNEL}, ${JSON.stringify({ keys: notice })})`;
  const hub = env().WEBSUB_HUB_URL ?? null;
  const job: ReaderChangeJob = { keys: notice, hub, feeds: hub ? changedFeeds(keys) : [], deliveries };
  // Nothing to purge, ping or send: no job.
  if (purgers(cacheSettings()).length === 0 && job.feeds.length === 0 && deliveries.length === 0) return;
  await tx.$executeRaw`SELECT graphile_worker.add_job(${READER_CHANGE}, ${JSON.stringify(job)}::json, max_attempts => 25)`;
}

/**
 * Records that a story's pages changed: its page under each slug given and every former slug
 * (which may hold a redirect), its tags' pages and feeds, and the lists; with `event`, the
 * webhook event it is (and `detail` added to the event's data).
 */
export async function recordStoryChange(
  tx: Tx,
  change: { storyId: string; slugs: string[]; tagSlugs: string[]; event?: WebhookEvent | null; detail?: Record<string, unknown> },
): Promise<void> {
  const former = await tx.slugRedirect.findMany({ where: { storyId: change.storyId }, select: { slug: true } });
  const deliveries = change.event ? await recordStoryEvent(tx, change.event, change.storyId, change.detail) : [];
  await recordReaderChange(tx, storyChangeKeys({ slugs: [...change.slugs, ...former.map((row) => row.slug)], tagSlugs: change.tagSlugs }), deliveries);
}
