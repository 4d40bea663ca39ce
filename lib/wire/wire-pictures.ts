import { MEDIA_TEXT_MAX } from "@/lib/media/media-limits";
import { cleanText, isCleanText } from "@/lib/text-input";
import { markupToText } from "@/lib/wire/markup-to-text";
import { attribute, childNamed, childrenNamed, textOf, type XmlElement } from "@/lib/wire/newsml-xml";

/**
 * A picture an item carries (a NINJS association, a NewsML-G2 picture newsItem), as the agency
 * describes it: its words for the media library, and where to fetch it. `href` is the rendition to
 * fetch: an http(s) address, or a path beside the item (a folder or FTP delivery).
 */
export type WirePicture = {
  uri: string | null;
  href: string;
  caption: string;
  credit: string;
  byline: string;
  copyright: string;
  alt: string;
};

/** At most this many pictures are taken from one item (a gallery of hundreds is not a story's). */
export const MAX_WIRE_PICTURES = 10;

type Json = Record<string, unknown>;
type Rendition = { name: string; href: string; type: string | null; width: number; height: number };

const IMAGE = /^image\//i;
const NOT_A_PICTURE = /^(?:text|video|audio|graphic|composite)$/i;
// Rendition names agencies give the full-size file, best first; a thumbnail or preview is last.
const FULL_SIZE = /^(?:original|baseimage|highres|hires|master|full|viewimage|large)$/i;
const SMALL = /thumb|preview|small/i;
const LINE_BREAKS = /\s+/g;

/** A text field as plain text on one line (markup an agency put in it read as text), or "". */
function plain(value: unknown, field: keyof typeof MEDIA_TEXT_MAX): string {
  const max = MEDIA_TEXT_MAX[field];
  if (typeof value !== "string") return "";
  const text = markupToText(cleanText(value, { multiline: true })).replace(LINE_BREAKS, " ").trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/**
 * A rendition's address as sent, or "" for none usable: one holding control characters (a NUL
 * would reach the stored parse, which PostgreSQL's jsonb refuses) or longer than any address.
 */
function address(value: unknown): string {
  if (typeof value !== "string") return "";
  const href = value.trim();
  return href.length <= MAX_ADDRESS && isCleanText(href) ? href : "";
}
const MAX_ADDRESS = 2000;

const first = (...values: string[]) => values.find((value) => value !== "") ?? "";
const objects = (value: unknown): Json[] => (Array.isArray(value) ? value : []).filter((entry): entry is Json => typeof entry === "object" && entry !== null && !Array.isArray(entry));
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const size = (value: unknown) => (typeof value === "number" && Number.isFinite(value) && value > 0 ? value : typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 0);

/**
 * The rendition worth fetching: the largest image the agency sends, preferring one named as the
 * full-size file where sizes are not given, and a thumbnail only when there is nothing else.
 */
function bestRendition(renditions: Rendition[]): Rendition | null {
  const images = renditions.filter((each) => each.href && (each.type === null || IMAGE.test(each.type)));
  if (!images.length) return null;
  const score = (each: Rendition) => [each.width * each.height, FULL_SIZE.test(each.name) ? 1 : 0, SMALL.test(each.name) ? 0 : 1];
  return [...images].sort((a, b) => {
    const [sa, sb] = [score(a), score(b)];
    return sb[0] - sa[0] || sb[1] - sa[1] || sb[2] - sa[2];
  })[0];
}

/** NINJS renditions: an object keyed by name (NINJS 1) or an array of named ones (NINJS 2). */
function ninjsRenditions(value: unknown): Rendition[] {
  const entries: [string, Json][] = Array.isArray(value)
    ? objects(value).map((each) => [typeof each.name === "string" ? each.name : "", each])
    : isObject(value)
      ? Object.entries(value).filter((entry): entry is [string, Json] => isObject(entry[1]))
      : [];
  return entries.flatMap(([name, each]) => {
    const href = address(each.href);
    const type = typeof each.contenttype === "string" ? each.contenttype : typeof each.mimetype === "string" ? each.mimetype : null;
    return href ? [{ name, href, type, width: size(each.width), height: size(each.height) }] : [];
  });
}

/** A NINJS 2 `descriptions` entry of that role, or NINJS 1's named field. */
function description(association: Json, role: RegExp, field: "caption" | "alt" = "caption"): string {
  const found = objects(association.descriptions).find((each) => typeof each.role === "string" && role.test(each.role));
  return found ? plain(found.value, field) : "";
}

function ninjsPicture(association: Json): WirePicture | null {
  const type = typeof association.type === "string" ? association.type : "picture";
  if (NOT_A_PICTURE.test(type)) return null;
  const rendition = bestRendition(ninjsRenditions(association.renditions));
  if (!rendition) return null;
  const headline = first(plain(association.headline, "caption"), ...objects(association.headlines).map((each) => plain(each.value, "caption")));
  const infosources = objects(association.infosources).map((each) => plain(each.name, "credit")).filter(Boolean).join(", ");
  const provider = isObject(association.provider) ? plain(association.provider.name, "credit") : plain(association.provider, "credit");
  return {
    uri: typeof association.uri === "string" && association.uri.trim() ? association.uri.trim().slice(0, 1000) : null,
    href: rendition.href,
    caption: first(description(association, /caption|summary|^$/i), plain(association.description_text, "caption"), plain(association.body_text, "caption"), headline),
    credit: first(plain(association.creditline, "credit"), infosources, plain(association.copyrightholder, "credit"), provider),
    byline: first(plain(association.by, "byline"), plain(association.byline, "byline"), ...objects(association.bylines).map((each) => plain(each.byline ?? each.name, "byline"))),
    copyright: plain(association.copyrightnotice, "copyright"),
    alt: description(association, /^alt|alternative/i, "alt"),
  };
}

/**
 * The pictures a NINJS item associates with its story: NINJS 1's `associations` object (keyed by
 * name, "featureimage" first) or NINJS 2's array; pictures only, each with a rendition to fetch.
 */
export function ninjsPictures(associations: unknown): WirePicture[] {
  const listed = Array.isArray(associations)
    ? objects(associations)
    : isObject(associations)
      ? Object.entries(associations)
          .sort(([a], [b]) => Number(b === "featureimage") - Number(a === "featureimage"))
          .map(([, value]) => value)
          .filter(isObject)
      : [];
  return listed.flatMap((association) => ninjsPicture(association) ?? []).slice(0, MAX_WIRE_PICTURES);
}

/** A NewsML-G2 contentMeta description of that role ("drol:caption"), as text. */
function g2Description(contentMeta: XmlElement | undefined, role: RegExp, field: "caption" | "alt" = "caption"): string {
  const found = childrenNamed(contentMeta, "description").find((each) => role.test(attribute(each, "role") ?? ""));
  return found ? plain(textOf(found), field) : "";
}

/**
 * A NewsML-G2 picture newsItem as a picture: its caption, credit line, by-line and copyright, and
 * the largest of its remoteContent renditions.
 */
export function newsmlPicture(item: XmlElement): WirePicture | null {
  const contentMeta = childNamed(item, "contentMeta");
  const renditions = childrenNamed(childNamed(item, "contentSet"), "remoteContent").map((each) => ({
    name: (attribute(each, "rendition") ?? "").replace(/^[^:]*:/, ""),
    href: address(attribute(each, "href")),
    type: attribute(each, "contenttype"),
    width: size(attribute(each, "width")),
    height: size(attribute(each, "height")),
  }));
  const rendition = bestRendition(renditions);
  if (!rendition) return null;
  const rights = childNamed(item, "rightsInfo");
  return {
    uri: attribute(item, "guid")?.slice(0, 1000) ?? null,
    href: rendition.href,
    caption: first(g2Description(contentMeta, /caption|summary/i), g2Description(contentMeta, /^$/), plain(textOf(childNamed(contentMeta, "headline")), "caption")),
    credit: first(plain(textOf(childNamed(contentMeta, "creditline")), "credit"), plain(textOf(childNamed(rights, "copyrightHolder")) ?? childNamed(rights, "copyrightHolder")?.attributes.literal, "credit")),
    byline: plain(textOf(childNamed(contentMeta, "by")), "byline"),
    copyright: plain(textOf(childNamed(rights, "copyrightNotice")), "copyright"),
    alt: g2Description(contentMeta, /alt/i, "alt"),
  };
}
