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
