import "server-only";
import type { Tx } from "@/lib/db";
import { announceStale } from "@/lib/cache/revalidate-story";
import { tagStalePaths } from "@/lib/cache/page-paths";
import { storyPath, tagPath } from "@/lib/site/urls";

// A NOTIFY payload holds ~7,000 bytes (lib/cache/revalidate-story.ts): about 60 story paths of
// the longest slugs beside the lists. Past that, every story page goes stale (one prefix), which
// still keeps the cached tag pages, rather than the whole cache emptying.
const MAX_STORY_PAGES = 60;

export type StoryPages = string[] | "all";

/** The slugs of live stories carrying a tag (their pages link to it by name and slug), or "all" past the bound. */
export async function livePagesOfTag(tx: Tx, tagId: string): Promise<StoryPages> {
  const links = await tx.storyTag.findMany({
    where: { tagId, livePublishedAt: { not: null } },
    select: { story: { select: { slug: true } } },
    take: MAX_STORY_PAGES + 1,
  });
  return links.length > MAX_STORY_PAGES ? "all" : links.map((link) => link.story.slug);
}

/**
 * After a tag is renamed or merged: every tag page and feed (its own under every slug it has had,
 * some now redirecting; and others', whose items name it), the lists, and the pages of the
 * stories that show it.
 */
export async function announceTagChange(change: { tagSlugs: string[]; storyPages: StoryPages }): Promise<void> {
  const stale = tagStalePaths(change.tagSlugs);
  // Feed items name every tag of their story, so other tags' feeds (and their archives) carry the
  // old name too: all tag pages go stale. Renames and merges are rare; tag pages re-render on demand.
  stale.prefixes.push(tagPath(""));
  if (change.storyPages === "all") stale.prefixes.push(storyPath(""));
  else stale.exact.push(...change.storyPages.map(storyPath));
  await announceStale(stale);
}
