import { cutTrailingMatter } from "@/lib/wire/cut-trailing-matter";
import { markupToText } from "@/lib/wire/markup-to-text";
import { isPageJunk } from "@/lib/wire/page-junk";
import { placeNameCase } from "@/lib/wire/place-name-case";
import { readDateline, type Dateline } from "@/lib/wire/read-dateline";
import { readEmbargoLine } from "@/lib/wire/read-embargo";

export type TextBody = {
  paragraphs: string[];
  dateline: Dateline | null;
  embargoUntil: string | null;
  /** A headline line above the dateline, where the copy carries one. */
  headline: string | null;
  byline: string | null;
  credits: string | null;
};

// How far down the head of the copy an embargo line, a byline or a signed dateline may sit.
const EMBARGO_LINES = 5;
const DATELINE_LINES = 3;
const BYLINE_LINES = 2;
const LINE_BREAK = /\r\n?|[\n\u2028\u2029\f\v]/;
const BYLINE = /^By\s+(\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’-]*|and|&|de|da|van|von|der|al|bin|el))*)(\s*,\s*[\p{L}\p{M} .'’&-]{2,60})?$/u;
const MAX_BYLINE = 100;
const MAX_HEADLINE = 200;

// includes() is much faster than a regex over the whole text, and most copy has only "\n".
function hasOddLineBreaks(text: string): boolean {
  return text.includes("\r") || text.includes("\u2028") || text.includes("\u2029") || text.includes("\f") || text.includes("\v");
}

function readByline(line: string): string | null {
  if (line.length > MAX_BYLINE) return null;
  const match = BYLINE.exec(line);
  return match ? placeNameCase(match[1]) + (match[2] ?? "") : null;
}

/**
 * The body of plain agency copy, taken apart: one paragraph per non-empty line; embargo lines
 * and a "By …" line at the head lifted out; the dateline taken off its paragraph; page junk,
 * sign-offs and credits taken off the end. Everything else is left exactly as sent.
 */
export function readTextBody(text: string, receivedAt: Date): TextBody {
  const plain = markupToText(text);
  const lines = hasOddLineBreaks(plain) ? plain.split(LINE_BREAK) : plain.split("\n");
  let embargoUntil: string | null = null;
  let embargoFound = false;
  const paragraphs: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (paragraphs.length < EMBARGO_LINES && !embargoFound) {
      const embargo = readEmbargoLine(line, receivedAt);
      if (embargo !== undefined) {
        embargoUntil = embargo;
        embargoFound = true;
        continue;
      }
    }
    if (!isPageJunk(line)) paragraphs.push(line);
  }

  // A "By …" line heads the copy, above the dateline.
  let byline: string | null = null;
  for (let index = 0; index < BYLINE_LINES && index < paragraphs.length && !byline; index++) {
    byline = readByline(paragraphs[index]);
    if (byline) paragraphs.splice(index, 1);
  }

  let dateline: Dateline | null = null;
  let headline: string | null = null;
  for (let index = 0; index < DATELINE_LINES && index < paragraphs.length; index++) {
    dateline = readDateline(paragraphs[index], receivedAt, { strict: index > 0 });
    if (!dateline) continue;
    if (dateline.rest) paragraphs[index] = dateline.rest;
    else paragraphs.splice(index, 1);
    // Above a signed dateline is the item's head (a slug, then the headline), not its story.
    if (index > 0 && paragraphs[index - 1].length <= MAX_HEADLINE) {
      headline = paragraphs[index - 1];
      paragraphs.splice(0, index);
    }
    break;
  }

  const end = cutTrailingMatter(paragraphs);
  return { paragraphs: end.paragraphs, dateline, embargoUntil, headline, byline, credits: end.credits };
}
