import type { ParsedWireItem, WireParse } from "@/lib/wire/types";
import { parseNinjsItem } from "@/lib/wire/parse-ninjs-item";
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
    paragraphs: parse.paragraphs.map((paragraph) => cleanText(paragraph, { multiline: true })).filter((paragraph) => paragraph.trim() !== ""),
    tags: parse.tags.flatMap((tag) => {
      const name = clean(tag.name);
      return name ? [{ ...tag, name }] : [];
    }),
  };
}

/**
 * One item of agency copy (plain text or NINJS) taken apart, with no NLP: fast enough for bulk
 * ingest. Throws WireError, with a one-line reason, for input that is not copy.
 */
export function parseWireItem(raw: string | Uint8Array, options: { receivedAt: Date }): ParsedWireItem {
  const { receivedAt } = options;
  if (!(receivedAt instanceof Date) || Number.isNaN(receivedAt.getTime())) throw new WireError("receivedAt is not a valid date");
  const text = readWireInput(raw);
  const item = JSON_START.test(text) ? parseNinjsItem(text, receivedAt) : parseTextItem(text, receivedAt);
  return { ...item, parse: cleanParse(item.parse), bodyHtml: cleanText(item.bodyHtml, { multiline: true }) };
}
