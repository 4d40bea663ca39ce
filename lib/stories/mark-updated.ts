import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { lockStory } from "@/lib/stories/lock-story";

/**
 * Records a meaningful update of a story readers have seen (published now, or once and since
 * unpublished): the article shows "Updated …" under its publication time, and dateModified,
 * article:modified_time and the feed items' updated time move to `at`. Its place in the lists
 * does not: that is its first publication (lib/stories/publish-story.ts). A change saved
 * without it (a typo fixed) is a silent correction and moves none of these.
 *
 * Runs in the caller's transaction, so the update note and the change it describes are one:
 * the story save calls it with its `markAsUpdate` flag, after applying the change; corrections
 * (lib/corrections/add-correction.ts) mark their own. It changes no version and expires no page:
 * the caller's save does both.
 */
export async function markStoryUpdatedInTx(tx: Tx, options: { actor: Actor; storyId: string; at?: Date }): Promise<{ lastUpdatedAt: Date }> {
  const { actor, storyId } = options;
  requirePermission(actor, "story.edit.live");
  const locked = await lockStory(tx, storyId);
  if (locked.status === "killed") throw new AppError("conflict", "A killed story cannot be marked as updated: it is kept only for the record");
  const story = await tx.story.findUniqueOrThrow({ where: { id: storyId }, select: { firstPublishedAt: true } });
  const at = options.at ?? new Date();
  if (!story.firstPublishedAt || story.firstPublishedAt > at) {
    throw new AppError("conflict", "Only a story readers have seen can be marked as updated: this one has not been published yet", {
      markAsUpdate: ["Not published yet: there is nothing to update"],
    });
  }
  await tx.story.update({ where: { id: storyId }, data: { lastUpdatedAt: at } });
  await tx.auditEntry.create({ data: { action: "story.mark_update", actorId: actor.id, storyId, detail: { at: at.toISOString() } } });
  return { lastUpdatedAt: at };
}
