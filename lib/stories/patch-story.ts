import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { patchModeSchema } from "@/lib/stories/schemas";
import { updateStory } from "@/lib/stories/update-story";
import { saveDraftChanges } from "@/lib/stories/draft-changes";

/**
 * PATCH of a story through the API: a change to the story as readers see it, or, with
 * `asDraft: true`, a draft of changes that waits until the story is next published.
 */
export async function patchStory(options: { actor: Actor; id: string; input: Record<string, unknown> }) {
  // Checked, not ignored: `asDraft: "yes"` must never put a change live.
  const { asDraft } = parseInput(patchModeSchema, options.input);
  const { asDraft: _mode, ...input } = options.input;
  return asDraft ? saveDraftChanges({ ...options, input }) : updateStory({ ...options, input });
}
