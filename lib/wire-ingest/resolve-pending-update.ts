import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { updateStorySchema } from "@/lib/stories/schemas";
import { updateStoryInTx } from "@/lib/stories/update-story";
import { toStoryJson } from "@/lib/stories/story-shape";
import { takeChanges } from "@/lib/wire-ingest/story-from-wire";
import { parseStoredWireItem } from "@/lib/wire-ingest/stored-wire-item";
import { lockStory } from "@/lib/stories/lock-story";

/**
 * An editor's answer to a newer agency version of a live story: apply it (the copy replaces the
 * live text, as a normal edit with its revision) or keep the live text. Either way the item is
 * settled and older pending versions with it.
 */
export async function resolvePendingUpdate(options: { actor: Actor; wireItemId: string; apply: boolean; storyVersion?: number }) {
  const { actor } = options;
  requirePermission(actor, "story.edit.live");
  if (!isUuid(options.wireItemId)) throw new AppError("not_found", "No such wire update");
  const result = await db.$transaction(async (tx) => {
    const item = await tx.wireItem.findUnique({
      where: { id: options.wireItemId },
      select: { id: true, storyId: true, guid: true, version: true, raw: true, receivedAt: true, takeKind: true },
    });
    if (!item?.storyId) throw new AppError("not_found", "No such wire update");
    const storyId = item.storyId;
    // The story's lock first, as every command on it takes (and as ingest does before it records a
    // version): an answer and a publish, kill or newer version of the same story never interleave.
    await lockStory(tx, storyId);
    // Settle it atomically: of two clicks (or "keep" and "apply" at once) only the first counts.
    const claimed = await tx.wireItem.updateMany({ where: { id: item.id, state: "pending" }, data: { state: options.apply ? "applied" : "superseded" } });
    if (claimed.count !== 1) throw new AppError("conflict", "This update has already been dealt with");
    // Older pending versions go with it; newer ones stay for the editor. (Adds each bring paragraphs
    // of their own, and a lead or write-through replaces what came before it, as a version does.)
    await tx.wireItem.updateMany({ where: { storyId, state: "pending", version: { lt: item.version ?? 0 } }, data: { state: "superseded" } });
    if (item.takeKind && item.takeKind !== "add") {
      await tx.wireItem.updateMany({ where: { storyId, state: "pending", receivedAt: { lt: item.receivedAt }, takeKind: { not: null } }, data: { state: "superseded" } });
    }
    if (!options.apply) return null;
    const story = await tx.story.findUniqueOrThrow({ where: { id: storyId }, select: { version: true, body: true, leadImageId: true } });
    // A live story keeps its pictures (lead and figures): a new one would first need its alt text,
    // which the editor applying the update has had no chance to write.
    const changes = takeChanges(parseStoredWireItem(item), story);
    // The version the editor saw: applying over an edit made since is refused (409), not silent.
    return updateStoryInTx(tx, actor, storyId, parseInput(updateStorySchema, { ...changes, version: options.storyVersion ?? story.version }));
  });
  if (!result) return null;
  return toStoryJson(result.row);
}
