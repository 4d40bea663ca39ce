import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertStoryId } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { publishStorySchema } from "@/lib/stories/schemas";
import { recordRevision } from "@/lib/stories/revision";
import { storySelect, toStoryJson } from "@/lib/stories/story-shape";
import { recordStoryChange } from "@/lib/outbox/reader-change";
import { schedulePublication } from "@/lib/jobs/schedule-publication";
import { isLive } from "@/lib/stories/live";
import { retryOnUniqueViolation } from "@/lib/unique-retry";
import { applyDraftChangesInTx } from "@/lib/stories/draft-changes";
import { lockStory } from "@/lib/stories/lock-story";
import { assertStoryPublishable } from "@/lib/stories/assert-publishable";

/**
 * Puts a story live now, or schedules it for `at`. A story under embargo never goes live before
 * the embargo lifts: publishing it schedules it for that instant. A story readers have seen
 * before keeps its first publication time (publishedAt) whenever it comes back.
 *
 * Publishing a story that is already as asked (live, or scheduled for that instant) changes
 * nothing and answers it as it is, 200: no new version, audit entry or revision. So of publishes
 * racing each other exactly one publishes, and the others get the story it published.
 */
export async function publishStory(options: { actor: Actor; id: string; input?: { at?: string } | Record<string, unknown> }) {
  const { actor, id } = options;
  requirePermission(actor, "story.publish");
  assertStoryId(id);
  const input = parseInput(publishStorySchema, options.input ?? {});

  const { row } = await retryOnUniqueViolation(() => db.$transaction(async (tx) => {
    const locked = await lockStory(tx, id);
    // Read the clock under the lock: a publish that waited for another must see that one's time as past.
    const now = new Date();
    if (locked.status === "killed") throw new AppError("conflict", "A killed story cannot be published again");
    // A draft of changes goes live with the story: that is what it waited for.
    const draft = await applyDraftChangesInTx(tx, actor, id);
    const current = await tx.story.findUniqueOrThrow({
      where: { id },
      select: { status: true, publishedAt: true, scheduledAt: true, firstPublishedAt: true, embargoUntil: true },
    });

    const requested = input.at ? new Date(input.at) : now;
    const goLive = current.embargoUntil && current.embargoUntil > requested ? current.embargoUntil : requested;
    const scheduled = goLive > now;
    // A story keeps its first publication time for good: published again after it was taken
    // down (now or scheduled), it goes back to its place in every list and feed, not to the top.
    // Newer news about it is an update (lib/stories/mark-updated.ts, lib/corrections), not a new date.
    // A story live without a recorded first publication (scheduled and due before the scheduler
    // ran) keeps its time too. A published story counts as live whatever this process's clock
    // says of its time (another instance's may run ahead).
    const seenAt = current.firstPublishedAt && current.firstPublishedAt <= now ? current.firstPublishedAt : null;
    const alreadyLive = current.status === "published" || isLive(current, now);
    const publishedAt = seenAt ?? (alreadyLive && !scheduled && current.publishedAt ? current.publishedAt : goLive);
    const status = scheduled ? "scheduled" : "published";
    const scheduledAt = scheduled ? goLive : null;

    if (!draft && current.status === status && sameInstant(current.publishedAt, publishedAt) && sameInstant(current.scheduledAt, scheduledAt)) {
      return { row: await tx.story.findUniqueOrThrow({ where: { id }, select: storySelect, relationLoadStrategy: "join" }), draft, changed: false };
    }
    // What the newsroom requires before a story goes out (PUBLISH_REQUIRE), checked on the copy
    // that goes live, draft of changes applied: 422 with the fields, nothing changed.
    await assertStoryPublishable(tx, id);

    await tx.story.update({
      where: { id },
      data: {
        status,
        publishedAt,
        scheduledAt,
        // Set when readers first can see it: by the scheduler for a story scheduled (lib/stories/publish-due.ts).
        firstPublishedAt: current.firstPublishedAt ?? (scheduled ? null : publishedAt),
        version: { increment: 1 },
        updatedById: actor.id,
      },
    });
    await tx.storyTag.updateMany({ where: { storyId: id }, data: { livePublishedAt: publishedAt } });
    if (scheduledAt) await schedulePublication(tx, id, scheduledAt);
    await tx.auditEntry.create({
      data: {
        action: scheduled ? "story.schedule" : "story.publish",
        actorId: actor.id,
        storyId: id,
        detail: {
          from: current.status,
          at: (scheduledAt ?? (seenAt ? now : publishedAt)).toISOString(),
          ...(seenAt ? { firstPublishedAt: seenAt.toISOString() } : {}),
          embargoUntil: current.embargoUntil?.toISOString() ?? null,
          ...(draft ? { draftChangesApplied: draft.row.version } : {}),
        },
      },
    });
    const row = await recordRevision(tx, id, actor.id);
    await recordStoryChange(tx, {
      storyId: id,
      slugs: draft ? [draft.before.slug, row.slug] : [row.slug],
      tagSlugs: [...(draft?.before.tags ?? []), ...row.tags].map((t) => t.tag.slug),
      // Scheduled: published when its time comes (lib/stories/publish-due.ts); a live story
      // scheduled again leaves the site until then; one published again is updated (its draft of
      // changes, applied above through updateStoryInTx, said so already).
      event: scheduled ? (current.status === "published" ? "story.unpublished" : null) : alreadyLive ? (draft ? null : "story.updated") : "story.published",
    });
    return { row, draft, changed: true };
  }));
  return toStoryJson(row);
}

const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
