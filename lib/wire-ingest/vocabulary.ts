import "server-only";
import { db } from "@/lib/db";
import { TagVocabulary, type TagVocabularyEntry } from "@/lib/wire";

// The tag vocabulary (every tag with its aliases), compiled once and reused across items. A tag
// made since is picked up within a minute, or at once after forgetVocabulary().
const MAX_AGE_MS = 60_000;
let cached: { vocabulary: TagVocabulary; entries: TagVocabularyEntry[]; loadedAt: number } | undefined;

async function load() {
  if (cached && Date.now() - cached.loadedAt < MAX_AGE_MS) return cached;
  const entries = await db.tag.findMany({ select: { name: true, type: true, aliases: true } });
  cached = { vocabulary: new TagVocabulary(entries), entries, loadedAt: Date.now() };
  return cached;
}

export async function tagVocabulary(): Promise<TagVocabulary> {
  return (await load()).vocabulary;
}

/** The same tags as plain entries (name, type, aliases): what suggestions are judged against (suggestion-confidence.ts). */
export async function tagVocabularyEntries(): Promise<readonly TagVocabularyEntry[]> {
  return (await load()).entries;
}

export function forgetVocabulary() {
  cached = undefined;
}
