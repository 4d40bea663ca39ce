import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { decodeCursor, encodeCursor, prefixTsQuery } from "@/lib/pagination";
import { listStoriesQuerySchema, type ListStoriesQuery } from "@/lib/stories/schemas";
import { storySelect, toStoryJson } from "@/lib/stories/story-shape";

/**
 * The newsroom's story list: any state, most recently changed first, keyset-paginated so page
 * 1,000 costs what page 1 does. Filters: status, tag slug, headline words (prefix match).
 */
export async function listStories(options: { actor: Actor; query: ListStoriesQuery | Record<string, unknown> }) {
  requirePermission(options.actor, "story.read");
  const query = parseInput(listStoriesQuerySchema, options.query);
  const conditions: Prisma.Sql[] = [];
  if (query.status) conditions.push(Prisma.sql`s."status" = ${query.status}::"StoryStatus"`);
  if (query.tag) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "StoryTag" st JOIN "Tag" t ON t."id" = st."tagId" WHERE st."storyId" = s."id" AND t."slug" = ${query.tag})`);
  }
  const tsQuery = query.q ? prefixTsQuery(query.q) : null;
  if (tsQuery) conditions.push(Prisma.sql`to_tsvector('simple', s."headline") @@ to_tsquery('simple', ${tsQuery})`);
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    conditions.push(Prisma.sql`(s."updatedAt", s."id") < (${cursor.sortValue}, ${cursor.id}::uuid)`);
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const page = await db.$queryRaw<{ id: string; updatedAt: Date }[]>`
    SELECT s."id", s."updatedAt" FROM "Story" s ${where}
    ORDER BY s."updatedAt" DESC, s."id" DESC
    LIMIT ${query.limit + 1}`;

  const keys = page.slice(0, query.limit);
  const rows = keys.length ? await db.story.findMany({ where: { id: { in: keys.map((key) => key.id) } }, select: storySelect, relationLoadStrategy: "join" }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = keys.flatMap((key) => (byId.has(key.id) ? [toStoryJson(byId.get(key.id)!)] : []));
  // The cursor comes from the keyset query itself, so a save between the two queries cannot move it.
  const last = page.length > query.limit ? keys[keys.length - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor(last.updatedAt, last.id) : null };
}
