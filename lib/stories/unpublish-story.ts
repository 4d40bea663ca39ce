import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertStoryId } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { recordRevision } from "@/lib/stories/revision";
import { toStoryJson } from "@/lib/stories/story-shape";
import { recordStoryChange } from "@/lib/outbox/reader-change";
import { lockStory } from "@/lib/stories/lock-story";

/**
 * Takes a live or scheduled story off the site; it can be published again later. Of unpublishes
 * racing each other one takes it down; the rest find it unpublished (409), as one after another would.
 */
export async function unpublishStory(options: { actor: Actor; id: string }) {
  const { actor, id } = options;
  requirePermission(actor, "story.unpublish");
  assertStoryId(id);
  const row = await db.$transaction(async (tx) => {
    const current = await lockStory(tx, id);
    if (current.status !== "published" && current.status !== "scheduled") {
      throw new AppError("conflict", `Only a published or scheduled story can be unpublished; this one is ${current.status.replace("_", " ")}`);
    }
    await tx.story.update({
      where: { id },
      data: { status: "unpublished", scheduledAt: null, version: { increment: 1 }, updatedById: actor.id },
    });
    await tx.storyTag.updateMany({ where: { storyId: id }, data: { livePublishedAt: null } });
    await tx.auditEntry.create({ data: { action: "story.unpublish", actorId: actor.id, storyId: id, detail: { from: current.status } } });
    const row = await recordRevision(tx, id, actor.id);
    // Only a story readers could see is news to integrators when it goes.
    await recordStoryChange(tx, { storyId: id, slugs: [row.slug], tagSlugs: row.tags.map((t) => t.tag.slug), event: current.status === "published" ? "story.unpublished" : null });
    return row;
  });
  return toStoryJson(row);
}
