import type { MediaJson } from "@/lib/media/media-shape";

// What the newsroom's pages show of a picture, picked from the renditions the upload made
// (lib/media/renditions.ts): nothing is resized on request, so every <img> here names one of them.

export type Picture = MediaJson;
export type PictureRendition = Picture["renditions"][number];
export type PictureRatio = PictureRendition["ratio"];

/** The narrowest rendition of a crop in a format that is at least `minWidth` wide, else the widest there is. */
export function renditionFor(picture: Picture, ratio: PictureRatio, options: { format?: PictureRendition["format"]; minWidth?: number } = {}): PictureRendition | null {
  const { format = "webp", minWidth = 0 } = options;
  const found = picture.renditions.filter((each) => each.ratio === ratio && each.format === format).sort((a, b) => a.width - b.width);
  if (found.length === 0) return format === "jpeg" ? null : renditionFor(picture, ratio, { format: "jpeg", minWidth });
  return found.find((each) => each.width >= minWidth) ?? found[found.length - 1];
}

/** A small picture for lists and grids: the whole frame, about 400 pixels wide. */
export const thumbnailOf = (picture: Picture) => renditionFor(picture, "original", { minWidth: 400 });

/** `srcset` of a crop's renditions in one format, for pictures shown large. */
export function srcsetOf(picture: Picture, ratio: PictureRatio, format: PictureRendition["format"] = "webp"): string {
  return picture.renditions
    .filter((each) => each.ratio === ratio && each.format === format)
    .sort((a, b) => a.width - b.width)
    .map((each) => `${each.url} ${each.width}w`)
    .join(", ");
}

/** A picture without alt text cannot lead a story that is published. */
export const needsAlt = (picture: Pick<Picture, "alt">) => !picture.alt.trim();

/** "1.4 MB", "38 KB". */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
