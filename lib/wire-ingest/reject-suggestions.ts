import "server-only";
import { db } from "@/lib/db";
import { assertStoryId } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import type { WireTag } from "@/lib/wire";
import { suggestionKey } from "@/lib/wire-ingest/suggestion-confidence";

const folded = (tag: WireTag) => ({ type: tag.type, name: tag.name.toLocaleLowerCase("en") });

/**
 * Remembers suggestions an editor turned down for a story (left unticked while adding others, or
 * dismissed): they are never suggested for it again, whatever becomes of the story. Turning one
 * down twice is the same as once.
 */
export async function rejectTagSuggestions(options: { actor: Actor; storyId: string; tags: WireTag[] }): Promise<void> {
  const { actor, storyId } = options;
  requirePermission(actor, "story.edit");
  assertStoryId(storyId);
  if (options.tags.length === 0) return;
  await db.rejectedTagSuggestion.createMany({
    data: options.tags.map((tag) => ({ storyId, ...folded(tag), rejectedById: actor.id })),
    skipDuplicates: true,
  });
}

/** The suggestions turned down for a story, as suggestionKey()s. */
export async function rejectedSuggestionKeys(storyId: string): Promise<Set<string>> {
  const rows = await db.rejectedTagSuggestion.findMany({ where: { storyId }, select: { type: true, name: true } });
  return new Set(rows.map(suggestionKey));
}
