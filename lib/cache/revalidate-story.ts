import "server-only";
import { db } from "@/lib/db";
import { cacheTags } from "@/lib/cache/tags";

/**
 * Expires the cached pages and feeds that show a story: its page under its slug and every former
 * slug (which may hold a cached redirect), its tags' pages and feeds, and the lists (home, site
 * feeds). Runs inside the Next.js server (route handlers, server actions); the CLI has no cache of
 * its own to refresh, so there it does nothing.
 */
export async function revalidateStory(change: { storyId: string; slugs: string[]; tagSlugs: string[] }): Promise<void> {
  if (!process.env.NEXT_RUNTIME) return;
  const { revalidateTag } = await import("next/cache");
  const former = await db.slugRedirect.findMany({ where: { storyId: change.storyId }, select: { slug: true } });
  const tags = new Set([
    cacheTags.lists,
    ...[...change.slugs, ...former.map((row) => row.slug)].map(cacheTags.story),
    ...change.tagSlugs.map(cacheTags.tag),
  ]);
  // expire: 0 — the next reader gets fresh copy, never a stale page served while it refreshes.
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}
