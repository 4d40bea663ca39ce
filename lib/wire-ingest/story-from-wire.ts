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

/** At most `max` characters, cut at a word boundary: agency metadata is not refused for being long. */
function clamp(text: string | null, max: number): string | null {
  if (!text || text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2)).trimEnd()}…`;
}

/**
 * The story fields wire copy fills in; tags are the item's own plus those the editor accepted.
 * Over-long metadata is shortened to what a story holds, so valid copy is never refused for it.
 */
export function storyInputFromWire(item: ParsedWireItem, tags: WireTag[]) {
  const { parse } = item;
  return {
    headline: clamp(workingHeadline(item), 300)!,
    body: item.bodyHtml,
    byline: clamp(parse.byline, 200),
    agency: clamp(parse.agency, 40),
    credits: clamp(parse.credits, 500),
    dateline: { location: clamp(parse.location, 80), country: clamp(parse.country, 80), date: parse.date },
    embargoUntil: parse.embargoUntil,
    tags: tags.slice(0, 30).map((tag) => ({ ...tag, name: clamp(tag.name, 80)! })),
  };
}
