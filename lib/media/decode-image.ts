import sharp, { type Metadata } from "sharp";
import { AppError } from "@/lib/errors";
import { IMAGE_SECONDS, MAX_PIXELS } from "@/lib/media/media-limits";
import { sniffImage, type ImageFormat } from "@/lib/media/sniff-image";

/** A picture decoded whole, turned upright as the camera said, as raw pixels for the renditions. */
export type DecodedImage = { format: ImageFormat; width: number; height: number; pixels: Buffer; raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 } };

const refuse = (filename: string, reason: string, code: "validation_failed" | "unsupported_media_type" = "validation_failed") =>
  new AppError(code, `${filename} ${reason}`, { file: [`${filename} ${reason}`] });

const megapixels = (pixels: number) => `${Math.round(pixels / 1e5) / 10} megapixels`;

/**
 * Reads an uploaded file as a picture, or refuses it naming the file and why: not a picture, a
 * kind this site does not take (SVG, which can carry script; GIF; TIFF; HEIC without its codec),
 * more pixels than MAX_PIXELS (checked from the header, before anything is decoded), cut short
 * or damaged (the whole file is decoded, strictly), or slower to decode than IMAGE_SECONDS.
 */
export async function decodeImage(bytes: Buffer, filename: string): Promise<DecodedImage> {
  const sniffed = sniffImage(bytes);
  if (!sniffed.ok) throw refuse(filename, sniffed.reason, sniffed.unsupported ? "unsupported_media_type" : "validation_failed");
  let header: Metadata;
  try {
    header = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw refuse(filename, `cannot be read as a ${sniffed.format.toUpperCase()} picture: it is damaged or not what it claims to be`);
  }
  const { width = 0, height = 0 } = header;
  if (!width || !height) throw refuse(filename, "has no width or height");
  if (width * height > MAX_PIXELS) {
    throw refuse(filename, `is ${width} × ${height} pixels (${megapixels(width * height)}); a picture may have at most ${megapixels(MAX_PIXELS)}`);
  }
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: "truncated" })
      .timeout({ seconds: IMAGE_SECONDS })
      .rotate()
      // CMYK (print agencies still send it) and 16-bit pictures become 8-bit sRGB, as browsers show them.
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
    const channels = info.channels as 1 | 2 | 3 | 4;
    return { format: sniffed.format, width: info.width, height: info.height, pixels: data, raw: { width: info.width, height: info.height, channels } };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/timeout/i.test(message)) throw refuse(filename, `took longer than ${IMAGE_SECONDS} s to decode`);
    throw refuse(filename, "is cut short or damaged: it cannot be decoded whole");
  }
}
