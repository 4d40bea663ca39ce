import "server-only";
import { db } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { prefixTsQuery } from "@/lib/pagination";
import type { TagType } from "@/lib/stories/schemas";

/** Existing tags whose words start with what was typed ("lav" → Sergey Lavrov), for the tag field. */
export async function suggestTags(options: { actor: Actor; query: string; limit?: number }) {
  requirePermission(options.actor, "story.edit");
  const tsQuery = prefixTsQuery(options.query.slice(0, 80));
  if (!tsQuery) return [];
  return db.$queryRaw<{ name: string; slug: string; type: TagType }[]>`
    SELECT "name", "slug", "type"::text AS "type" FROM "Tag"
    WHERE to_tsvector('simple', "name") @@ to_tsquery('simple', ${tsQuery})
    ORDER BY lower("name") LIMIT ${options.limit ?? 10}`;
}
