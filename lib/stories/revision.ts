import "server-only";
import type { Tx } from "@/lib/db";
import { storySelect, toStoryJson } from "@/lib/stories/story-shape";

/** Records the story as it now stands as the revision of its current version. */
export async function recordRevision(tx: Tx, storyId: string, authorId: string) {
  const row = await tx.story.findUniqueOrThrow({ where: { id: storyId }, select: storySelect });
  const story = toStoryJson(row);
  const snapshot = {
    headline: story.headline,
    standfirst: story.standfirst,
    body: story.body,
    byline: story.byline,
    agency: story.agency,
    credits: story.credits,
    dateline: story.dateline,
    slug: story.slug,
    status: story.status,
    embargoUntil: story.embargoUntil,
    tags: story.tags,
  };
  await tx.storyRevision.create({ data: { storyId, version: row.version, snapshot, authorId } });
  return row;
}
