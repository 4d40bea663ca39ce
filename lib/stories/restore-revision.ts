import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertStoryId } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { retryOnUniqueViolation } from "@/lib/unique-retry";
import { restoreRevisionSchema, updateStorySchema } from "@/lib/stories/schemas";
import { snapshotUpdateInput, type RevisionSnapshot } from "@/lib/stories/revision-snapshot";
import { revisionNumber } from "@/lib/stories/get-revision";
import { toStoryJson } from "@/lib/stories/story-shape";
import { updateStoryInTx } from "@/lib/stories/update-story";
import { lockStory } from "@/lib/stories/lock-story";

/**
 * Brings back what an earlier revision said, as a normal update: based on the version the editor
 * saw (a stale restore is refused), recorded as a new revision, and audited. Restoring a live story
 * needs the right to edit live copy, as any edit does.
 */
export async function restoreRevision(options: { actor: Actor; id: string; revision: string | number; input: { version: number } | Record<string, unknown> }) {
  const { actor, id } = options;
  requirePermission(actor, "story.edit");
  assertStoryId(id);
  const revision = revisionNumber(options.revision);
  const { version } = parseInput(restoreRevisionSchema, options.input);

  const updated = await retryOnUniqueViolation(() =>
    db.$transaction(async (tx) => {
      // Of restores racing each other (or a restore and a save), one is based on the current version: the rest get 409.
      await lockStory(tx, id);
      const old = await tx.storyRevision.findUnique({ where: { storyId_version: { storyId: id, version: revision } }, select: { snapshot: true } });
      if (!old) throw new AppError("not_found", `This story has no revision ${revision}`);
      const changes = parseInput(updateStorySchema, snapshotUpdateInput(old.snapshot as RevisionSnapshot, version));
      const result = await updateStoryInTx(tx, actor, id, changes);
      await tx.auditEntry.create({ data: { action: "story.restore", actorId: actor.id, storyId: id, detail: { revision, version: result.row.version } } });
      return result;
    }),
  );
  return toStoryJson(updated.row);
}
