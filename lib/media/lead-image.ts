import "server-only";
import type { Tx } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import { bodyPictureIds } from "@/lib/stories/sanitize-body";

const MISSING = "No picture with that id in the media library";

/**
 * Refuses (422) stories naming pictures the library does not hold: a lead picture (on
 * `leadImage.id`) or a figure in the body (on `body`). One query for any number of stories.
 */
export async function assertPicturesExist(tx: Tx, stories: { leadImage?: { id: string } | null; body?: string }[]): Promise<void> {
  const wanted = new Set<string>();
  for (const story of stories) {
    if (story.leadImage) wanted.add(story.leadImage.id);
    for (const id of story.body ? bodyPictureIds(story.body) : []) wanted.add(id);
  }
  if (wanted.size === 0) return;
  const found = new Set((await tx.mediaItem.findMany({ where: { id: { in: [...wanted] } }, select: { id: true } })).map((row) => row.id));
  const fields: FieldErrors = {};
  for (const story of stories) {
    if (story.leadImage && !found.has(story.leadImage.id)) fields["leadImage.id"] = [MISSING];
    const missing = story.body ? bodyPictureIds(story.body).filter((id) => !found.has(id)) : [];
    if (missing.length) fields.body = [`The body shows a picture the media library does not hold (${missing.join(", ")})`];
  }
  if (Object.keys(fields).length) throw new AppError("validation_failed", Object.values(fields)[0][0], fields);
}
