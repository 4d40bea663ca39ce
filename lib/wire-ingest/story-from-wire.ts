import type { ParsedWireItem, WireTag } from "@/lib/wire";

const MAX_HEADLINE = 120;

/**
 * A working headline for copy that carries none (most plain agency text): the first sentence of
 * the first paragraph, cut at a word boundary. The editor rewrites it; it only has to be sensible.
 */
export function workingHeadline(item: ParsedWireItem): string {
  if (item.parse.headline?.trim()) return item.parse.headline.trim();
  const first = item.parse.paragraphs[0]?.trim() ?? "";
  // A sentence ends at . ! ? followed by a space and a capital, not after a single initial ("S. Jaishankar").
  const sentence = /^(.+?[^\s.]{2}[.!?])(?=\s+["“A-Z])/.exec(first)?.[1] ?? first;
  const text = sentence.replace(/[.!?]$/, "");
  if (text.length <= MAX_HEADLINE) return text || "Untitled wire story";
  const cut = text.slice(0, MAX_HEADLINE + 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 40)).replace(/[\s,;:–—-]+$/, "")}…`;
}

/** The story fields wire copy fills in; tags are the item's own plus those the editor accepted. */
export function storyInputFromWire(item: ParsedWireItem, tags: WireTag[]) {
  const { parse } = item;
  return {
    headline: workingHeadline(item),
    body: item.bodyHtml,
    byline: parse.byline,
    agency: parse.agency,
    credits: parse.credits,
    dateline: { location: parse.location, country: parse.country, date: parse.date },
    embargoUntil: parse.embargoUntil,
    tags,
  };
}
