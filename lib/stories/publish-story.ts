import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertStoryId } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { publishStorySchema } from "@/lib/stories/schemas";
import { recordRevision } from "@/lib/stories/revision";
import { toStoryJson } from "@/lib/stories/story-shape";
import { revalidateStory } from "@/lib/cache/revalidate-story";
import { isLive } from "@/lib/stories/live";
import { retryOnUniqueViolation } from "@/lib/unique-retry";
import { applyDraftChangesInTx } from "@/lib/stories/draft-changes";

/**
 * Puts a story live now, or schedules it for `at`. A story under embargo never goes live before
 * the embargo lifts: publishing it schedules it for that instant.
 */
export async function publishStory(options: { actor: Actor; id: string; input?: { at?: string } | Record<string, unknown> }) {
  const { actor, id } = options;
  requirePermission(actor, "story.publish");
  assertStoryId(id);
  const input = parseInput(publishStorySchema, options.input ?? {});
  const now = new Date();

  const { row, draft } = await retryOnUniqueViolation(() => db.$transaction(async (tx) => {
    // A draft of changes goes live with the story: that is what it waited for.
    const draft = await applyDraftChangesInTx(tx, actor, id);
    const current = await tx.story.findUnique({
      where: { id },
      select: { status: true, publishedAt: true, firstPublishedAt: true, embargoUntil: true },
    });
    if (!current) throw new AppError("not_found", "No story with that id");
    if (current.status === "killed") throw new AppError("conflict", "A killed story cannot be published again");

    const requested = input.at ? new Date(input.at) : now;
    const goLive = current.embargoUntil && current.embargoUntil > requested ? current.embargoUntil : requested;
    const scheduled = goLive > now;
    // Publishing a story that is already live (published, or scheduled and due) keeps its
    // original time, so it does not jump to the top of the lists.
    const publishedAt = isLive(current, now) && !scheduled && current.publishedAt ? current.publishedAt : goLive;

    await tx.story.update({
      where: { id },
      data: {
        status: scheduled ? "scheduled" : "published",
        publishedAt,
        scheduledAt: scheduled ? goLive : null,
        firstPublishedAt: current.firstPublishedAt ?? publishedAt,
        version: { increment: 1 },
        updatedById: actor.id,
      },
    });
    await tx.storyTag.updateMany({ where: { storyId: id }, data: { livePublishedAt: publishedAt } });
    await tx.auditEntry.create({
      data: {
        action: scheduled ? "story.schedule" : "story.publish",
        actorId: actor.id,
        storyId: id,
        detail: {
          from: current.status,
          at: publishedAt.toISOString(),
          embargoUntil: current.embargoUntil?.toISOString() ?? null,
          ...(draft ? { draftChangesApplied: draft.row.version } : {}),
        },
      },
    });
    return { row: await recordRevision(tx, id, actor.id), draft };
  }));

  await revalidateStory({
    storyId: row.id,
    slugs: draft ? [draft.before.slug, row.slug] : [row.slug],
    tagSlugs: [...(draft?.before.tags ?? []), ...row.tags].map((t) => t.tag.slug),
  });
  return toStoryJson(row);
}
