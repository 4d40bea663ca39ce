import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** Refuses (422, on `leadImage.id`) a story naming a picture the library does not hold. */
export async function assertPicturesExist(tx: Tx, ids: (string | null | undefined)[]): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return;
  const found = new Set((await tx.mediaItem.findMany({ where: { id: { in: wanted } }, select: { id: true } })).map((row) => row.id));
  const missing = wanted.find((id) => !found.has(id));
  if (missing) throw new AppError("validation_failed", "No picture with that id in the media library", { "leadImage.id": ["No picture with that id in the media library"] });
}
