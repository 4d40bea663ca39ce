import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertStoryId } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { textSchema } from "@/lib/text-input";
import { recordRevision } from "@/lib/stories/revision";
import { toStoryJson } from "@/lib/stories/story-shape";
import { lockStory } from "@/lib/stories/lock-story";

// The two ways out of review that are not publishing: the writer takes the story back to work on
// it, or the desk sends it back with a note the writer sees above the story until they submit it
// again. Both run under the story's lock, as every command does, and are audited.

export const returnStorySchema = z.object({
  note: textSchema({ message: "Say what the story needs", multiline: true }).min(1, "Say what the story needs").max(2000, "At most 2,000 characters"),
});

const inReviewOnly = (status: string) => {
  if (status !== "in_review") throw new AppError("conflict", `Only a story in review can leave review; this story is ${status.replace("_", " ")}`);
};

/** The writer (whoever may submit) takes a story out of review: in review → draft. */
export async function withdrawFromReview(options: { actor: Actor; id: string }) {
  const { actor, id } = options;
  requirePermission(actor, "story.submit");
  assertStoryId(id);
  const row = await db.$transaction(async (tx) => {
    inReviewOnly((await lockStory(tx, id)).status);
    await tx.story.update({ where: { id }, data: { status: "draft", version: { increment: 1 }, updatedById: actor.id } });
    await tx.auditEntry.create({ data: { action: "story.withdraw_review", actorId: actor.id, storyId: id, detail: { from: "in_review" } } });
    return recordRevision(tx, id, actor.id);
  });
  return toStoryJson(row);
}

/** The desk (whoever may publish) sends a story back to its writer with a note: in review → draft. */
export async function returnStory(options: { actor: Actor; id: string; input: z.input<typeof returnStorySchema> | Record<string, unknown> }) {
  const { actor, id } = options;
  requirePermission(actor, "story.publish");
  assertStoryId(id);
  const { note } = parseInput(returnStorySchema, options.input);
  const row = await db.$transaction(async (tx) => {
    inReviewOnly((await lockStory(tx, id)).status);
    await tx.story.update({
      where: { id },
      data: { status: "draft", version: { increment: 1 }, updatedById: actor.id, reviewNote: note, reviewNoteById: actor.id, reviewNoteAt: new Date() },
    });
    await tx.auditEntry.create({ data: { action: "story.return", actorId: actor.id, storyId: id, detail: { from: "in_review", note } } });
    return recordRevision(tx, id, actor.id);
  });
  return toStoryJson(row);
}

/** How many stories wait for the desk: the newsroom shows it beside the story list. */
export async function countStoriesInReview(options: { actor: Actor }): Promise<number> {
  requirePermission(options.actor, "story.read");
  return db.story.count({ where: { status: "in_review" } });
}
