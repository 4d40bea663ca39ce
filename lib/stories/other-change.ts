import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { getStory } from "@/lib/stories/get-story";
import { compareRevisions, type Comparison, type RevisionRef } from "@/lib/stories/compare-revisions";

export type OtherChange = {
  /** "saved": a new version of the story; "draft": a draft of changes saved; "discarded": the draft you had is gone. */
  kind: "saved" | "draft" | "discarded";
  version: number;
  by: string | null;
  at: string | null;
  from: RevisionRef;
  to: RevisionRef;
  comparison: Comparison | null;
};

/**
 * After a save was refused as stale: what someone else saved since the editor opened the story
 * (at `version`, with the draft saved at `draftSavedAt`, if any), and how it differs from what the
 * editor started from. Null when nothing changed, so the refusal had another cause.
 */
export async function otherChangeSince(options: { actor: Actor; id: string; version: number; draftSavedAt: string | null }): Promise<OtherChange | null> {
  const { actor, id, version } = options;
  const story = await getStory({ actor, id });
  let change: Omit<OtherChange, "comparison">;
  if (story.version !== version) {
    change = { kind: "saved", version: story.version, by: story.updatedBy.name, at: story.updatedAt, from: version, to: story.version };
  } else if (story.draftSavedAt !== options.draftSavedAt) {
    change = story.draftSavedAt
      ? { kind: "draft", version, by: story.draftSavedBy?.name ?? null, at: story.draftSavedAt, from: version, to: "draft" }
      : { kind: "discarded", version, by: null, at: null, from: version, to: version };
  } else {
    return null;
  }
  // The version the editor started from may have no revision of its own (older data): no diff then.
  const comparison =
    change.from === change.to
      ? null
      : await compareRevisions({ actor, id, from: change.from, to: change.to }).catch((error: unknown) => {
          if (isAppError(error) && error.code === "not_found") return null;
          throw error;
        });
  return { ...change, comparison };
}
