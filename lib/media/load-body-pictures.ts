import "server-only";
import { db } from "@/lib/db";
import { bodyPictureIds } from "@/lib/stories/sanitize-body";
import type { ReaderPicture } from "@/lib/media/reader-picture";
import type { Rendition } from "@/lib/media/renditions";

/** The pictures these bodies name, by id, in one query. */
export const loadBodyPictures = (bodies: string[]) => loadPictures(bodies.flatMap(bodyPictureIds));

/** Pictures as reader pages draw them, by id (one the library does not hold is left out). */
export async function loadPictures(wanted: string[]): Promise<Record<string, ReaderPicture>> {
  const ids = [...new Set(wanted)];
  if (ids.length === 0) return {};
  const rows = await db.mediaItem.findMany({ where: { id: { in: ids } }, select: { id: true, alt: true, caption: true, credit: true, byline: true, width: true, height: true, renditions: true } });
  return Object.fromEntries(rows.map(({ id, renditions, ...picture }) => [id, { ...picture, renditions: renditions as Rendition[] }]));
}

