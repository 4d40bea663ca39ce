import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertStoryId } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { recordRevision } from "@/lib/stories/revision";
import { toStoryJson } from "@/lib/stories/story-shape";
import { recordStoryChange } from "@/lib/outbox/reader-change";
import { lockStory } from "@/lib/stories/lock-story";

/**
 * Kills a story inside the caller's transaction (wire ingest withdraws canceled items this way).
 * Of kills racing each other one kills; the rest find it killed, as they would one after another (409).
 */
export async function killStoryInTx(tx: Tx, actor: Actor, id: string, reason?: string) {
  requirePermission(actor, "story.kill");
  const current = await lockStory(tx, id);
  if (current.status === "killed") throw new AppError("conflict", "This story is already killed");
  // Integrators hear of a kill only for a story readers could have seen: a draft's or an embargoed
  // item's copy never leaves the newsroom.
  const seen = await tx.story.findUniqueOrThrow({ where: { id }, select: { firstPublishedAt: true } });
  const wasPublic = !!seen.firstPublishedAt && seen.firstPublishedAt <= new Date();
  await tx.story.update({
    where: { id },
    data: { status: "killed", killedAt: new Date(), scheduledAt: null, version: { increment: 1 }, updatedById: actor.id },
  });
  await tx.storyTag.updateMany({ where: { storyId: id }, data: { livePublishedAt: null } });
  await tx.auditEntry.create({ data: { action: "story.kill", actorId: actor.id, storyId: id, detail: { from: current.status, ...(reason ? { reason } : {}) } } });
  const row = await recordRevision(tx, id, actor.id);
  await recordStoryChange(tx, { storyId: id, slugs: [row.slug], tagSlugs: row.tags.map((t) => t.tag.slug), event: wasPublic ? "story.killed" : null, detail: reason ? { reason } : {} });
  return row;
}

/** Withdraws a story for good: its page answers 410 Gone; the copy is kept for the record. */
export async function killStory(options: { actor: Actor; id: string }) {
  const { actor, id } = options;
  requirePermission(actor, "story.kill");
  assertStoryId(id);
  const row = await db.$transaction((tx) => killStoryInTx(tx, actor, id));
  return toStoryJson(row);
}
