import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertStoryId } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { recordRevision } from "@/lib/stories/revision";
import { toStoryJson } from "@/lib/stories/story-shape";
import { lockStory } from "@/lib/stories/lock-story";

/** A writer hands a draft to the desk: draft (or unpublished) → in review; a story already in review is a 409. */
export async function submitStory(options: { actor: Actor; id: string }) {
  const { actor, id } = options;
  requirePermission(actor, "story.submit");
  assertStoryId(id);
  const row = await db.$transaction(async (tx) => {
    const current = await lockStory(tx, id);
    if (current.status !== "draft" && current.status !== "unpublished") {
      throw new AppError("conflict", `Only a draft can be submitted for review; this story is ${current.status.replace("_", " ")}`);
    }
    // Submitted again: the desk's note on the last round has been dealt with.
    await tx.story.update({ where: { id }, data: { status: "in_review", version: { increment: 1 }, updatedById: actor.id, reviewNote: null, reviewNoteById: null, reviewNoteAt: null } });
    await tx.auditEntry.create({ data: { action: "story.submit", actorId: actor.id, storyId: id, detail: { from: current.status } } });
    return recordRevision(tx, id, actor.id);
  });
  return toStoryJson(row);
}
