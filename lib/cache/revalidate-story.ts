import { db } from "@/lib/db";
import { STALE_PAGES_CHANNEL, storyStalePaths, type StalePaths } from "@/lib/cache/page-paths";
// NOTIFY payloads are limited to 8,000 bytes; a change bigger than this empties the caches.
const MAX_PAYLOAD = 7000;

/**
 * Tells every running instance's page cache (lib/serving) which reader responses a change made
 * stale. Sent through Postgres NOTIFY, so it reaches every instance on the database, from the
 * app, the CLI or the scheduler alike; call it after the change is committed.
 */
export async function announceStale(stale: StalePaths): Promise<void> {
  let payload = JSON.stringify(stale);
  if (payload.length > MAX_PAYLOAD) payload = JSON.stringify({ all: true });
  await db.$executeRaw`SELECT pg_notify(${STALE_PAGES_CHANNEL}, ${payload})`;
}

/**
 * Expires the cached pages and feeds that show a story: its page under its slug and every former
 * slug (which may hold a redirect), its tags' pages and feeds, and the lists.
 */
export async function revalidateStory(change: { storyId: string; slugs: string[]; tagSlugs: string[] }): Promise<void> {
  const former = await db.slugRedirect.findMany({ where: { storyId: change.storyId }, select: { slug: true } });
  await announceStale(storyStalePaths({ slugs: [...change.slugs, ...former.map((row) => row.slug)], tagSlugs: change.tagSlugs }));
}
