import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { mediaSelect, toMediaJson } from "@/lib/media/media-shape";

export const noSuchMedia = () => new AppError("not_found", "No picture with that id");

export async function getMedia(options: { actor: Actor; id: string }) {
  requirePermission(options.actor, "media.read");
  if (!isUuid(options.id)) throw noSuchMedia();
  const row = await db.mediaItem.findUnique({ where: { id: options.id }, select: mediaSelect });
  if (!row) throw noSuchMedia();
  return toMediaJson(row);
}
