import "server-only";
import type { Tx } from "@/lib/db";
import { storySelect, toStoryJson } from "@/lib/stories/story-shape";
import { revisionSnapshot } from "@/lib/stories/revision-snapshot";

/** Records the story as it now stands as the revision of its current version. */
export async function recordRevision(tx: Tx, storyId: string, authorId: string) {
  const row = await tx.story.findUniqueOrThrow({ where: { id: storyId }, select: storySelect, relationLoadStrategy: "join" });
  await tx.storyRevision.create({ data: { storyId, version: row.version, snapshot: revisionSnapshot(toStoryJson(row)), authorId } });
  return row;
}
