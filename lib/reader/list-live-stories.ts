import "server-only";
import { db } from "@/lib/db";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { liveStoryWhere } from "@/lib/stories/live";
import { readerStorySelect, toReaderStory, type ReaderStory } from "@/lib/reader/reader-story";

export type StoryPage = { stories: ReaderStory[]; nextCursor: string | null };

/** Live stories, newest first, one keyset page (home page and site feeds). */
export async function listLiveStories(options: { cursor?: string; limit: number }): Promise<StoryPage> {
  const now = new Date();
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  const rows = await db.story.findMany({
    where: {
      ...liveStoryWhere(now),
      ...(after
        ? { AND: [{ OR: [{ publishedAt: { lt: after.sortValue } }, { publishedAt: after.sortValue, id: { lt: after.id } }] }] }
        : {}),
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    select: readerStorySelect,
    relationLoadStrategy: "join",
  });
  return pageOf(rows.map(toReaderStory), options.limit);
}

export function pageOf(stories: ReaderStory[], limit: number): StoryPage {
  const visible = stories.slice(0, limit);
  const last = visible[visible.length - 1];
  return {
    stories: visible,
    nextCursor: stories.length > limit && last ? encodeCursor(new Date(last.publishedAt), last.id) : null,
  };
}
