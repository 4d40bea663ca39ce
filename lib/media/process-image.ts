import "server-only";
import { decodeImage } from "@/lib/media/decode-image";
import { makeRenditions, type Focal, type Rendition } from "@/lib/media/renditions";
import { putRendition } from "@/lib/media/media-store";

// A picture decoded whole takes width × height × 3 bytes (192 MB at the pixel limit): one at a
// time per process, so uploads arriving together wait their turn rather than exhaust memory.
let turn: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const mine = turn.then(work, work);
  turn = mine.catch(() => undefined);
  return mine;
}

/** Decodes a picture (refusing it as decodeImage says) and writes its renditions to the store. */
export function renderImage(bytes: Buffer, filename: string, focal: Focal, stamp: { copyright: string; byline: string }) {
  return oneAtATime(async () => {
    const image = await decodeImage(bytes, filename);
    const made = await makeRenditions(image, focal, stamp);
    await Promise.all(made.map(({ rendition, data }) => putRendition(rendition.key, data)));
    return { format: image.format, width: image.width, height: image.height, renditions: made.map(({ rendition }) => rendition) satisfies Rendition[] };
  });
}
