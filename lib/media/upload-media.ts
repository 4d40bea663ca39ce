import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { mediaSettings } from "@/lib/media/media-settings";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { readEmbeddedMetadata } from "@/lib/media/embedded-metadata";
import { renderImage } from "@/lib/media/process-image";
import { putMaster } from "@/lib/media/media-store";
import { uploadQuerySchema } from "@/lib/media/schemas";
import { mediaSelect, toMediaJson } from "@/lib/media/media-shape";

const CENTRE = { x: 0.5, y: 0.5 };

/**
 * Adds a picture to the library: checked and decoded (lib/media/decode-image.ts), its embedded
 * caption, credit, byline, copyright and date read and filled in, its renditions made, and its
 * master kept for later crops. A refused file stores nothing.
 */
export async function uploadMedia(options: {
  actor: Actor;
  bytes: Buffer;
  filename?: string | null;
  contentType?: string | null;
  /** What the sender says of the picture (an agency's caption and credit), over what the file says. */
  described?: Partial<Record<"caption" | "credit" | "byline" | "copyright" | "alt", string>>;
  /** The library's picture of the same bytes, where it holds one, rather than a second copy (wire pictures come again with every version). */
  reuse?: boolean;
}) {
  const { actor, bytes } = options;
  requirePermission(actor, "media.upload");
  const filename = parseInput(uploadQuerySchema, { filename: options.filename ?? "" }).filename || "upload";
  const type = (options.contentType ?? "").split(";")[0].trim().toLowerCase();
  if (!type.startsWith("image/")) {
    throw new AppError("unsupported_media_type", "Send the picture itself as the body, with its Content-Type (image/jpeg, image/png, image/webp or image/avif)", { file: ["Not sent as an image"] });
  }
  const { maxBytes, maxMb } = mediaSettings();
  if (bytes.length > maxBytes) throw new AppError("too_large", `${filename} is ${(bytes.length / 1048576).toFixed(1)} MB; a picture may be at most ${maxMb} MB`, { file: [`Larger than ${maxMb} MB`] });

  const contentHash = createHash("sha256").update(bytes).digest("hex");
  if (options.reuse) {
    // The same bytes arriving twice at once (two addresses of one photo) wait for the first.
    const pending = reusing.get(contentHash);
    if (pending) return pending;
    // Set before anything is awaited, so a second arrival finds it.
    const made = (async () => {
      const held = await db.mediaItem.findFirst({ where: { contentHash }, orderBy: { createdAt: "asc" }, select: mediaSelect });
      return held ? toMediaJson(held) : storeUpload(options, filename, contentHash);
    })();
    reusing.set(contentHash, made);
    try {
      return await made;
    } finally {
      reusing.delete(contentHash);
    }
  }
  return storeUpload(options, filename, contentHash);
}

const reusing = new Map<string, Promise<ReturnType<typeof toMediaJson>>>();

async function storeUpload(options: Parameters<typeof uploadMedia>[0], filename: string, contentHash: string) {
  const { actor, bytes } = options;
  const embedded = await readEmbeddedMetadata(bytes);
  const said = (field: "caption" | "credit" | "byline" | "copyright") => options.described?.[field] || embedded[field];
  const made = await renderImage(bytes, filename, CENTRE, { copyright: said("copyright"), byline: said("byline") });
  await putMaster(contentHash, made.format, bytes);
  const row = await db.mediaItem.create({
    data: {
      filename,
      format: made.format,
      width: made.width,
      height: made.height,
      bytes: bytes.length,
      contentHash,
      caption: said("caption"),
      credit: said("credit"),
      byline: said("byline"),
      copyright: said("copyright"),
      alt: options.described?.alt ?? "",
      takenAt: embedded.takenAt ? new Date(embedded.takenAt) : null,
      focalX: CENTRE.x,
      focalY: CENTRE.y,
      renditions: made.renditions,
      embedded,
      uploadedById: actor.id,
    },
    select: mediaSelect,
  });
  return toMediaJson(row);
}
