import { cutTrailingMatter } from "@/lib/wire/cut-trailing-matter";
import type { HeadLine } from "@/lib/wire/join-wrapped-lines";
import { markupToText } from "@/lib/wire/markup-to-text";
import { readBlocks } from "@/lib/wire/read-blocks";
import { readByline, readGluedByline } from "@/lib/wire/read-byline";
import { readDateline, type Dateline } from "@/lib/wire/read-dateline";
import { readEmbargoLine } from "@/lib/wire/read-embargo";
import type { WireBlock } from "@/lib/wire/types";

export type TextBody = {
  /** Each block's text (a table's lines joined with "\n"), as `WireParse.paragraphs` holds them. */
  paragraphs: string[];
  blocks: WireBlock[];
  dateline: Dateline | null;
  embargoUntil: string | null;
  /** A headline line above the dateline, where the copy carries one. */
  headline: string | null;
  byline: string | null;
  credits: string | null;
  /** The agency the sign-off at the end names ("Reuter" → Reuters), for copy whose dateline names none. */
  signOffAgency: string | null;
};

// How far down the head of the copy an embargo line, a byline or a signed dateline may sit, in
// paragraphs (and in lines, for what opens a paragraph in wrapped copy's head).
const EMBARGO_LINES = 5;
const HEAD_LINES = 5;
const DATELINE_LINES = 3;
const BYLINE_LINES = 2;
const LINE_BREAK = /\r\n?|[\n\u2028\u2029\f\v]/;
const MAX_HEADLINE = 200;

// includes() is much faster than a regex over the whole text, and most copy has only "\n".
function hasOddLineBreaks(text: string): boolean {
  return text.includes("\r") || text.includes("\u2028") || text.includes("\u2029") || text.includes("\f") || text.includes("\v");
}

/** What a line of wrapped copy's head is: an embargo line or a byline (lines of their own), or the dateline's paragraph's first. */
function headLine(line: string, receivedAt: Date): HeadLine {
  if (readEmbargoLine(line, receivedAt) !== undefined || readByline(line)) return "alone";
  return readGluedByline(line, receivedAt) || readDateline(line, receivedAt, { strict: true }) ? "start" : null;
}

/**
 * The body of plain agency copy, taken apart into blocks (readBlocks: wrapped lines joined,
 * tables kept as laid out); embargo lines and a "By …" line at the head lifted out; the dateline
 * taken off its paragraph (with a byline glued before it); page junk, sign-offs and credits taken
 * off the end. Everything else is left exactly as sent.
 */
export function readTextBody(text: string, receivedAt: Date): TextBody {
  const plain = markupToText(text);
  const lines = hasOddLineBreaks(plain) ? plain.split(LINE_BREAK) : plain.split("\n");
  const blocks = readBlocks(lines, { headLines: HEAD_LINES, opens: headLine, receivedAt });

  let embargoUntil: string | null = null;
  for (let index = 0; index < EMBARGO_LINES && index < blocks.length; index++) {
    const block = blocks[index];
    const embargo = block.kind === "paragraph" ? readEmbargoLine(block.text, receivedAt) : undefined;
    if (embargo === undefined) continue;
    embargoUntil = embargo;
    blocks.splice(index, 1);
    break;
  }

  // A "By …" line heads the copy, above the dateline.
  let byline: string | null = null;
  for (let index = 0; index < BYLINE_LINES && index < blocks.length && !byline; index++) {
    const block = blocks[index];
    if (block.kind !== "paragraph") break;
    byline = readByline(block.text);
    if (byline) blocks.splice(index, 1);
  }

  let dateline: Dateline | null = null;
  let headline: string | null = null;
  for (let index = 0; index < DATELINE_LINES && index < blocks.length; index++) {
    const block = blocks[index];
    if (block.kind !== "paragraph") break;
    const glued = byline ? null : readGluedByline(block.text, receivedAt);
    dateline = glued ? glued.dateline : readDateline(block.text, receivedAt, { strict: index > 0 });
    if (!dateline) continue;
    if (glued) byline = glued.byline;
    if (dateline.rest) blocks[index] = { kind: "paragraph", text: dateline.rest };
    else blocks.splice(index, 1);
    // Above a signed dateline is the item's head (a slug, then the headline), not its story.
    const above = blocks[index - 1];
    if (index > 0 && above.kind === "paragraph" && above.text.length <= MAX_HEADLINE) {
      headline = above.text;
      blocks.splice(0, index);
    }
    break;
  }

  // What follows the story comes after its last table.
  let story = blocks.length;
  while (story > 0 && blocks[story - 1].kind === "paragraph") story--;
  const tail: string[] = [];
  for (let index = story; index < blocks.length; index++) tail.push(blocks[index].text);
  const end = cutTrailingMatter(tail);
  // The cut only drops paragraphs off the end and shortens the one then last.
  blocks.length = story + end.paragraphs.length;
  const last = end.paragraphs[end.paragraphs.length - 1];
  if (last !== undefined && blocks[blocks.length - 1].text !== last) blocks[blocks.length - 1] = { kind: "paragraph", text: last };
  const paragraphs: string[] = [];
  for (const block of blocks) paragraphs.push(block.text);
  return {
    paragraphs,
    blocks,
    dateline,
    embargoUntil,
    headline,
    byline,
    credits: end.credits,
    signOffAgency: end.agency,
  };
}
