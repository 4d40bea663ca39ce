import { WireError } from "@/lib/wire/wire-error";
import { cleanText } from "@/lib/text-input";

/** The largest item accepted, as the intake's MAX_WIRE_BYTES. */
export const MAX_ITEM_BYTES = 1024 * 1024;

const SAMPLE = 4096;
const decoder = new TextDecoder("utf-8");
const BOM = /^\uFEFF/;
const BLANK = /^\s*$/;
const PAGE_BREAK = /[\f\v]/g;
// C0 and C1 control characters other than tab, line feed, form feed and carriage return, and the
// replacement character that undecodable bytes become. (The replacement character is looked for
// with includes(): in the character class it makes V8 scan three times slower.)
const REPLACEMENT = "\uFFFD";
const CONTROL = /[\x00-\x08\x0B\x0E-\x1F\x7F-\x9F]/;
const SUSPECT_ALL = /[\x00-\x08\x0B\x0E-\x1F\x7F-\x9F\uFFFD]/g;

function byteLength(text: string): number {
  // Every UTF-16 unit is at least one UTF-8 byte and at most three; count only when it matters.
  return text.length * 3 <= MAX_ITEM_BYTES ? 0 : Buffer.byteLength(text, "utf8");
}

/** The item as text, or a WireError saying why it cannot be copy (empty, binary, too large). */
export function readWireInput(raw: string | Uint8Array): string {
  const size = typeof raw === "string" ? byteLength(raw) : raw.byteLength;
  if (size > MAX_ITEM_BYTES) throw new WireError("the item is larger than 1 MB");
  if (typeof raw !== "string" && raw.indexOf(0) !== -1) throw new WireError("the item is not text");
  const text = (typeof raw === "string" ? raw : decoder.decode(raw)).replace(BOM, "");
  if (text.includes("\0")) throw new WireError("the item is not text");
  // Binary shows itself at once; judging the head spares a scan of a long text.
  const head = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  if (CONTROL.test(head) || head.includes(REPLACEMENT)) {
    const suspect = head.match(SUSPECT_ALL)?.length ?? 0;
    if (suspect > head.length * 0.1) throw new WireError("the item is not text");
  }
  // What is left of control characters goes, as from any text that comes in (form and vertical
  // feeds are the line breaks of old wire systems; the body reader reads them as such).
  const clean = cleanText(text.replace(PAGE_BREAK, "\n"), { multiline: true });
  if (BLANK.test(clean)) throw new WireError("the item is empty");
  return clean;
}
