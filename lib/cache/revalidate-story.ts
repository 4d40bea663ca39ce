import { cacheTags } from "@/lib/cache/tags";

/**
 * Expires the cached pages and feeds that show a story. Runs inside the Next.js server (route
 * handlers, server actions); the CLI has no cache of its own to refresh, so there it does nothing.
 */
export async function revalidateStory(change: { slugs: string[]; tagSlugs: string[] }): Promise<void> {
  if (!process.env.NEXT_RUNTIME) return;
  const { revalidateTag } = await import("next/cache");
  const tags = new Set([cacheTags.lists, ...change.slugs.map(cacheTags.story), ...change.tagSlugs.map(cacheTags.tag)]);
  // expire: 0 — the next reader gets fresh copy, never a stale page served while it refreshes.
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}
