import type { ParsedWireItem, WireTag } from "@/lib/wire";
import { firstSentence } from "@/lib/wire/propose-headline";
import { bodyPictureIds } from "@/lib/stories/body-picture-ids";

/** Whether the copy carries no headline of its own (most plain agency text): the parser proposed one. */
export const needsHeadline = (item: ParsedWireItem) => item.parse.headlineProposed || !item.parse.headline?.trim();

/**
 * The agency's headline, or the one the parser proposed from the lede (lib/wire/propose-headline.ts),
 * which the draft is flagged for until someone rewrites it.
 */
export function workingHeadline(item: ParsedWireItem): string {
  return item.parse.headline?.trim() || "Untitled wire story";
}

/** At most `max` characters, cut at a word boundary: agency metadata is not refused for being long. */
function clamp(text: string | null, max: number): string | null {
  if (!text || text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2)).trimEnd()}…`;
}

/** Figures for pictures, as the body keeps them (lib/stories/sanitize-body.ts): a reference to the media item only. */
const figures = (mediaIds: string[]) => mediaIds.map((id) => `<figure data-media="${id}"></figure>`).join("");

/**
 * The story fields wire copy fills in; tags are the item's own plus those the editor accepted.
 * Over-long metadata is shortened to what a story holds, so valid copy is never refused for it.
 * `mediaIds` are the item's pictures in the media library (lib/media/import-wire-pictures.ts):
 * the first leads the story, the others are figures after the copy.
 */
export function storyInputFromWire(item: ParsedWireItem, tags: WireTag[], mediaIds: string[] = []) {
  const { parse } = item;
  const lede = parse.paragraphs[0] ? firstSentence(parse.paragraphs[0]) : null;
  return {
    headline: clamp(workingHeadline(item), 300)!,
    // Under a proposed headline, the lede's first sentence in full, for the editor to tighten.
    ...(needsHeadline(item) && lede ? { standfirst: clamp(lede, 600)! } : {}),
    body: item.bodyHtml + figures(mediaIds.slice(1)),
    ...(mediaIds.length ? { leadImage: { id: mediaIds[0] } } : {}),
    byline: clamp(parse.byline, 200),
    agency: clamp(parse.agency, 40),
    credits: clamp(parse.credits, 500),
    dateline: { location: clamp(parse.location, 80), country: clamp(parse.country, 80), date: parse.date },
    embargoUntil: parse.embargoUntil,
    tags: tags.slice(0, 30).map((tag) => ({ ...tag, name: clamp(tag.name, 80)! })),
  };
}

/**
 * What a newer version of the copy changes in a story made from it: the copy and the agency's
 * metadata. The editor's standfirst, slug and tags stay, and so does the headline unless the
 * agency sent one (a proposal never replaces what an editor may have written). A version with
 * pictures leads with its own; one without leaves the story's lead picture as it is.
 */
export function storyUpdateFromWire(item: ParsedWireItem, mediaIds: string[] = [], current: HeldPictures = NONE_HELD) {
  const { tags: _tags, standfirst: _standfirst, headline, ...fields } = storyInputFromWire(item, [], mediaIds);
  // The pictures the story's body shows stay, after the new copy's own: they are the desk's
  // choice (or an earlier version's), and a version sent without them, or whose fetch failed, must
  // not take them away.
  const shown = new Set([...bodyPictureIds(fields.body), ...mediaIds.slice(0, 1)]);
  const body = fields.body + figures(bodyPictureIds(current.body).filter((id) => !shown.has(id)));
  return needsHeadline(item) ? { ...fields, body } : { ...fields, body, headline };
}

/** What the story shows of pictures already: its body (figures) and its lead. */
export type HeldPictures = { body: string; leadImageId: string | null };
const NONE_HELD: HeldPictures = { body: "", leadImageId: null };

/**
 * What a take changes in the story it belongs to: an add's paragraphs go on the end of the story
 * as it stands (with whatever the desk has done to it); a new lead, write-through or correction
 * is the whole story again, and replaces the copy as a newer version does.
 */
export function takeChanges(item: ParsedWireItem, current: HeldPictures, mediaIds: string[] = []) {
  if (item.parse.take?.kind === "add") {
    // An add's pictures are figures after its paragraphs, but for those the story shows already
    // (agencies send the story's photo again with every take): it keeps the picture it leads with.
    const shown = new Set([...bodyPictureIds(current.body), ...(current.leadImageId ? [current.leadImageId] : [])]);
    return { body: current.body + item.bodyHtml + figures(mediaIds.filter((id) => !shown.has(id))), embargoUntil: undefined as string | null | undefined };
  }
  return storyUpdateFromWire(item, mediaIds, current);
}
