import { cutTrailingMatter } from "@/lib/wire/cut-trailing-matter";
import type { HeadLine } from "@/lib/wire/join-wrapped-lines";
import { markupToText } from "@/lib/wire/markup-to-text";
import { isPageJunk } from "@/lib/wire/page-junk";
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

// How far down the head of the copy an embargo line, a byline or a signed dateline may sit
// (in lines for the embargo and for wrapped copy's head, in paragraphs for the others).
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

/** The embargo line among the first lines of copy, blanked where found; undefined when there is none. */
function liftEmbargo(lines: string[], receivedAt: Date): string | null | undefined {
  let counted = 0;
  for (let index = 0; index < lines.length && counted < EMBARGO_LINES; index++) {
    const line = lines[index].trim();
    if (!line) continue;
    const embargo = readEmbargoLine(line, receivedAt);
    if (embargo !== undefined) {
      lines[index] = "";
      return embargo;
    }
    if (!isPageJunk(line)) counted++;
  }
  return undefined;
}

/** Whether a line of wrapped copy's head is a byline (a line of its own) or opens the dateline's paragraph. */
function headLine(line: string, receivedAt: Date): HeadLine {
  if (readByline(line)) return "alone";
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
  const embargoUntil = liftEmbargo(lines, receivedAt) ?? null;
  let blocks = readBlocks(lines, { headLines: HEAD_LINES, opens: (line) => headLine(line, receivedAt) });

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
  const end = cutTrailingMatter(blocks.slice(story).map((block) => block.text));
  blocks = [...blocks.slice(0, story), ...end.paragraphs.map((paragraph): WireBlock => ({ kind: "paragraph", text: paragraph }))];
  return {
    paragraphs: blocks.map((block) => block.text),
    blocks,
    dateline,
    embargoUntil,
    headline,
    byline,
    credits: end.credits,
    signOffAgency: end.agency,
  };
}
