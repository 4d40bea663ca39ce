import "server-only";
import { readerDb } from "@/lib/db";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { liveStoryRanges, liveStoryWhere } from "@/lib/stories/live";

// A page of a keyset list holds the `limit` stories older than its cursor. The page just newer
// than it holds the `limit` stories from the cursor upwards, and so starts at the cursor of the
// story above those: found by walking the same index upwards, keys only, `limit + 1` rows. When
// there are no more than `limit` stories from the cursor up, the newest page (no cursor) holds
// them, and there is no newer cursor.

function cursorAbove(rows: { sortValue: Date; id: string }[], limit: number): string | null {
  const above = rows[limit];
  return above ? encodeCursor(above.sortValue, above.id) : null;
}

/** For listLiveStories: the cursor of the page newer than `cursor`'s, or null when that is the newest page. */
export async function newerLiveStoriesCursor(options: { cursor: string; limit: number }): Promise<string | null> {
  const from = decodeCursor(options.cursor);
  const now = new Date();
  // Two index ranges, as listLiveStories reads them (see liveStoryRanges), merged.
  const ranges = await Promise.all(
    liveStoryRanges(now).map((range) =>
      readerDb.story.findMany({
        where: {
          ...range,
          AND: [{ publishedAt: { gte: from.sortValue } }, { OR: [{ publishedAt: { gt: from.sortValue } }, { publishedAt: from.sortValue, id: { gte: from.id } }] }],
        },
        orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
        take: options.limit + 1,
        select: { id: true, publishedAt: true },
      }),
    ),
  );
  const rows = ranges
    .flat()
    .sort((a, b) => a.publishedAt!.getTime() - b.publishedAt!.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, options.limit + 1);
  return cursorAbove(
    rows.map((row) => ({ sortValue: row.publishedAt!, id: row.id })),
    options.limit,
  );
}

/** For getTagPage: the cursor of the tag's page newer than `cursor`'s, or null when that is the newest page. */
export async function newerTagPageCursor(options: { slug: string; cursor: string; limit: number }): Promise<string | null> {
  const from = decodeCursor(options.cursor);
  const now = new Date();
  // By the tag's id, not a join on its slug: an equality the (tagId, livePublishedAt) index can start from.
  const tag = await readerDb.tag.findUnique({ where: { slug: options.slug }, select: { id: true } });
  if (!tag) return null;
  const links = await readerDb.storyTag.findMany({
    where: {
      tagId: tag.id,
      livePublishedAt: { lte: now },
      story: liveStoryWhere(now),
      AND: [{ livePublishedAt: { gte: from.sortValue } }, { OR: [{ livePublishedAt: { gt: from.sortValue } }, { livePublishedAt: from.sortValue, storyId: { gte: from.id } }] }],
    },
    orderBy: [{ livePublishedAt: "asc" }, { storyId: "asc" }],
    take: options.limit + 1,
    select: { storyId: true, livePublishedAt: true },
  });
  return cursorAbove(
    links.map((link) => ({ sortValue: link.livePublishedAt!, id: link.storyId })),
    options.limit,
  );
}
