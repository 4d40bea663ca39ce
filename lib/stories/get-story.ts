import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { storySelect, toStoryJson } from "@/lib/stories/story-shape";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One story by id, in any state, for the newsroom. */
export async function getStory(options: { actor: Actor; id: string }) {
  requirePermission(options.actor, "story.read");
  if (!uuidPattern.test(options.id)) throw new AppError("not_found", "No story with that id");
  const row = await db.story.findUnique({ where: { id: options.id }, select: storySelect, relationLoadStrategy: "join" });
  if (!row) throw new AppError("not_found", "No story with that id");
  return toStoryJson(row);
}
