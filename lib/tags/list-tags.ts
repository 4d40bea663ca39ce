import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { makeSlug } from "@/lib/stories/make-slug";
import { listTagsQuerySchema, type ListTagsQuery } from "@/lib/tags/schemas";
import { tagSelect, toTagJson } from "@/lib/tags/tag-shape";

// A tag on half the archive would cost a scan of half a million index entries to count exactly;
// past this the list says "10,000+", so a page of tags costs the same whatever their size.
export const COUNT_CAP = 10_000;

const encodeTagCursor = (slug: string) => Buffer.from(slug).toString("base64url");
function decodeTagCursor(cursor: string): string {
  const slug = Buffer.from(cursor, "base64url").toString("utf8");
  if (!slug || !/^[a-z0-9-]+$/.test(slug)) {
    throw new AppError("validation_failed", "The cursor is not valid: use nextCursor from a previous page", { cursor: ["Not a valid cursor"] });
  }
  return slug;
}

/**
 * The newsroom's tags in slug order (the name as it reads in a URL), keyset-paginated on the
 * unique slug index; `q` matches the start of the slug, so "sao p" finds São Paulo. Each tag
 * carries how many stories have it, counted for this page only and capped at COUNT_CAP.
 */
export async function listTags(options: { actor: Actor; query: ListTagsQuery | Record<string, unknown> }) {
  requirePermission(options.actor, "story.read");
  const query = parseInput(listTagsQuerySchema, options.query);
  // makeSlug falls back to "story" for text with no Latin letters or digits: match such a name as typed.
  const prefix = query.q && makeSlug(query.q) !== "story" ? makeSlug(query.q) : null;
  const after = query.cursor ? decodeTagCursor(query.cursor) : null;
  const rows = await db.tag.findMany({
    where: {
      ...(prefix || after ? { slug: { ...(prefix ? { startsWith: prefix } : {}), ...(after ? { gt: after } : {}) } } : {}),
      ...(query.q && !prefix ? { name: { startsWith: query.q, mode: "insensitive" as const } } : {}),
      ...(query.type ? { type: query.type } : {}),
    },
    orderBy: { slug: "asc" },
    take: query.limit + 1,
    select: tagSelect,
  });
  const page = rows.slice(0, query.limit);
  const counts = new Map<string, number>();
  if (page.length) {
    const ids = page.map((tag) => tag.id);
    const counted = await db.$queryRaw<{ id: string; stories: number }[]>`
      SELECT t."id", (SELECT count(*)::int FROM (SELECT 1 FROM "StoryTag" st WHERE st."tagId" = t."id" LIMIT ${COUNT_CAP + 1}) AS capped) AS "stories"
      FROM unnest(${ids}::uuid[]) AS t("id")`;
    for (const row of counted) counts.set(row.id, row.stories);
  }
  const last = page[page.length - 1];
  return {
    items: page.map((tag) => {
      const stories = counts.get(tag.id) ?? 0;
      return { ...toTagJson(tag), stories: Math.min(stories, COUNT_CAP), storiesCapped: stories > COUNT_CAP };
    }),
    nextCursor: rows.length > query.limit && last ? encodeTagCursor(last.slug) : null,
  };
}
