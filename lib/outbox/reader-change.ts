import "server-only";
import type { Tx } from "@/lib/db";
import { cacheSettings } from "@/lib/cache/cache-settings";
import { purgers } from "@/lib/cache/purge-caches";
import { ALL_KEY, STALE_PAGES_CHANNEL, storyChangeKeys } from "@/lib/cache/surrogate-keys";
import { PURGE_CACHE } from "@/lib/jobs/job-names";

// The transactional outbox: a change readers could see writes, in its own transaction, what
// follows from it, so that a crash after the commit loses none of it and a rollback sends none.
//  - the fronts' page caches hear it by NOTIFY, which Postgres delivers at the commit, to every
//    instance on the database (lib/serving/stale-listener.ts);
//  - each shared cache (Varnish nodes, Fastly, Cloudflare: lib/cache/purge-caches.ts) gets a purge
//    job in graphile-worker's queue, added by its SQL function in this same transaction, and run by
//    whichever instance's job runner takes it, with retries (lib/jobs/start-jobs.ts).

// NOTIFY payloads are limited to 8,000 bytes; a change bigger than this purges everything.
const MAX_PAYLOAD = 7000;
// A purge's keys are kept in its job; past this many, it purges everything instead.
const MAX_PURGE_KEYS = 2000;

export type PurgeJob = { keys: string[]; target: string };

/** Records, in `tx`, that the responses carrying any of `keys` are stale (lib/cache/surrogate-keys.ts). */
export async function recordReaderChange(tx: Tx, keys: string[]): Promise<void> {
  let notice = [...new Set(keys)];
  if (notice.length === 0) return;
  if (notice.length > MAX_PURGE_KEYS || JSON.stringify({ keys: notice }).length > MAX_PAYLOAD) notice = [ALL_KEY];
  await tx.$executeRaw`SELECT pg_notify(${STALE_PAGES_CHANNEL}, ${JSON.stringify({ keys: notice })})`;
  for (const purger of purgers(cacheSettings())) {
    const job: PurgeJob = { keys: notice, target: purger.target };
    await tx.$executeRaw`SELECT graphile_worker.add_job(${PURGE_CACHE}, ${JSON.stringify(job)}::json, max_attempts => 25)`;
  }
}

/**
 * Records that a story's pages changed: its page under each slug given and every former slug
 * (which may hold a redirect), its tags' pages and feeds, and the lists.
 */
export async function recordStoryChange(tx: Tx, change: { storyId: string; slugs: string[]; tagSlugs: string[] }): Promise<void> {
  const former = await tx.slugRedirect.findMany({ where: { storyId: change.storyId }, select: { slug: true } });
  await recordReaderChange(tx, storyChangeKeys({ slugs: [...change.slugs, ...former.map((row) => row.slug)], tagSlugs: change.tagSlugs }));
}
