import "server-only";
import { readerDb } from "@/lib/db";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { liveStoryRanges } from "@/lib/stories/live";
import { readerStorySelect, toReaderStory, type ReaderStory } from "@/lib/reader/reader-story";

export type StoryPage = { stories: ReaderStory[]; nextCursor: string | null };

/** Live stories, newest first, one keyset page (home page and site feeds). */
export async function listLiveStories(options: { cursor?: string; limit: number }): Promise<StoryPage> {
  const now = new Date();
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  const ranges = await Promise.all(
    liveStoryRanges(now).map((range) =>
      readerDb.story.findMany({
        where: {
          ...range,
          ...(after
            ? // The bound on publishedAt starts the index walk at the cursor; the OR settles ties.
              { AND: [{ publishedAt: { lte: after.sortValue } }, { OR: [{ publishedAt: { lt: after.sortValue } }, { publishedAt: after.sortValue, id: { lt: after.id } }] }] }
            : {}),
        },
        orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
        take: options.limit + 1,
        select: readerStorySelect,
        relationLoadStrategy: "join",
      }),
    ),
  );
  const rows = ranges
    .flat()
    .sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, options.limit + 1);
  return pageOf(rows.map((row) => toReaderStory(row)), options.limit);
}

export function pageOf(stories: ReaderStory[], limit: number): StoryPage {
  const visible = stories.slice(0, limit);
  const last = visible[visible.length - 1];
  return {
    stories: visible,
    nextCursor: stories.length > limit && last ? encodeCursor(new Date(last.publishedAt), last.id) : null,
  };
}
