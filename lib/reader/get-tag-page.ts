import "server-only";
import { readerDb } from "@/lib/db";
import { decodeCursor } from "@/lib/pagination";
import { liveStoryWhere } from "@/lib/stories/live";
import { pageOf, type StoryPage } from "@/lib/reader/list-live-stories";
import { readerStorySelect, toReaderStory } from "@/lib/reader/reader-story";

const NO_TAG = "00000000-0000-0000-0000-000000000000";

export type TagPage = { tag: { name: string; slug: string; type: string } } & StoryPage;

/**
 * A tag and a page of its live stories, newest first. The story list walks the
 * (tagId, livePublishedAt) index of StoryTag, so it costs the same for a tag with a million stories.
 */
export async function getTagPage(options: { slug: string; cursor?: string; limit: number }): Promise<TagPage | null> {
  const tag = await readerDb.tag.findUnique({ where: { slug: options.slug }, select: { id: true, name: true, slug: true, type: true } });
  const now = new Date();
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  // An unknown slug walks the same index (for an id no tag has) as a tag that only drafts or
  // embargoed stories use: the two answer alike, in the same time, so neither reveals the other.
  const links = await readerDb.storyTag.findMany({
    where: {
      tagId: tag?.id ?? NO_TAG,
      livePublishedAt: { lte: now },
      story: liveStoryWhere(now),
      // The bound on livePublishedAt starts the index walk at the cursor; the OR settles ties.
      ...(after
        ? { AND: [{ livePublishedAt: { lte: after.sortValue } }, { OR: [{ livePublishedAt: { lt: after.sortValue } }, { livePublishedAt: after.sortValue, storyId: { lt: after.id } }] }] }
        : {}),
    },
    orderBy: [{ livePublishedAt: "desc" }, { storyId: "desc" }],
    take: options.limit + 1,
    select: { story: { select: readerStorySelect } },
    relationLoadStrategy: "join",
  });
  // A tag only drafts or embargoed stories use is not public: its name alone can leak the news.
  if (!tag || (links.length === 0 && !after)) return null;
  const { id: _id, ...publicTag } = tag;
  return { tag: publicTag, ...pageOf(links.map((link) => toReaderStory(link.story)), options.limit) };
}
