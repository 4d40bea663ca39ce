import "server-only";
import { storyLength } from "@/lib/stories/word-count";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { decodeCursor, encodeCursor, prefixTsQuery } from "@/lib/pagination";
import { listStoriesQuerySchema, type ListStoriesQuery } from "@/lib/stories/schemas";
import { storySelect, toStoryJson } from "@/lib/stories/story-shape";
import { newsroomDayRange } from "@/lib/site/newsroom-time";
import { makeSlug } from "@/lib/stories/make-slug";

/**
 * The tag a filter names, as an editor types it: its slug, a former slug (the tag was renamed or
 * merged), or its name in any case ("Russia", "russia"), else the slug its name makes.
 */
async function findFilterTag(text: string): Promise<{ id: string } | null> {
  const bySlug = async (slug: string) =>
    (await db.tag.findUnique({ where: { slug }, select: { id: true } })) ??
    (await db.tagRedirect.findUnique({ where: { slug }, select: { tagId: true } }).then((redirect) => redirect && { id: redirect.tagId }));
  const found = await bySlug(text);
  if (found) return found;
  // lower() = lower(), as tags are matched by name everywhere (lib/tags/resolve-tags.ts); the oldest first.
  const [byName] = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Tag" WHERE lower("name") = lower(${text}) ORDER BY "createdAt", "id" LIMIT 1`;
  if (byName) return byName;
  const slug = makeSlug(text);
  return slug && slug !== text ? bySlug(slug) : null;
}

/**
 * The newsroom's story list: any state, most recently changed first, keyset-paginated so page
 * 1,000 costs what page 1 does. Filters, combined: status, tag slug, author (the user who created
 * the story), days of the last change (in the newsroom's time zone), headline words (prefix match).
 * Each narrows a walk down an index in (…, updatedAt DESC, id DESC) order, so no combination reads
 * and sorts a whole filter's worth of rows (see README, "Architecture").
 */
export async function listStories(options: { actor: Actor; query: ListStoriesQuery | Record<string, unknown> }) {
  requirePermission(options.actor, "story.read");
  const query = parseInput(listStoriesQuerySchema, options.query);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const conditions: Prisma.Sql[] = [];
  if (query.status) conditions.push(Prisma.sql`s."status" = ${query.status}::"StoryStatus"`);
  if (query.tag) {
    // By the tag's id, not a join on its slug: given the id, the planner knows from its statistics
    // whether the tag is rare (read its StoryTag rows, sort them) or common (walk the list's order
    // and probe StoryTag's primary key). Through the join it guessed, and read 150,000 rows for a
    // common tag.
    // A former slug (the tag was renamed or merged) still names it.
    const tag = await findFilterTag(query.tag);
    if (!tag) return { items: [], nextCursor: null };
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "StoryTag" st WHERE st."storyId" = s."id" AND st."tagId" = ${tag.id}::uuid)`);
  }
  if (query.author) conditions.push(Prisma.sql`s."createdById" = ${query.author}::uuid`);
  const changed = newsroomDayRange(query.updatedFrom, query.updatedTo);
  if (changed.start) conditions.push(Prisma.sql`s."updatedAt" >= ${changed.start}`);
  if (changed.end) conditions.push(Prisma.sql`s."updatedAt" < ${changed.end}`);
  const tsQuery = query.q ? prefixTsQuery(query.q) : null;
  if (tsQuery) conditions.push(Prisma.sql`to_tsvector('simple', s."headline") @@ to_tsquery('simple', ${tsQuery})`);
  if (cursor) {
    // A cursor past the range's end adds nothing, and beside it would make the index scan start
    // at the cursor and read down to the end.
    if (!changed.end || cursor.sortValue < changed.end) {
      conditions.push(Prisma.sql`(s."updatedAt", s."id") < (${cursor.sortValue}, ${cursor.id}::uuid)`);
    }
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const [, page] = await db.$transaction([
    // A page is the first rows of an index walk. Parallel workers cannot stop with it: under a
    // Gather Merge they read every row of a filter (850 ms where one process takes 40).
    db.$executeRaw`SET LOCAL max_parallel_workers_per_gather = 0`,
    db.$queryRaw<{ id: string; updatedAt: Date }[]>`
      SELECT s."id", s."updatedAt" FROM "Story" s ${where}
      ORDER BY s."updatedAt" DESC, s."id" DESC
      LIMIT ${query.limit + 1}`,
  ]);

  const keys = page.slice(0, query.limit);
  const rows = keys.length ? await db.story.findMany({ where: { id: { in: keys.map((key) => key.id) } }, select: storySelect, relationLoadStrategy: "join" }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = keys.flatMap((key) => (byId.has(key.id) ? [toStoryJson(byId.get(key.id)!)] : []));
  // The cursor comes from the keyset query itself, so a save between the two queries cannot move it.
  const last = page.length > query.limit ? keys[keys.length - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor(last.updatedAt, last.id) : null };
}

/**
 * The newsroom's story list as the desk reads it: each story with its word count and whether a
 * newer agency version waits for an editor's answer (lib/wire-ingest/resolve-pending-update.ts).
 */
export async function listDeskStories(options: Parameters<typeof listStories>[0]) {
  const { items, nextCursor } = await listStories(options);
  const pending = items.length
    ? await db.wireItem.findMany({ where: { storyId: { in: items.map((story) => story.id) }, state: "pending" }, select: { storyId: true }, distinct: ["storyId"] })
    : [];
  const waiting = new Set(pending.map((item) => item.storyId));
  return {
    items: items.map((story) => ({ ...story, words: storyLength(story).words, pendingAgencyUpdate: waiting.has(story.id) })),
    nextCursor,
  };
}

export type DeskStory = Awaited<ReturnType<typeof listDeskStories>>["items"][number];
