import { z } from "zod";

// Text as it enters the system (forms, the API, the CLI, wire copy) keeps only characters a reader
// can see or a layout uses (textSchema refuses NUL outright, for people and programs that send
// it; agency copy, which no one there typed, just loses it). Control characters (C0 but tab and line feed, DEL, C1), lone surrogates
// and Unicode noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF …) are invisible on a page, make every
// XML document that carries them unreadable (XML 1.0 forbids most of them), and some (NUL, lone
// surrogates) cannot be stored by PostgreSQL at all. The bidirectional embeddings and overrides
// (U+202A–U+202E) go too: they make text read in another order than it is stored ("\u202Etxt.exe"
// shown as "exe.txt"), in titles, feeds and tag names; mixed-direction text needs only the marks
// and isolates, which stay. They are removed here, once, for every field.
const UNWANTED = /[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\u202A-\u202E]/gu;
// In one-line text (a headline, a name) line breaks and tabs become spaces.
const UNWANTED_KEEPING_LINES = /(?![\t\n])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\u202A-\u202E]/gu;
const LINE_SPACE = /[\t\n]/g;
const LINE_END = /\r\n?/g;

// A quick look (no /u flag, which costs) for anything the above could match: most text has none.
// Surrogates match here paired or not; the full pattern then tells them apart.
const SUSPECT = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u202A-\u202E\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** The text without invisible, unstorable characters; `multiline` keeps line feeds and tabs (CR LF → LF). */
export function cleanText(text: string, options: { multiline?: boolean } = {}): string {
  const lines = text.includes("\r") ? text.replace(LINE_END, "\n") : text;
  if (options.multiline) return SUSPECT.test(lines) ? lines.replace(UNWANTED_KEEPING_LINES, "") : lines;
  const line = lines.includes("\n") || lines.includes("\t") ? lines.replace(LINE_SPACE, " ") : lines;
  return SUSPECT.test(line) ? line.replace(UNWANTED, "") : line;
}

/** Whether the text holds nothing cleanText would take out (for identifiers, which are refused instead). */
export const isCleanText = (text: string, options: { multiline?: boolean } = {}) => cleanText(text, options) === text;

/** NUL is never text (no keyboard types it, PostgreSQL cannot store it): input holding one is refused. */
export const NUL_MESSAGE = "Holds a NUL character (U+0000), which is not text";
export const hasNoNul = (value: string) => !value.includes("\u0000");

/**
 * The one schema for a text field: a string without NUL (422, naming the field), cleaned of the
 * other characters above, trimmed; chain `.min()`, `.max()` and the rest as on any z.string().
 * Every text field of every input schema is one of these.
 */
export function textSchema(options: { message?: string; multiline?: boolean } = {}) {
  const { message, multiline } = options;
  return z
    .string(message ? { message } : undefined)
    .refine(hasNoNul, { message: NUL_MESSAGE, abort: true })
    .overwrite((value) => cleanText(value, { multiline }))
    .trim();
}

/** Text that may be left out or empty; stored as null then. */
export const optionalTextSchema = (max: number) =>
  textSchema()
    .max(max, `At most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));
