import "server-only";
import { db } from "@/lib/db";
import { isLive, liveStoryWhere } from "@/lib/stories/live";
import { readerStorySelect, toReaderStory, type ReaderStory } from "@/lib/reader/reader-story";

export type LiveStoryLookup = { story: ReaderStory } | { redirectTo: string } | null;

/**
 * A story as readers may see it, by slug. One query with its tags joined; a second only when the
 * slug is not a live story, to find out whether it is a former slug that now redirects.
 */
export async function getLiveStory(slug: string): Promise<LiveStoryLookup> {
  const now = new Date();
  const row = await db.story.findFirst({
    where: { slug, ...liveStoryWhere(now) },
    select: readerStorySelect,
    relationLoadStrategy: "join",
  });
  if (row) return { story: toReaderStory(row) };
  const redirect = await db.slugRedirect.findUnique({
    where: { slug },
    select: { story: { select: { slug: true, status: true, publishedAt: true, embargoUntil: true } } },
  });
  // Only to a live story: a redirect to a draft would leak its new slug and land on a 404.
  if (redirect && redirect.story.slug !== slug && isLive(redirect.story, now)) return { redirectTo: redirect.story.slug };
  return null;
}
