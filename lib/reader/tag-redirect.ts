import "server-only";
import { readerDb } from "@/lib/db";
import { liveStoryWhere } from "@/lib/stories/live";

/**
 * The current slug of a renamed or merged tag, from one of its former slugs; null when the slug
 * was never a tag's, or the tag has no live story (its name alone could leak the news).
 */
export async function getTagRedirect(slug: string): Promise<string | null> {
  const now = new Date();
  const row = await readerDb.tagRedirect.findUnique({
    where: { slug },
    select: {
      tag: {
        select: {
          slug: true,
          stories: { where: { livePublishedAt: { lte: now }, story: liveStoryWhere(now) }, select: { storyId: true }, take: 1 },
        },
      },
    },
    relationLoadStrategy: "join",
  });
  return row && row.tag.stories.length > 0 ? row.tag.slug : null;
}
