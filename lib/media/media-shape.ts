import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { renditionUrl } from "@/lib/media/media-store";
import type { Ratio, Rendition, RenditionFormat } from "@/lib/media/renditions";
import type { EmbeddedMetadata } from "@/lib/media/embedded-metadata";

export const mediaSelect = {
  id: true,
  filename: true,
  format: true,
  width: true,
  height: true,
  bytes: true,
  contentHash: true,
  caption: true,
  credit: true,
  byline: true,
  copyright: true,
  alt: true,
  takenAt: true,
  focalX: true,
  focalY: true,
  renditions: true,
  embedded: true,
  createdAt: true,
  updatedAt: true,
  uploadedBy: { select: { name: true, email: true } },
} satisfies Prisma.MediaItemSelect;

export type MediaRow = Prisma.MediaItemGetPayload<{ select: typeof mediaSelect }>;

export const renditionsOf = (row: { renditions: unknown }) => row.renditions as Rendition[];

/** The rendition that stands for the picture (`url`): the largest JPEG of it as framed. */
export function mainRendition(renditions: Rendition[], ratio: Ratio = "original", format: RenditionFormat = "jpeg"): Rendition | undefined {
  return renditions.filter((each) => each.ratio === ratio && each.format === format).sort((a, b) => b.width - a.width)[0];
}

export function toMediaJson(row: MediaRow) {
  const renditions = renditionsOf(row);
  const main = mainRendition(renditions);
  return {
    id: row.id,
    url: main ? renditionUrl(main.key) : null,
    filename: row.filename,
    format: row.format,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    caption: row.caption,
    credit: row.credit,
    byline: row.byline,
    copyright: row.copyright,
    alt: row.alt,
    takenAt: row.takenAt?.toISOString() ?? null,
    focalPoint: { x: row.focalX, y: row.focalY },
    embedded: row.embedded as EmbeddedMetadata,
    uploadedBy: row.uploadedBy ? row.uploadedBy.name || row.uploadedBy.email : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    renditions: renditions.map(({ ratio, width, height, format, bytes, key }) => ({ url: renditionUrl(key), ratio, width, height, format, bytes })),
  };
}

export type MediaJson = ReturnType<typeof toMediaJson>;
