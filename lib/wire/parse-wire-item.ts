import type { ParsedWireItem, WireParse } from "@/lib/wire/types";
import { proposeHeadline } from "@/lib/wire/propose-headline";
import { parseNinjsItem } from "@/lib/wire/parse-ninjs-item";
import { isNewsmlInput, parseNewsmlItems } from "@/lib/wire/parse-newsml-item";
import { parseTextItem } from "@/lib/wire/parse-text-item";
import { readWireInput } from "@/lib/wire/read-input";
import { WireError } from "@/lib/wire/wire-error";
import { cleanText } from "@/lib/text-input";

const JSON_START = /^\s*[{[]/;

const clean = (text: string | null) => (text === null ? null : cleanText(text).trim() || null);

/**
 * The parse with its text cleaned as every input is (lib/text-input.ts): agency copy is input
 * too, and a control character in a NINJS headline ("\u0001" is valid JSON) would otherwise reach
 * the story, the stored parse (PostgreSQL's jsonb refuses "\u0000" and lone surrogates) and the
 * feeds. The uri is an identifier, not text: it is kept as sent and judged by the intake.
 */
function cleanParse(parse: WireParse): WireParse {
  return {
    ...parse,
    agency: clean(parse.agency),
    location: clean(parse.location),
    country: clean(parse.country),
    headline: clean(parse.headline),
    byline: clean(parse.byline),
    credits: clean(parse.credits),
    // Plain copy's paragraphs come from text readWireInput has cleaned already (and the envelope
    // reader took its framing out of): cleaning them again cost a third of the parse. JSON and XML
    // can spell any character as an escape, so theirs are cleaned here.
    paragraphs: (parse.format === "text" ? parse.paragraphs : parse.paragraphs.map((paragraph) => cleanText(paragraph, { multiline: true }))).filter((paragraph) => paragraph.trim() !== ""),
    tags: parse.tags.flatMap((tag) => {
      const name = clean(tag.name);
      return name ? [{ ...tag, name }] : [];
    }),
  };
}

/** Copy with no headline of its own gets one proposed from its lede, marked as proposed. */
function withHeadline(parse: WireParse): WireParse {
  if (parse.headline) return parse;
  const proposed = parse.paragraphs[0] ? proposeHeadline(parse.paragraphs[0]) : null;
  return proposed ? { ...parse, headline: proposed, headlineProposed: true } : parse;
}

/** `problems` are the delivery's own (its bytes' encoding), said first on every item it holds. */
function finish(item: ParsedWireItem, problems: string[]): ParsedWireItem {
  const parse = problems.length ? { ...item.parse, problems: [...problems, ...item.parse.problems] } : item.parse;
  return { ...item, parse: withHeadline(cleanParse(parse)), bodyHtml: item.parse.format === "text" ? item.bodyHtml : cleanText(item.bodyHtml, { multiline: true }) };
}

/**
 * Every item in a delivery of agency copy (plain text, NINJS, NewsML-G2; a newsMessage may carry
 * several), taken apart with no NLP: fast enough for bulk ingest. Throws WireError, with a
 * one-line reason, for input that is not copy.
 */
export function parseWireItems(raw: string | Uint8Array, options: { receivedAt: Date }): ParsedWireItem[] {
  const { receivedAt } = options;
  if (!(receivedAt instanceof Date) || Number.isNaN(receivedAt.getTime())) throw new WireError("receivedAt is not a valid date");
  const { text, problems } = readWireInput(raw);
  if (isNewsmlInput(text)) return parseNewsmlItems(text, receivedAt).map((item) => finish(item, problems));
  const item = JSON_START.test(text) ? parseNinjsItem(text, receivedAt) : parseTextItem(text, receivedAt);
  return [finish(item, problems)];
}

/** The one item of a delivery (see parseWireItems); a delivery of several is refused with a WireError. */
export function parseWireItem(raw: string | Uint8Array, options: { receivedAt: Date }): ParsedWireItem {
  const items = parseWireItems(raw, options);
  if (items.length !== 1) throw new WireError(`the delivery holds ${items.length} items, not one`);
  return items[0];
}
