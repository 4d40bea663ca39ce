import { db, type Tx } from "@/lib/db";
import { STALE_PAGES_CHANNEL, storyStalePaths, type StalePaths } from "@/lib/cache/page-paths";
// NOTIFY payloads are limited to 8,000 bytes; a change bigger than this empties the caches.
const MAX_PAYLOAD = 7000;

async function notify(tx: Tx, stale: StalePaths): Promise<void> {
  let payload = JSON.stringify(stale);
  if (payload.length > MAX_PAYLOAD) payload = JSON.stringify({ all: true });
  await tx.$executeRaw`SELECT pg_notify(${STALE_PAGES_CHANNEL}, ${payload})`;
}

// Both run as transactions only to be on the writers' connections (lib/db.ts): announcing a change
// is the end of a write, which readers waiting for connections must not hold up.

/**
 * Tells every running instance's page cache (lib/serving) which reader responses a change made
 * stale. Sent through Postgres NOTIFY, so it reaches every instance on the database, from the
 * app, the CLI or the scheduler alike; call it after the change is committed.
 */
export async function announceStale(stale: StalePaths): Promise<void> {
  await db.$transaction((tx) => notify(tx, stale));
}

/**
 * Expires the cached pages and feeds that show a story: its page under its slug and every former
 * slug (which may hold a redirect), its tags' pages and feeds, and the lists.
 */
export async function revalidateStory(change: { storyId: string; slugs: string[]; tagSlugs: string[] }): Promise<void> {
  await db.$transaction(async (tx) => {
    const former = await tx.slugRedirect.findMany({ where: { storyId: change.storyId }, select: { slug: true } });
    await notify(tx, storyStalePaths({ slugs: [...change.slugs, ...former.map((row) => row.slug)], tagSlugs: change.tagSlugs }));
  });
}
