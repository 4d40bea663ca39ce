import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertStoryId } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { storySelect, toStoryJson } from "@/lib/stories/story-shape";

/** One story by id, in any state, for the newsroom. */
export async function getStory(options: { actor: Actor; id: string }) {
  requirePermission(options.actor, "story.read");
  assertStoryId(options.id);
  const row = await db.story.findUnique({ where: { id: options.id }, select: storySelect, relationLoadStrategy: "join" });
  if (!row) throw new AppError("not_found", "No story with that id");
  return toStoryJson(row);
}
