import "server-only";
import { db } from "@/lib/db";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { liveStoryWhere } from "@/lib/stories/live";

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
  const rows = await db.story.findMany({
    where: {
      ...liveStoryWhere(new Date()),
      AND: [{ OR: [{ publishedAt: { gt: from.sortValue } }, { publishedAt: from.sortValue, id: { gte: from.id } }] }],
    },
    orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
    take: options.limit + 1,
    select: { id: true, publishedAt: true },
  });
  return cursorAbove(
    rows.map((row) => ({ sortValue: row.publishedAt!, id: row.id })),
    options.limit,
  );
}

/** For getTagPage: the cursor of the tag's page newer than `cursor`'s, or null when that is the newest page. */
export async function newerTagPageCursor(options: { slug: string; cursor: string; limit: number }): Promise<string | null> {
  const from = decodeCursor(options.cursor);
  const now = new Date();
  const links = await db.storyTag.findMany({
    where: {
      tag: { slug: options.slug },
      livePublishedAt: { lte: now },
      story: liveStoryWhere(now),
      AND: [{ OR: [{ livePublishedAt: { gt: from.sortValue } }, { livePublishedAt: from.sortValue, storyId: { gte: from.id } }] }],
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
