import "server-only";
import { db } from "@/lib/db";
import { TagVocabulary } from "@/lib/wire";

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

export function forgetVocabulary() {
  cached = undefined;
}
