import iconv from "iconv-lite";
import { ENVELOPE_START } from "@/lib/wire/read-envelope";
import { WireError } from "@/lib/wire/wire-error";
import { cleanText } from "@/lib/text-input";

/** The largest item accepted, as the intake's MAX_WIRE_BYTES. */
export const MAX_ITEM_BYTES = 1024 * 1024;

/** The item as text, and what was odd about its bytes ("decoded as Windows-1252 …"). */
export type WireInput = { text: string; problems: string[] };

const ESCAPE_SEQUENCE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])/g;
const SAMPLE = 4096;
const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf8Lenient = new TextDecoder("utf-8");
const utf16le = new TextDecoder("utf-16le");
const utf16be = new TextDecoder("utf-16be");
const BOM = /^\uFEFF/;
const BLANK = /^[\s\x01-\x04\x16\x1F]*$/;
const PAGE_BREAK = /[\f\v]/g;
// C0 and C1 control characters other than tab, line feed, form feed and carriage return, and the
// replacement character that undecodable bytes become. (The replacement character is looked for
// with includes(): in the character class it makes V8 scan three times slower.)
const REPLACEMENT = "\uFFFD";
const CONTROL = /[\x00-\x08\x0B\x0E-\x1F\x7F-\x9F]/;
const SUSPECT_ALL = /[\x00-\x08\x0B\x0E-\x1F\x7F-\x9F\uFFFD]/g;
// The framing of an ANPA 1312 / IPTC 7901 message (SOH, STX, ETX, EOT, SYN, US), kept for the
// envelope reader when the item opens with one.
const FRAMING = /([\x01-\x04\x16\x1F])/;
// Latin-1 text is mostly ASCII; bytes that are neither UTF-8 nor mostly ASCII are not copy.
const MAX_HIGH_BYTES = 0.3;

function byteLength(text: string): number {
  // Every UTF-16 unit is at least one UTF-8 byte and at most three; count only when it matters.
  return text.length * 3 <= MAX_ITEM_BYTES ? 0 : Buffer.byteLength(text, "utf8");
}

function countHighBytes(bytes: Uint8Array): number {
  const end = Math.min(bytes.length, SAMPLE);
  let high = 0;
  for (let index = 0; index < end; index++) if (bytes[index] >= 0x80) high++;
  return high;
}

// Valid UTF-8 now and then damaged (a cut, a stray byte) stays UTF-8: decoded as Windows-1252,
// every accented letter in it would turn to mojibake.
function isMostlyUtf8(text: string): boolean {
  let valid = 0;
  let broken = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0xfffd) broken++;
    else if (code > 0x7f) valid++;
  }
  return valid > broken;
}

/**
 * Bytes as text: a UTF-8 or UTF-16 byte order mark says which; otherwise UTF-8 when the bytes
 * are UTF-8, and Windows-1252 (which older feeds send, and which Latin-1 text reads as too) when
 * they are not. iconv-lite decodes it: Node 20's TextDecoder reads "windows-1252" as ISO-8859-1
 * and loses its curly quotes, dashes and euro sign (nodejs/node#56542).
 */
function decode(bytes: Uint8Array, problems: string[]): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16le.decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be.decode(bytes.subarray(2));
  if (bytes.indexOf(0) !== -1) throw new WireError("the item is not text");
  try {
    return utf8.decode(bytes);
  } catch {
    const lenient = utf8Lenient.decode(bytes);
    if (isMostlyUtf8(lenient)) {
      problems.push("some bytes are not UTF-8: each shows as the replacement character");
      return lenient;
    }
    if (countHighBytes(bytes) > Math.min(bytes.length, SAMPLE) * MAX_HIGH_BYTES) throw new WireError("the item is not text");
    problems.push("decoded as Windows-1252: the bytes are not UTF-8");
    // iconv-lite gives the five bytes Windows-1252 leaves undefined as U+FFFD; WHATWG's table
    // makes them C1 controls, which would go below anyway.
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "windows-1252");
    return text.includes(REPLACEMENT) ? text.replaceAll(REPLACEMENT, "") : text;
  }
}

/** Bytes of copy as the text the parser reads (before any cleaning), for keeping with its story. */
export function decodeWireBytes(bytes: Uint8Array): string {
  return decode(bytes, []).replace(BOM, "");
}

// An envelope keeps its framing for the envelope reader; every other control character goes.
function cleanKeepingFraming(text: string): string {
  return text
    .split(FRAMING)
    .map((part, index) => (index % 2 === 1 ? part : cleanText(part, { multiline: true })))
    .join("");
}

/** The item as text, or a WireError saying why it cannot be copy (empty, binary, too large). */
export function readWireInput(raw: string | Uint8Array): WireInput {
  const size = typeof raw === "string" ? byteLength(raw) : raw.byteLength;
  if (size > MAX_ITEM_BYTES) throw new WireError("the item is larger than 1 MB");
  const problems: string[] = [];
  const text = (typeof raw === "string" ? raw : decode(raw, problems)).replace(BOM, "");
  if (text.includes("\0")) throw new WireError("the item is not text");
  // Binary shows itself at once; judging the head spares a scan of a long text.
  const head = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (CONTROL.test(head) || head.includes(REPLACEMENT)) {
    const suspect = head.match(SUSPECT_ALL)?.length ?? 0;
    if (suspect > head.length * 0.1) throw new WireError("the item is not text");
  }
  // What is left of control characters goes, as from any text that comes in (form and vertical
  // feeds are the line breaks of old wire systems; the body reader reads them as such).
  // A terminal's escape sequences ("\x1b[31m") go whole: taking only ESC would leave "[31m" in the copy.
  const lines = (text.includes("\x1b") ? text.replace(ESCAPE_SEQUENCE, "") : text).replace(PAGE_BREAK, "\n");
  const clean = ENVELOPE_START.test(lines) ? cleanKeepingFraming(lines) : cleanText(lines, { multiline: true });
  if (BLANK.test(clean)) throw new WireError("the item is empty");
  return { text: clean, problems };
}
