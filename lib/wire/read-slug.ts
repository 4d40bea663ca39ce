import type { WireTake } from "@/lib/wire/types";
import { readTake } from "@/lib/wire/read-take";

export type SlugLine = {
  /** The slug as sent, without take marks, date or word count ("BC-Cocoa-Review"). */
  slugline: string;
  take: WireTake | null;
  /** The word count a slug line states ("… 02-26 0105", "…,416"). */
  wordCount: number | null;
};

const MAX_SLUG_LINE = 200;
const MAX_SLUG = 60;
const SLUG_CHARACTERS = /^[\p{L}\p{N}][\p{L}\p{N}&.'’/_-]*$/u;
// In plain text, where a slug line must not be taken for prose: a wire prefix ("BC-", "PTI-"),
// or a capitalised code with two hyphens ("UK-EU-TRADE"); after a message number ("DEL23
// WB-BJP"), one hyphen is enough.
const WIRE_PREFIX = /^(?:BC|AM|PM|AP|PTI|UNI|IANS|ANI)-[\p{L}\p{N}]/u;
const CODED = /^[A-Z][A-Z0-9]{1,5}(?:-[^-\s]+){2,}$/;
const CODED_AFTER_NUMBER = /^[A-Z][A-Z0-9]{1,5}-[^\s]+$/;
const MESSAGE_NUMBER = /^[A-Z]{2,4}\d{1,4}$/;
const DESK = /^[A-Z]{2,5}$/;
const DATE = /^\d{1,2}-\d{1,2}$/;
const COUNT = /^\d{1,5}$/;
const COMMA = /,/g;
const SPACE = /\s+/;
const SLUG_END = /[,/]+$/;
const WHITESPACE = /\s+/g;

/** The key takes are matched to their story by: the slug line in capitals, its spaces collapsed. */
export function slugKey(slugline: string): string {
  return slugline.trim().replace(WHITESPACE, " ").toUpperCase();
}

// A quick look, as most first lines are prose: the first word is hyphenated, or a message number.
function mayBeSlugLine(line: string): boolean {
  const space = line.indexOf(" ");
  const first = space === -1 ? line : line.slice(0, space);
  return first.includes("-") || MESSAGE_NUMBER.test(first);
}

function isPlainTextSlug(slug: string, afterNumber: boolean): boolean {
  if (slug.length > MAX_SLUG || !SLUG_CHARACTERS.test(slug) || !slug.includes("-")) return false;
  return WIRE_PREFIX.test(slug) || CODED.test(slug) || (afterNumber && CODED_AFTER_NUMBER.test(slug));
}

/**
 * A slug line taken apart: "BC-BAHIA-COCOA-REVIEW   02-26 0105", "BC-Cocoa-Review,1st add",
 * "BC-BKN--Heat-Hawks, 1st Ld-Writethru,416", "PTI-WB-BJP 1STADD", "DEL12 BIZ RBI-POLICY". `strict` (plain text) accepts
 * only a slug of the forms above followed by nothing but a take mark, date and word count; else
 * null. Unstrict (an envelope's keyword field) keeps any slug and ignores words it cannot read.
 */
export function readSlugLine(line: string, options: { strict: boolean }): SlugLine | null {
  const { strict } = options;
  const trimmed = line.trim();
  if (!trimmed || (strict && (trimmed.length > MAX_SLUG_LINE || !mayBeSlugLine(trimmed)))) return null;
  const tokens = trimmed.slice(0, MAX_SLUG_LINE).replace(COMMA, " , ").split(SPACE).filter(Boolean);
  // PTI and UNI put a message number and sometimes a desk code first ("DEL12 BIZ RBI-POLICY").
  const desk = tokens.length > 2 && MESSAGE_NUMBER.test(tokens[0]) && DESK.test(tokens[1]) && tokens[2].includes("-");
  const afterNumber = desk || (tokens.length > 1 && MESSAGE_NUMBER.test(tokens[0]) && tokens[1].includes("-"));
  if (afterNumber) tokens.splice(0, desk ? 2 : 1);
  const slug = tokens.shift()?.replace(SLUG_END, "");
  if (!slug || (strict && !isPlainTextSlug(slug, afterNumber))) return null;

  // A word count closes the line after the date ("02-26 0105") or after a comma (",416").
  let wordCount: number | null = null;
  const last = tokens.length - 1;
  if (last >= 1 && COUNT.test(tokens[last]) && (tokens[last - 1] === "," || DATE.test(tokens[last - 1]))) {
    wordCount = Number(tokens[last]);
    tokens.splice(last - 1, 2);
  }
  if (tokens.length && DATE.test(tokens[tokens.length - 1])) tokens.pop();
  const words = tokens.filter((token) => token !== ",").join(" ");
  const take = words ? readTake(words) : null;
  if (strict && words && !take) return null;
  return { slugline: slug, take, wordCount };
}
