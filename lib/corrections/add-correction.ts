import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertStoryId } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { addCorrectionSchema, type AddCorrectionInput } from "@/lib/corrections/schemas";
import { recordRevision } from "@/lib/stories/revision";
import { toCorrectionJson } from "@/lib/stories/story-shape";
import { recordStoryChange } from "@/lib/outbox/reader-change";
import { lockStory } from "@/lib/stories/lock-story";

/**
 * Adds a dated correction or update note to a story readers have seen (published now, or once
 * and since unpublished): it shows at the foot of the article and in its feed item, and the
 * story's "Updated" time moves (not its place in the lists). A story never yet live has nothing to correct (edit it instead);
 * a killed one is closed for the record.
 */
export async function addCorrection(options: {
  actor: Actor;
  storyId: string;
  input: AddCorrectionInput | Record<string, unknown>;
  /** Runs in the transaction that adds the note, with the note as answered (an Idempotency-Key's answer is recorded so). */
  inTransaction?: ((tx: Tx, correction: CorrectionJson) => Promise<void>) | null;
}): Promise<CorrectionJson> {
  const { actor, storyId, inTransaction } = options;
  requirePermission(actor, "story.correct");
  assertStoryId(storyId);
  const input = parseInput(addCorrectionSchema, options.input);

  const { correction } = await db.$transaction(async (tx) => {
    // Notes are serialised with every other change of the story: each gets a version of its own,
    // and none is added to a story a kill has just closed.
    await lockStory(tx, storyId);
    const current = await tx.story.findUniqueOrThrow({ where: { id: storyId }, select: { status: true, firstPublishedAt: true } });
    if (current.status === "killed") throw new AppError("conflict", "A killed story cannot be corrected: it is kept only for the record");
    // Set when readers first could see it (never ahead of time); until then there is nothing to correct.
    if (!current.firstPublishedAt || current.firstPublishedAt > new Date()) {
      throw new AppError("conflict", "Nothing to correct yet: this story has not been published. Edit it instead.");
    }
    const correction = await tx.storyCorrection.create({
      data: { storyId, kind: input.kind, note: input.note, authorId: actor.id },
      select: { id: true, kind: true, note: true, createdAt: true, author: { select: { id: true, name: true } } },
    });
    // A new version, so a save based on the copy before the note is refused rather than silently
    // racing it; and a meaningful update: the article says "Updated" at the note's time, and its
    // modified time (dateModified, the feed item's) moves to it.
    await tx.story.update({ where: { id: storyId }, data: { version: { increment: 1 }, updatedById: actor.id, lastUpdatedAt: correction.createdAt } });
    await tx.auditEntry.create({
      data: { action: "story.correct", actorId: actor.id, storyId, detail: { correctionId: correction.id, kind: correction.kind } },
    });
    const answer = toCorrectionJson(correction);
    await inTransaction?.(tx, answer);
    const story = await recordRevision(tx, storyId, actor.id);
    await recordStoryChange(tx, { storyId, slugs: [story.slug], tagSlugs: story.tags.map((t) => t.tag.slug), event: "story.corrected", detail: { correction: answer } });
    return { correction: answer };
  });
  return correction;
}

type CorrectionJson = ReturnType<typeof toCorrectionJson>;
