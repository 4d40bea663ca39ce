import exifr from "exifr";
import { cleanText } from "@/lib/text-input";
import { isSaneInstant } from "@/lib/validation";
import { MEDIA_TEXT_MAX } from "@/lib/media/media-limits";

/** What a picture's file says of itself, for the editor to keep or change. */
export type EmbeddedMetadata = { caption: string; credit: string; byline: string; copyright: string; takenAt: string | null };

export const NO_METADATA: EmbeddedMetadata = { caption: "", credit: "", byline: "", copyright: "", takenAt: null };

type Segments = { iptc?: Record<string, unknown>; dc?: Record<string, unknown>; photoshop?: Record<string, unknown>; ifd0?: Record<string, unknown>; exif?: Record<string, unknown> };

/**
 * IPTC-IIM text is bytes in the character set its 1:90 record names, almost always UTF-8 today;
 * exifr reads every byte as Latin-1 ("Â© 2023"). Text whose Latin-1 bytes are valid UTF-8 with
 * characters beyond ASCII was UTF-8 (Latin-1 prose practically never is).
 */
function iimText(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.from(value, "latin1"));
  } catch {
    return value;
  }
}

/** XMP's language alternatives ({ lang, value }, or a list of them), lists (dc:creator) and plain text, as one line. */
function xmpText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    const defaultLang = value.find((each) => each && typeof each === "object" && (each as { lang?: unknown }).lang === "x-default");
    if (defaultLang) return xmpText(defaultLang);
    return value.map(xmpText).filter(Boolean).join(", ");
  }
  if (value && typeof value === "object" && "value" in value) return xmpText((value as { value: unknown }).value);
  return "";
}

const line = (value: unknown, max: number, options: { iim?: boolean } = {}) => {
  const text = xmpText(value);
  return cleanText(options.iim ? iimText(text) : text).trim().slice(0, max);
};

/** The first of the candidates that says something. */
const first = (...values: string[]) => values.find((value) => value !== "") ?? "";

/** IPTC's date (YYYYMMDD) and time (HHMMSS±HHMM), XMP's and EXIF's instants, as an ISO instant. */
function takenAt(segments: Segments): string | null {
  const candidates: unknown[] = [segments.photoshop?.DateCreated, segments.exif?.DateTimeOriginal];
  const day = typeof segments.iptc?.DateCreated === "string" ? /^(\d{4})(\d{2})(\d{2})$/.exec(segments.iptc.DateCreated) : null;
  if (day) {
    const time = typeof segments.iptc?.TimeCreated === "string" ? /^(\d{2})(\d{2})(\d{2})([+-]\d{2})(\d{2})$/.exec(segments.iptc.TimeCreated) : null;
    candidates.unshift(time ? `${day[1]}-${day[2]}-${day[3]}T${time[1]}:${time[2]}:${time[3]}${time[4]}:${time[5]}` : `${day[1]}-${day[2]}-${day[3]}T00:00:00Z`);
  }
  for (const candidate of candidates) {
    const date = candidate instanceof Date ? candidate : typeof candidate === "string" ? new Date(candidate) : null;
    if (date && isSaneInstant(date)) return date.toISOString();
  }
  return null;
}

/**
 * The caption, credit, byline, copyright and date a picture carries: XMP first (always UTF-8,
 * what current tools write), then IPTC-IIM (what agencies' systems still send), then EXIF. A file
 * whose metadata cannot be read is a picture without any (its pixels are checked elsewhere).
 */
export async function readEmbeddedMetadata(bytes: Buffer): Promise<EmbeddedMetadata> {
  let segments: Segments | undefined;
  try {
    segments = (await exifr.parse(bytes, { iptc: true, xmp: true, tiff: true, exif: true, gps: false, icc: false, jfif: false, ihdr: false, mergeOutput: false })) as Segments | undefined;
  } catch {
    return NO_METADATA;
  }
  if (!segments) return NO_METADATA;
  const { iptc = {}, dc = {}, photoshop = {}, ifd0 = {} } = segments;
  return {
    caption: first(line(dc.description, MEDIA_TEXT_MAX.caption), line(iptc.Caption, MEDIA_TEXT_MAX.caption, { iim: true }), line(ifd0.ImageDescription, MEDIA_TEXT_MAX.caption)),
    credit: first(line(photoshop.Credit, MEDIA_TEXT_MAX.credit), line(iptc.Credit, MEDIA_TEXT_MAX.credit, { iim: true })),
    byline: first(line(dc.creator, MEDIA_TEXT_MAX.byline), line(iptc.Byline, MEDIA_TEXT_MAX.byline, { iim: true }), line(ifd0.Artist, MEDIA_TEXT_MAX.byline)),
    copyright: first(line(dc.rights, MEDIA_TEXT_MAX.copyright), line(iptc.CopyrightNotice, MEDIA_TEXT_MAX.copyright, { iim: true }), line(ifd0.Copyright, MEDIA_TEXT_MAX.copyright)),
    takenAt: takenAt(segments),
  };
}
