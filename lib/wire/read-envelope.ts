import type { WireEnvelope, WirePriority, WireTake } from "@/lib/wire/types";
import { anpaPriority, iptc7901Priority } from "@/lib/wire/priorities";
import { readDateline } from "@/lib/wire/read-dateline";
import { readMarkerPriority } from "@/lib/wire/read-head";
import { readSlugLine } from "@/lib/wire/read-slug";
import { combineTakes, readTake } from "@/lib/wire/read-take";

export type Envelope = {
  kind: WireEnvelope;
  /** The message text between STX and ETX, the envelope's codes and head lines taken out. */
  text: string;
  priority: WirePriority | null;
  category: string | null;
  slugline: string | null;
  wordCount: number | null;
  take: WireTake | null;
  headline: string | null;
  problems: string[];
};

const SOH = "\x01";
const STX = "\x02";
const ETX = "\x03";
const EOT = "\x04";
const SYN = "\x16";
/** An ANPA 1312 or IPTC 7901 message opens with SOH (after SYN SYN), or STX where the header is lost. */
// SOH (or STX) opens the message, after at most a line's preamble of the line's own: SYN SYN, or
// the ENQs and station letters some links send first (Reuters' "\x05\x05\x05C T").
export const ENVELOPE_START = /^[\s\x05\x16A-Z0-9]{0,40}[\x01\x02]/;
const FRAMING = /[\x01-\x04\x16\x1F]/g;
const MAX_HEADER = 1000;
const MAX_TOKENS = 40;
const SPACE = /\s+/;

// IPTC 7901: source and message number ("eca0124"), priority digit, category (1–3 letters),
// word count, then an optional keyword. ANPA 1312: service level and message number
// ("f0704", the selector glued on or after US), selector codes, priority and category letters,
// then the keyword (slug), its version (take) field, the date and the word count.
const MESSAGE_ID = /^[A-Za-z]{0,8}\d{1,6}/;
const DIGIT_PRIORITY = /^\d$/;
const CATEGORY_CODES = /^[A-Za-z]{1,3}$/;
const COUNT = /^\d{1,6}$/;
const ANPA_ID = /^[A-Za-z]\d{4}/;
const LETTER = /^[A-Za-z]$/;
// The head lines AP marks with "^" after STX, ending "<" or "=", and its dispatch stamp after the text.
const AP_HEAD_MARK = /^\s*\^/;
const MAX_AP_HEAD = 20;
const AP_KEYWORD = /^(?:BC|AM|PM|AP)-/;
const AP_PHOTO = /^AP (?:Photos?|Video|Graphic|Audio)\b/i;
const BYLINE = /^By\s/i;
const EDITORS = /^(?:Eds|Editors?|Editor'?s note)\s*:\s*/i;
const DISPATCH_STAMP = /^[A-Z]{2,4}-[A-Z]{2,4}-\d\d-\d\d-\d\d \d{4}GMT<?$/;
// 7901 copy may close its headline line with " =".
const MAX_HEADLINE = 150;
const LOWER_CASE = /\p{Ll}/u;

const isEndMark = (char: string) => char === "<" || char === "=" || char.trim() === "";

// A loop, not a regex: "\s*[<=]+\s*$" backtracks quadratically on a long run of spaces.
function trimEndMarks(line: string): string {
  let end = line.length;
  while (end > 0 && isEndMark(line[end - 1])) end--;
  return line.slice(0, end).trim();
}

type Header = Pick<Envelope, "priority" | "category" | "slugline" | "wordCount" | "take"> & { kind: WireEnvelope };

const noHeader = (kind: WireEnvelope): Header => ({ kind, priority: null, category: null, slugline: null, wordCount: null, take: null });

function readIptc7901Header(tokens: string[], keywordLines: string[], problems: string[]): Header | null {
  const at = MESSAGE_ID.test(tokens[0] ?? "") && !DIGIT_PRIORITY.test(tokens[0]) ? 1 : 0;
  const [priority, category, count] = tokens.slice(at, at + 3);
  if (!priority || !DIGIT_PRIORITY.test(priority) || !category || !CATEGORY_CODES.test(category) || !count || !COUNT.test(count)) return null;
  const header = noHeader("iptc-7901");
  header.priority = iptc7901Priority(priority);
  if (!header.priority) problems.push(`unknown IPTC 7901 priority "${priority}"`);
  header.category = category;
  header.wordCount = Number(count);
  // The keyword: its own line under the header where there is one, else what closes the header line.
  const keyword = keywordLines[0] ?? tokens.slice(at + 3).join(" ");
  const slug = keyword ? readSlugLine(keyword, { strict: false }) : null;
  header.slugline = slug?.slugline ?? null;
  header.take = slug?.take ?? null;
  for (const line of keywordLines.slice(1)) header.take = combineTakes(header.take, readTake(line));
  return header;
}

function readAnpaHeader(tokens: string[], problems: string[]): Header | null {
  if (!ANPA_ID.test(tokens[0] ?? "")) return null;
  // Selector codes ("reute", "-----") sit between the message number and the two code letters.
  let at = 1;
  while (at < 4 && at + 1 < tokens.length && !(LETTER.test(tokens[at]) && LETTER.test(tokens[at + 1]))) at++;
  const header = noHeader("anpa-1312");
  if (!(LETTER.test(tokens[at] ?? "") && LETTER.test(tokens[at + 1] ?? ""))) {
    problems.push("the ANPA header has no priority and category codes");
    return header;
  }
  header.priority = anpaPriority(tokens[at]);
  if (!header.priority) problems.push(`unknown ANPA priority code "${tokens[at]}"`);
  header.category = tokens[at + 1];
  const slug = readSlugLine(tokens.slice(at + 2).join(" "), { strict: false });
  if (!slug) problems.push("the ANPA header has no keyword (slug)");
  header.slugline = slug?.slugline ?? null;
  header.take = slug?.take ?? null;
  header.wordCount = slug?.wordCount ?? null;
  return header;
}

const tokensOf = (line: string) => line.trim().split(SPACE).filter(Boolean).slice(0, MAX_TOKENS);

/** The header between SOH and STX: a 7901 header line (and keyword lines under it), or ANPA's one or two lines. */
function readHeader(headerText: string, synced: boolean, problems: string[]): Header {
  const capped = headerText.length > MAX_HEADER ? headerText.slice(0, MAX_HEADER) : headerText;
  if (capped !== headerText) problems.push(`the envelope header is ${headerText.length} characters long: read its first ${MAX_HEADER}`);
  const lines = capped.split("\n").map((line) => line.replace(FRAMING, " ").trim()).filter(Boolean);
  const read = readIptc7901Header(tokensOf(lines[0] ?? ""), lines.slice(1), problems) ?? readAnpaHeader(tokensOf(lines.join(" ")), problems);
  if (read) return read;
  problems.push(lines.length ? `the envelope header could not be read ("${lines[0].slice(0, 40)}")` : "the envelope has no header");
  // SYN SYN before SOH is ANPA's preamble; 7901 messages do without.
  return noHeader(synced ? "anpa-1312" : "iptc-7901");
}

/**
 * Whether the text's first line is a headline, not the first line of a story that is hard-wrapped:
 * closed with " =" (7901), or short and not a dateline, and either in capitals (as Reuters sends
 * headlines), or a line that is no sentence standing apart above a blank line or a dateline.
 */
function isHeadline(lines: string[], receivedAt: Date): boolean {
  const line = lines[0].trim();
  if (line.endsWith("=")) return true;
  const following = lines.findIndex((candidate, index) => index > 0 && candidate.trim());
  if (following === -1 || line.length > MAX_HEADLINE || readDateline(line, receivedAt)) return false;
  if (!LOWER_CASE.test(line)) return true;
  return !line.endsWith(".") && (following > 1 || readDateline(lines[following].trim(), receivedAt) !== null);
}

// AP's keyword line may carry words no take mark holds ("BC-LT--Argentina-Cancer Beauty,466").
const readKeywordLine = (line: string) => readSlugLine(line, { strict: true }) ?? (AP_KEYWORD.test(line) ? readSlugLine(line, { strict: false }) : null);

type Body = { text: string; headline: string | null; take: WireTake | null; keywordSlug: string | null; advisory: string | null };

/**
 * AP's head lines ("^BC-Heat-Hawks, 1st Ld-Writethru,416<", "^Headline<", "^Eds: …<", "^By NAME=",
 * "^AP Sports Writer=") read into the keyword, headline, take and a byline line for the body reader.
 */
function readApHead(lines: string[]): Body {
  let at = 0;
  while (at < lines.length && at < MAX_AP_HEAD && AP_HEAD_MARK.test(lines[at])) at++;
  const head = lines.slice(0, at).map((line) => trimEndMarks(line.replace(AP_HEAD_MARK, "")));
  const body: Body = { text: "", headline: null, take: null, keywordSlug: null, advisory: null };
  const byline: string[] = [];
  for (const line of head) {
    if (!line || AP_PHOTO.test(line) || readMarkerPriority(line)) continue;
    const slug = body.keywordSlug === null && body.headline === null ? readKeywordLine(line) : null;
    const take = slug ? null : readTake(line);
    if (slug) {
      body.keywordSlug = slug.slugline;
      body.take = combineTakes(body.take, slug.take);
    } else if (take) body.take = combineTakes(body.take, take);
    else if (EDITORS.test(line)) body.advisory ??= line.replace(EDITORS, "");
    else if (BYLINE.test(line)) byline.push(line);
    else if (byline.length === 1) byline.push(line);
    else if (body.headline === null) body.headline = line;
  }
  const text = lines.slice(at).join("\n");
  body.text = byline.length ? `${byline.join(", ")}\n${text}` : text;
  return body;
}

function readBody(text: string, receivedAt: Date): Body {
  const all = text.split("\n");
  let end = all.length;
  while (end > 0 && (!all[end - 1].trim() || DISPATCH_STAMP.test(all[end - 1].trim()))) end--;
  let start = 0;
  while (start < end && !all[start].trim()) start++;
  const lines = all.slice(start, end);
  if (lines.length && AP_HEAD_MARK.test(lines[0])) return readApHead(lines);
  if (lines.length && isHeadline(lines, receivedAt)) {
    const headline = trimEndMarks(lines[0]);
    return { text: lines.slice(1).join("\n"), headline: headline || null, take: null, keywordSlug: null, advisory: null };
  }
  return { text: lines.join("\n"), headline: null, take: null, keywordSlug: null, advisory: null };
}

/**
 * An ANPA 1312 or IPTC 7901 message taken apart: the header's codes (priority, category, slug,
 * word count, take) and the headline line after STX to metadata, the text between STX and ETX
 * to the body reader, nothing of the envelope left in it. Null when the copy has no envelope.
 * A broken envelope (no SOH, no STX, no ETX, codes it cannot read) is read as far as it goes,
 * and what was wrong is said in `problems`.
 */
export function readEnvelope(text: string, receivedAt: Date): Envelope | null {
  if (!ENVELOPE_START.test(text)) return null;
  const problems: string[] = [];
  const soh = text.indexOf(SOH);
  let stx = text.indexOf(STX);
  if (soh !== -1 && stx !== -1 && stx < soh) stx = text.indexOf(STX, soh);
  let headerText = "";
  let bodyStart: number;
  if (soh === -1) {
    problems.push("no SOH: the envelope has no header");
    bodyStart = stx + 1;
  } else if (stx === -1) {
    // Without STX the header is the line SOH opens, and the text starts on the next.
    const newline = text.indexOf("\n", soh);
    headerText = text.slice(soh + 1, newline === -1 ? text.length : newline);
    bodyStart = newline === -1 ? text.length : newline + 1;
    problems.push("no STX: the text is read from the line after the header");
  } else {
    headerText = text.slice(soh + 1, stx);
    bodyStart = stx + 1;
  }
  const synced = text.slice(0, soh === -1 ? stx : soh).includes(SYN);
  const header = soh === -1 ? noHeader(synced ? "anpa-1312" : "iptc-7901") : readHeader(headerText, synced, problems);
  let bodyEnd = text.indexOf(ETX, bodyStart);
  if (bodyEnd === -1) {
    const eot = text.indexOf(EOT, bodyStart);
    bodyEnd = eot === -1 ? text.length : eot;
    problems.push(eot === -1 ? "no ETX: read to the end of the item" : "no ETX: read to the EOT");
  }

  // After ETX comes only the dispatch stamp and EOT; copy there means an ETX in mid-text.
  const after = bodyEnd < text.length ? text.slice(bodyEnd + 1).replace(FRAMING, " ").trim() : "";
  const afterLines = after ? after.split("\n").filter((line) => line.trim() && !DISPATCH_STAMP.test(line.trim())) : [];
  if (afterLines.length) problems.push(`text after ETX was left out (${afterLines.join(" ").length} characters): the message may hold an ETX in mid-text`);
  const body = readBody(text.slice(bodyStart, bodyEnd).replace(FRAMING, ""), receivedAt);
  if (!body.text.trim()) problems.push("the envelope holds no text");
  const take = combineTakes(header.take, body.take);
  return {
    kind: header.kind,
    text: body.text,
    priority: header.priority,
    category: header.category,
    slugline: header.slugline ?? body.keywordSlug,
    wordCount: header.wordCount,
    take: take && !take.note && body.advisory ? { ...take, note: body.advisory } : take,
    headline: body.headline,
    problems,
  };
}
