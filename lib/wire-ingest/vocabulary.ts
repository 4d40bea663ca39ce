import "server-only";
import { db } from "@/lib/db";
import { TagVocabulary, type TagVocabularyEntry } from "@/lib/wire";

// The tag vocabulary (every tag with its aliases), compiled once and reused across items. A tag
// made since is picked up within a minute, or at once after forgetVocabulary().
const MAX_AGE_MS = 60_000;
let cached: { vocabulary: TagVocabulary; loadedAt: number } | undefined;

export async function tagVocabulary(): Promise<TagVocabulary> {
  if (cached && Date.now() - cached.loadedAt < MAX_AGE_MS) return cached.vocabulary;
  const tags = await db.tag.findMany({ select: { name: true, type: true, aliases: true } });
  cached = { vocabulary: new TagVocabulary(tags), loadedAt: Date.now() };
  return cached.vocabulary;
}

/**
 * The tags these suggestions name, as they are now (not the cached vocabulary: a tag made a moment
 * ago counts), with their aliases: what suggestions are judged against (suggestion-confidence.ts).
 */
export async function tagsNamed(suggestions: readonly { name: string }[]): Promise<TagVocabularyEntry[]> {
  if (suggestions.length === 0) return [];
  const names = [...new Set(suggestions.map((tag) => tag.name.toLowerCase()))];
  // The (lower(name)) index answers this whatever the size of the vocabulary.
  return db.$queryRaw<TagVocabularyEntry[]>`
    SELECT "name", "type"::text AS "type", "aliases" FROM "Tag" WHERE lower("name") = ANY(${names}::text[])`;
}

export function forgetVocabulary() {
  cached = undefined;
}
