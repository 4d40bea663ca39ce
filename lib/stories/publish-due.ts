import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { recordReaderChange } from "@/lib/outbox/reader-change";
import { recordStoryEvent } from "@/lib/webhooks/record-story-event";
import { storyChangeKeys } from "@/lib/cache/surrogate-keys";

// One run publishes at most this many; the next run (or request) takes the rest.
export const DUE_BATCH = 500;

/** A scheduled story whose time has come and whose embargo has lifted, at `now` (SQL on "Story"). */
const isDue = (now: Date) => Prisma.sql`status = 'scheduled' AND "scheduledAt" <= ${now} AND ("embargoUntil" IS NULL OR "embargoUntil" <= ${now})`;

export type DueStory = { id: string; slug: string; tagSlugs: string[] };

/**
 * Turns scheduled stories whose time has come (and whose embargo has lifted) into published
 * ones, and announces the pages that change. Readers already see a due story before this runs
 * (lib/stories/live.ts); this makes the record match and refreshes every cached list.
 *
 * Safe with any number of app instances running it at once: each due row is taken with the lock
 * every command on a story takes (FOR NO KEY UPDATE, lib/stories/lock-story.ts), skipping rows
 * locked already, so exactly one run publishes and audits it, and a story an editor is publishing,
 * unpublishing or killing at that moment is left to the editor (the next run sees what they did).
 */
export async function publishDueStories(now = new Date()): Promise<DueStory[]> {
  const due = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; slug: string }[]>`
      SELECT id, slug FROM "Story"
      WHERE ${isDue(now)}
      ORDER BY "scheduledAt"
      LIMIT ${DUE_BATCH}
      FOR NO KEY UPDATE SKIP LOCKED`;
    if (!rows.length) return [];
    const ids = rows.map((row) => row.id);
    // Readers can see it from now: its first publication is recorded, and a story published
    // before comes back under its first publication time (one moved off the site by a later
    // embargo included), in lists as in the story's tags.
    await tx.$executeRaw`
      UPDATE "Story" SET status = 'published', "scheduledAt" = NULL,
        "publishedAt" = COALESCE("firstPublishedAt", "publishedAt"), "firstPublishedAt" = COALESCE("firstPublishedAt", "publishedAt"),
        "updatedAt" = ${new Date()}
      WHERE id = ANY(${ids}::uuid[])`;
    await tx.$executeRaw`
      UPDATE "StoryTag" st SET "livePublishedAt" = s."publishedAt" FROM "Story" s
      WHERE s.id = st."storyId" AND st."storyId" = ANY(${ids}::uuid[]) AND st."livePublishedAt" IS DISTINCT FROM s."publishedAt"`;
    await tx.auditEntry.createMany({
      data: rows.map((row) => ({ action: "story.publish", actorId: null, storyId: row.id, detail: { from: "scheduled", by: "scheduler", at: now.toISOString() } })),
    });
    const tags = await tx.storyTag.findMany({ where: { storyId: { in: ids } }, select: { storyId: true, tag: { select: { slug: true } } } });
    const published = rows.map((row) => ({ id: row.id, slug: row.slug, tagSlugs: tags.filter((t) => t.storyId === row.id).map((t) => t.tag.slug) }));
    const deliveries: string[] = [];
    for (const story of published) deliveries.push(...(await recordStoryEvent(tx, "story.published", story.id)));
    await recordReaderChange(tx, storyChangeKeys({ slugs: published.map((story) => story.slug), tagSlugs: published.flatMap((story) => story.tagSlugs) }), deliveries);
    return published;
  });
  return due;
}

/** How many scheduled stories are due at `now` and not yet published (those a run skipped, locked). */
export async function countDueStories(now: Date): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Story" WHERE ${isDue(now)}`;
  return row.n;
}

/** The scheduled stories that come due first, with what they will change. */
export async function nextDueStories(limit = 50): Promise<{ at: Date; story: DueStory }[]> {
  const rows = await db.story.findMany({
    where: { status: "scheduled" },
    // scheduledAt is the instant it goes live (the embargo's end if that is later): see publishStory.
    orderBy: { scheduledAt: "asc" },
    take: limit,
    select: { id: true, slug: true, scheduledAt: true, embargoUntil: true, tags: { select: { tag: { select: { slug: true } } } } },
  });
  return rows.map((row) => {
    const at = [row.scheduledAt, row.embargoUntil].filter((d): d is Date => !!d).reduce((a, b) => (a > b ? a : b), new Date(0));
    return { at, story: { id: row.id, slug: row.slug, tagSlugs: row.tags.map((t) => t.tag.slug) } };
  });
}
