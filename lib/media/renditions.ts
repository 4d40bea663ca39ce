import { createHash } from "node:crypto";
import sharp, { type Sharp } from "sharp";
import { IMAGE_SECONDS } from "@/lib/media/media-limits";
import type { DecodedImage } from "@/lib/media/decode-image";

// The renditions a picture gets, made once (at upload, and when the focal point moves), never on
// a reader's request: each crop at a few widths, in AVIF, WebP and JPEG for the pictures pages
// show, JPEG alone for the crops only search engines and social networks take.

export const RATIOS = ["16:9", "4:3", "1:1", "original"] as const;
export type Ratio = (typeof RATIOS)[number];
export const RENDITION_FORMATS = ["avif", "webp", "jpeg"] as const;
export type RenditionFormat = (typeof RENDITION_FORMATS)[number];

const PLAN: { ratio: Ratio; widths: number[]; formats: readonly RenditionFormat[] }[] = [
  // The lead image (article, home, lists) and the social cards.
  { ratio: "16:9", widths: [400, 800, 1200, 1600], formats: RENDITION_FORMATS },
  // Inline figures, as the photographer framed them.
  { ratio: "original", widths: [400, 800, 1200, 1600], formats: RENDITION_FORMATS },
  // Google's Article rich results ask for 16:9, 4:3 and 1:1, at least 1200 wide where the picture allows.
  { ratio: "4:3", widths: [1200], formats: ["jpeg"] },
  { ratio: "1:1", widths: [1200], formats: ["jpeg"] },
];

export type Rendition = { ratio: Ratio; width: number; height: number; format: RenditionFormat; key: string; bytes: number };
export type Focal = { x: number; y: number };
type Box = { left: number; top: number; width: number; height: number };

const RATIO_VALUES: Record<Exclude<Ratio, "original">, number> = { "16:9": 16 / 9, "4:3": 4 / 3, "1:1": 1 };

/** The largest box of the ratio inside the picture, centred on the focal point as far as the edges allow. */
export function cropBox(width: number, height: number, ratio: Ratio, focal: Focal): Box {
  if (ratio === "original") return { left: 0, top: 0, width, height };
  const wanted = RATIO_VALUES[ratio];
  const clamp = (value: number, max: number) => Math.min(Math.max(value, 0), max);
  if (width / height > wanted) {
    const cropWidth = Math.max(1, Math.min(width, Math.round(height * wanted)));
    return { left: clamp(Math.round(focal.x * width - cropWidth / 2), width - cropWidth), top: 0, width: cropWidth, height };
  }
  const cropHeight = Math.max(1, Math.min(height, Math.round(width / wanted)));
  return { left: 0, top: clamp(Math.round(focal.y * height - cropHeight / 2), height - cropHeight), width, height: cropHeight };
}

/** The widths planned that the crop can fill (never enlarged), or the crop's own width when it is narrower than all of them. */
function widthsFor(box: Box, widths: number[]): number[] {
  const fitting = widths.filter((width) => width <= box.width);
  return fitting.length ? fitting : [box.width];
}

const ENCODES_AT_ONCE = 3;
const EXTENSIONS: Record<RenditionFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg" };
export const RENDITION_KEY = /^[0-9a-f]{32}\.(?:avif|webp|jpg)$/;
export const CONTENT_TYPES: Record<string, string> = { avif: "image/avif", webp: "image/webp", jpg: "image/jpeg" };

function encode(pipeline: Sharp, format: RenditionFormat): Sharp {
  if (format === "avif") return pipeline.avif({ quality: 50, effort: 2 });
  if (format === "webp") return pipeline.webp({ quality: 74, effort: 4 });
  return pipeline.flatten({ background: "#ffffff" }).jpeg({ quality: 80, mozjpeg: true });
}

const xml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An XMP packet with the copyright (dc:rights) and the photographer (dc:creator), in UTF-8. */
function rightsXmp(stamp: { copyright: string; byline: string }): string {
  const rights = stamp.copyright ? `<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${xml(stamp.copyright)}</rdf:li></rdf:Alt></dc:rights>` : "";
  const creator = stamp.byline ? `<dc:creator><rdf:Seq><rdf:li>${xml(stamp.byline)}</rdf:li></rdf:Seq></dc:creator>` : "";
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${rights}${creator}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="r"?>`;
}

/**
 * Every rendition of a decoded picture, each named by the hash of its bytes (so its address
 * never changes meaning and may be cached for a year). Nothing of the file's metadata is written
 * but its copyright and byline (no place, no camera, no serial number).
 */
export async function makeRenditions(image: DecodedImage, focal: Focal, stamp: { copyright: string; byline: string }): Promise<{ rendition: Rendition; data: Buffer }[]> {
  const made: { rendition: Rendition; data: Buffer }[] = [];
  const exif = { IFD0: { ...(stamp.copyright ? { Copyright: stamp.copyright } : {}), ...(stamp.byline ? { Artist: stamp.byline } : {}) } };
  const stamped = Object.keys(exif.IFD0).length > 0;
  const xmp = stamped ? rightsXmp(stamp) : null;
  const planned: { ratio: Ratio; box: Box; width: number; height: number; format: RenditionFormat }[] = [];
  for (const { ratio, widths, formats } of PLAN) {
    const box = cropBox(image.width, image.height, ratio, focal);
    for (const width of widthsFor(box, widths)) {
      const height = Math.max(1, Math.round((box.height * width) / box.width));
      for (const format of formats) planned.push({ ratio, box, width, height, format });
    }
  }
  const encodeOne = async ({ ratio, box, width, height, format }: (typeof planned)[number]) => {
    let pipeline = sharp(image.pixels, { raw: image.raw }).timeout({ seconds: IMAGE_SECONDS }).extract(box).resize(width, height, { fit: "fill" });
    // EXIF text is ASCII ("©" is written "(C)"); XMP carries the same in full.
    if (stamped) pipeline = pipeline.withExif(exif).withXmp(xmp!);
    const data = await encode(pipeline, format).toBuffer();
    const key = `${createHash("sha256").update(data).digest("hex").slice(0, 32)}.${EXTENSIONS[format]}`;
    return { rendition: { ratio, width, height, format, key, bytes: data.length }, data };
  };
  // A few encodes at once: one alone leaves cores idle (an AVIF encode is mostly one thread).
  for (let at = 0; at < planned.length; at += ENCODES_AT_ONCE) made.push(...(await Promise.all(planned.slice(at, at + ENCODES_AT_ONCE).map(encodeOne))));
  return made;
}
