import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/permissions";
import { getStory } from "@/lib/stories/get-story";
import { getRevision } from "@/lib/stories/get-revision";
import { diffSnapshots } from "@/lib/stories/revision-diff";
import type { RevisionSnapshot } from "@/lib/stories/revision-snapshot";

/** One side of a comparison: a revision by number, or the story's unpublished draft of changes. */
export type RevisionRef = number | "draft";

/** "3" → 3, "draft" → "draft", anything else → null (for query strings). */
export function parseRevisionRef(value: string | undefined): RevisionRef | null {
  if (value === "draft") return "draft";
  return value && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

export type ComparedSide = { ref: RevisionRef; label: string; author: { id: string; name: string } | null; createdAt: string | null };

async function side(actor: Actor, id: string, ref: RevisionRef): Promise<{ side: ComparedSide; snapshot: RevisionSnapshot }> {
  if (ref !== "draft") {
    const revision = await getRevision({ actor, id, revision: ref });
    return { side: { ref, label: `version ${ref}`, author: revision.author, createdAt: revision.createdAt }, snapshot: revision.snapshot };
  }
  const story = await getStory({ actor, id });
  if (!story.draftChanges) throw new AppError("not_found", "This story has no draft of changes");
  return {
    side: { ref, label: "the draft of changes", author: story.draftSavedBy, createdAt: story.draftSavedAt },
    snapshot: story.draftChanges,
  };
}

/** What changed from one revision (or the draft of changes) to another, field by field. */
export async function compareRevisions(options: { actor: Actor; id: string; from: RevisionRef; to: RevisionRef }) {
  const [from, to] = await Promise.all([side(options.actor, options.id, options.from), side(options.actor, options.id, options.to)]);
  return { from: from.side, to: to.side, fields: diffSnapshots(from.snapshot, to.snapshot) };
}

export type Comparison = Awaited<ReturnType<typeof compareRevisions>>;
