// What an uploaded file is, from its first bytes (never from its name or the Content-Type it was
// sent with, which a browser guesses from the name and a script sets to anything).

export type ImageFormat = "jpeg" | "png" | "webp" | "avif";

export type Sniffed = { ok: true; format: ImageFormat } | { ok: false; unsupported: boolean; reason: string };

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** The ISO base media file's brands (major and compatible), for AVIF and HEIC. */
function brands(bytes: Uint8Array): string[] {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== "ftyp") return [];
  const size = Math.min(((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0, bytes.length, 256);
  const found = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= size; at += 4) found.push(ascii(bytes, at, at + 4));
  return found;
}

const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"]);

/** Whether the bytes read as the start of an XML or SVG document (text, possibly after a byte-order mark and white space). */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, "").trimStart().toLowerCase();
  return head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!doctype svg") || (head.startsWith("<") && head.includes("<svg"));
}

export function sniffImage(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { ok: false, unsupported: false, reason: "is empty" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, format: "jpeg" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, format: "png" };
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return { ok: true, format: "webp" };
  const boxBrands = brands(bytes);
  if (boxBrands.includes("avif") || boxBrands.includes("avis")) return { ok: true, format: "avif" };
  if (boxBrands.some((brand) => HEIC_BRANDS.has(brand))) {
    return { ok: false, unsupported: true, reason: "is a HEIC picture, which this server's decoder cannot read (its codec is not in the build): export it as JPEG" };
  }
  if (looksLikeSvg(bytes)) return { ok: false, unsupported: true, reason: "is an SVG drawing, which is refused: it can carry script" };
  if (ascii(bytes, 0, 4) === "GIF8") return { ok: false, unsupported: true, reason: "is a GIF, which is not accepted: send a JPEG, PNG, WebP or AVIF" };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { ok: false, unsupported: true, reason: "is a TIFF, which is not accepted: send a JPEG, PNG, WebP or AVIF" };
  }
  return { ok: false, unsupported: false, reason: "is not a picture this site takes (JPEG, PNG, WebP or AVIF)" };
}
