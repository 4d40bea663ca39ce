import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertStoryId } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { absoluteUrl } from "@/lib/site/urls";
import { previewPath } from "@/lib/stories/preview-link";

/**
 * A link anyone can open for 48 hours to read the story as it will go live. Whoever may read the
 * story in the newsroom may share it; a killed story has nothing to preview.
 */
export async function createPreviewLink(options: { actor: Actor; id: string }) {
  requirePermission(options.actor, "story.read");
  assertStoryId(options.id);
  const story = await db.story.findUnique({ where: { id: options.id }, select: { id: true, status: true } });
  if (!story) throw new AppError("not_found", "No story with that id");
  if (story.status === "killed") throw new AppError("conflict", "A killed story has nothing to preview");
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set (npm start sets it)");
  const { path, expiresAt } = previewPath(secret, story.id);
  return { url: absoluteUrl(path), expiresAt: expiresAt.toISOString() };
}
