import type { Prisma } from "@/generated/prisma/client";

/**
 * The one definition of "readers may see this story": published, or scheduled and due, and out
 * of embargo. Publishing an embargoed story sets publishedAt to the embargo's end, so a due
 * check on publishedAt covers both; the embargo test stays as a second lock.
 */
export function liveStoryWhere(now: Date): Prisma.StoryWhereInput {
  return {
    status: { in: ["published", "scheduled"] },
    publishedAt: { lte: now },
    OR: [{ embargoUntil: null }, { embargoUntil: { lte: now } }],
  };
}

export function isLive(story: { status: string; publishedAt: Date | null; embargoUntil: Date | null }, now: Date): boolean {
  return (
    (story.status === "published" || story.status === "scheduled") &&
    !!story.publishedAt &&
    story.publishedAt <= now &&
    (!story.embargoUntil || story.embargoUntil <= now)
  );
}

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
