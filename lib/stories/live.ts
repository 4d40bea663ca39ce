import type { Prisma } from "@/generated/prisma/client";

/**
 * The one definition of "readers may see this story": published, or scheduled and due, and out
 * of embargo. A scheduled story is due at scheduledAt (the embargo's end, if that is later: see
 * publishStory); its publishedAt may be long past, for a story published once before and scheduled
 * to come back, which keeps its first publication time. The embargo test stays as a second lock.
 */
export function liveStoryWhere(now: Date): Prisma.StoryWhereInput {
  return {
    AND: [
      { OR: liveStoryRanges(now).map(({ OR: _embargo, ...range }) => range) },
      { OR: [{ embargoUntil: null }, { embargoUntil: { lte: now } }] },
    ],
  };
}

export function isLive(story: { status: string; publishedAt: Date | null; scheduledAt: Date | null; embargoUntil: Date | null }, now: Date): boolean {
  return (
    (story.status === "published" || (story.status === "scheduled" && !!story.scheduledAt && story.scheduledAt <= now)) &&
    !!story.publishedAt &&
    story.publishedAt <= now &&
    (!story.embargoUntil || story.embargoUntil <= now)
  );
}

/**
 * The statuses whose copy is the desk's: published, or scheduled (readers see it, or will on time).
 * Their edits need `story.edit.live` and may wait as a draft of changes.
 */
export const LIVE_STATUSES: ReadonlySet<string> = new Set(["published", "scheduled"]);
export const hasLiveStatus = (status: string) => LIVE_STATUSES.has(status);

/**
 * "Live" as lists read it: two index ranges, published stories and scheduled ones already due
 * (nearly always none: the front publishes them the moment they come due). One condition over
 * both statuses cannot walk the (status, publishedAt) index in order, so Postgres would sort
 * every live story to find the newest twenty.
 */
export function liveStoryRanges(now: Date): Prisma.StoryWhereInput[] {
  const outOfEmbargo: Prisma.StoryWhereInput = { OR: [{ embargoUntil: null }, { embargoUntil: { lte: now } }] };
  return [
    { status: "published", publishedAt: { lte: now }, ...outOfEmbargo },
    { status: "scheduled", scheduledAt: { lte: now }, publishedAt: { lte: now }, ...outOfEmbargo },
  ];
}
