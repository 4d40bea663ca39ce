import { preformattedText } from "@/lib/wire/find-table-lines";
import { readSignOffLine } from "@/lib/wire/sign-offs";
import type { WireBlock } from "@/lib/wire/types";

/**
 * How hard-wrapped copy is laid out: the width it was wrapped at, the margin every line of prose
 * keeps (in columns), and whether an indent beyond that margin opens a paragraph.
 */
export type Wrap = { width: number; margin: number; indents: boolean };

// Teletype copy (ANPA 1312, IPTC 7901) is wrapped at 58–72 columns; anything wider is not wrapped.
const MIN_WIDTH = 40;
const MAX_WIDTH = 80;
const MIN_LINES = 2;
// The wrap width is the 90th percentile of line lengths: the few longer lines are headlines or tables.
const WIDTH_PERCENTILE = 0.9;
// A line is near the wrap width from 3/4 of it; a paragraph's last line is clearly short below that.
const NEAR = 0.75;
// In wrapped copy most lines reach near the width, and most of those stop mid-sentence.
const MIN_NEAR_SHARE = 0.5;
const MIN_MID_SENTENCE_SHARE = 0.6;
const MIN_RUN_ONS = 2;
// A short item (a flash, an add of two sentences) may show its wrapping only once.
const SHORT_ITEM_LINES = 4;
const MIN_RUN_ON_SHARE = 0.25;
const MAX_LONG_SHARE = 0.05;
const LONG_MARGIN = 12;
const SIGN_OFF_MAX = 40;
const SENTENCE_END = '.!?”"\')’';
const LETTER = /\p{L}/u;
const LOWER_START = /^\p{Ll}/u;
// A line ending in a word that cannot end a sentence ("resigned on", "buyers towards") runs on,
// whatever case the next line starts in ("Friday", "Ivory Coast").
const RUNS_ON = /\s(?:on|in|at|of|the|a|an|to|for|by|with|and|or|but|from|as|after|before|than|that|which|who|towards?|into|onto|over|under|between|against|during|its|their|his|her|said)$/i;

/** Whether a sentence runs on from one line into the next. */
function runsOn(previous: string, line: string): boolean {
  return !endsSentence(previous) && (LOWER_START.test(line) || RUNS_ON.test(previous));
}

function endsSentence(text: string): boolean {
  return text.length > 0 && SENTENCE_END.includes(text[text.length - 1]);
}

function indentOf(line: string): number {
  let width = 0;
  for (const char of line) {
    if (char === " ") width++;
    else if (char === "\t") width += 8 - (width % 8);
    else break;
  }
  return width;
}

/**
 * Whether the copy as a whole is hard-wrapped, and how: lines of at most 80 columns, most of them
 * within a narrow band just under the width and ending mid-sentence, or (in a short item) sentences
 * running on into the next line. Copy sent one paragraph to a line (lines of every length, nearly
 * all ending a sentence) gets null.
 */
export function readWrap(lines: string[], table: boolean[] | null): Wrap | null {
  // Copy sent one paragraph to a line shows itself at once: many of its lines are wider than any wrap.
  let wide = 0;
  for (let index = 0; index < lines.length; index++) if (lines[index].length > MAX_WIDTH && !table?.[index]) wide++;
  if (wide > lines.length * (1 - WIDTH_PERCENTILE)) return null;
  const prose: string[] = [];
  // Sentences running on into the next line (runsOn): a short item has few full lines, and this
  // shows its wrapping instead.
  let runOns = 0;
  let previous: string | null = null;
  for (let index = 0; index < lines.length; index++) {
    const line = table?.[index] ? "" : lines[index].trimEnd();
    if (!line.trim()) {
      previous = null;
      continue;
    }
    if (previous !== null && runsOn(previous, line.trimStart())) runOns++;
    prose.push(line);
    previous = line;
  }
  if (prose.length < MIN_LINES) return null;
  const sorted = prose.map((line) => line.length).sort((a, b) => a - b);
  const width = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * WIDTH_PERCENTILE))];
  if (width < MIN_WIDTH || width > MAX_WIDTH) return null;
  let long = 0;
  let near = 0;
  let midSentence = 0;
  let minIndent = Infinity;
  for (const line of prose) {
    if (line.length > Math.max(width + LONG_MARGIN, MAX_WIDTH)) long++;
    if (line.length >= width * NEAR) {
      near++;
      if (!endsSentence(line)) midSentence++;
    }
    // A sign-off (" Reuter") keeps a margin of its own: it says nothing of the copy's.
    if (!(line.length <= SIGN_OFF_MAX && readSignOffLine(line.trim()))) minIndent = Math.min(minIndent, indentOf(line));
  }
  if (long > Math.max(1, prose.length * MAX_LONG_SHARE)) return null;
  const full = near >= prose.length * MIN_NEAR_SHARE && midSentence >= near * MIN_MID_SENTENCE_SHARE;
  const minRunOns = prose.length <= SHORT_ITEM_LINES ? 1 : MIN_RUN_ONS;
  if (!full && (runOns < minRunOns || runOns < prose.length * MIN_RUN_ON_SHARE)) return null;
  // Indents open paragraphs when only some lines have one; copy indented throughout has none.
  let indented = 0;
  for (const line of prose) if (indentOf(line) > minIndent && !(line.length <= SIGN_OFF_MAX && readSignOffLine(line.trim()))) indented++;
  return { width, margin: minIndent, indents: indented > 0 && indented <= prose.length / 2 };
}

/**
 * One line joined onto the paragraph so far, whose last line was `previous`: with a space, except
 * after a word's hyphen ("well-" + "known"). Only `previous` is looked at: reading the end of the
 * paragraph itself, a string built by concatenation, would flatten it on every line.
 */
function joinLine(paragraph: string, previous: string, line: string): string {
  if (!paragraph) return line;
  const wordHyphen = previous.endsWith("-") && LETTER.test(previous.slice(-2, -1));
  return wordHyphen ? paragraph + line : `${paragraph} ${line}`;
}

/** What a line at the head of the copy is to the lines around it: a line of its own (a byline), the start of a paragraph (the dateline), or neither. */
export type HeadLine = "alone" | "start" | null;

/**
 * Hard-wrapped lines joined into paragraphs. A paragraph ends at a blank line, before an indented
 * line (where indents open paragraphs), around a head line `opens` names (embargo, byline, dateline:
 * asked of the first `headLines` lines), and after a line that ends a sentence well short of the wrap
 * width. A line that is only a mark (a sign-off, "-0-", "MORE") after a sentence's end stands
 * alone, so that it can be taken off. Each run of table lines is a preformatted block.
 */
export function joinWrappedLines(
  lines: string[],
  wrap: Wrap,
  options: { table: boolean[] | null; headLines: number; opens: (line: string, receivedAt: Date) => HeadLine; receivedAt: Date },
): WireBlock[] {
  const blocks: WireBlock[] = [];
  const short = wrap.width * NEAR;
  let paragraph = "";
  let previous = "";
  let ended = true;
  let seen = 0;
  const close = () => {
    if (paragraph) blocks.push({ kind: "paragraph", text: paragraph });
    paragraph = "";
    previous = "";
    ended = true;
  };
  for (let index = 0; index < lines.length; index++) {
    if (options.table?.[index]) {
      close();
      let end = index;
      while (end < lines.length && options.table[end]) end++;
      blocks.push({ kind: "preformatted", text: preformattedText(lines.slice(index, end)) });
      index = end - 1;
      continue;
    }
    const raw = lines[index];
    const line = raw.trim();
    if (!line) {
      close();
      continue;
    }
    const head = seen++ < options.headLines ? options.opens(line, options.receivedAt) : null;
    const mark: boolean = (ended || endsSentence(previous)) && (!LETTER.test(line) || readSignOffLine(line) !== null);
    if (head || mark || ended || (wrap.indents && indentOf(raw) > wrap.margin)) close();
    paragraph = joinLine(paragraph, previous, line);
    previous = line;
    ended = head === "alone" || mark || (endsSentence(line) && raw.trimEnd().length < short);
  }
  close();
  return blocks;
}
