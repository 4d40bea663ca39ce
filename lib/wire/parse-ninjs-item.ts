import { sanitizeBody } from "@/lib/stories/sanitize-body";
import { MAX_MARKUP_DEPTH, nestsTooDeep } from "@/lib/html/markup-depth";
import type { TagType } from "@/lib/stories/schemas";
import { noWireMetadata, type ParsedWireItem, type WirePubstatus, type WireTag } from "@/lib/wire/types";
import { canonicalAgency } from "@/lib/wire/agencies";
import { formatInstant } from "@/lib/wire/infer-year";
import { blockTexts, takeDatelineOffHtml } from "@/lib/wire/ninjs-body";
import { blocksHtml } from "@/lib/wire/paragraphs-html";
import { placeNameCase } from "@/lib/wire/place-name-case";
import type { Dateline } from "@/lib/wire/read-dateline";
import { readTextBody } from "@/lib/wire/read-text-body";
import { markupToText } from "@/lib/wire/markup-to-text";
import { WireError } from "@/lib/wire/wire-error";
import { cleanText } from "@/lib/text-input";
import { ninjsPictures } from "@/lib/wire/wire-pictures";

type Json = Record<string, unknown>;

const NINJS_KEYS = ["uri", "headline", "body_html", "body_text"];
const BLOCK_ELEMENT = /<(?:p|h2|h3|blockquote|ul|ol|li)>/;
const ISO_START = /^\d{4}-\d{2}-\d{2}/;
const WHITESPACE = /\s+/g;
const WHOLE_NUMBER = /^\s*\d+\s*$/;
const ORGANISATION_SCHEME = /organi[sz]ation/i;
const PERSON_SCHEME = /person|people/i;
const PLACE_SCHEME = /place|geo/i;
// A Map, not an object literal: "constructor" or "__proto__" from the copy must find nothing.
const pubstatuses = new Map<string, WirePubstatus>([["usable", "usable"], ["withheld", "withheld"], ["canceled", "canceled"], ["cancelled", "canceled"]]);

// NINJS is read leniently, field by field: a field of the wrong type is treated as absent rather
// than refusing an item the desk can still use. Only JSON that is no NINJS at all is an error, and
// an identity (uri, version) of the wrong kind: read as absent, it would make an item that no
// later version of it could ever match.
// Text is cleaned as it is read (lib/text-input.ts): JSON's "\u0001" is a control character too.
function text(value: unknown): string | null {
  const clean = typeof value === "string" ? cleanText(value, { multiline: true }).trim() : "";
  return clean ? clean : null;
}

/**
 * A NINJS text field (headline, byline, located, a subject's name) as text: markup an agency put
 * in it is read as the plain-text path reads it ("<b>Hi</b>" → "Hi"), never shown as tags.
 */
function field(value: unknown): string | null {
  const clean = text(value);
  if (!clean) return null;
  const plain = markupToText(clean).replace(/\s+/g, " ").trim();
  return plain ? plain : null;
}

/** The item's uri as sent: an identifier is not text to tidy, and the intake judges it. */
function identifier(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string" && value.trim()) return value.trim();
  throw new WireError("uri must be a non-empty string naming the item");
}

/** The item's version: a whole number, or one written as a string (NINJS 2 spells it so). */
function version(value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  if (typeof value === "string" && WHOLE_NUMBER.test(value)) return Number(value);
  throw new WireError("version must be a whole number (or one written as a string)");
}

function list(item: Json, ...keys: string[]): Json[] {
  return keys.flatMap((key) => (Array.isArray(item[key]) ? (item[key] as unknown[]) : [])).filter((entry): entry is Json => typeof entry === "object" && entry !== null);
}

function subjectType(subject: Json): TagType {
  const scheme = [subject.scheme, subject.type, subject.rel].filter((part) => typeof part === "string").join(" ");
  if (ORGANISATION_SCHEME.test(scheme)) return "organisation";
  if (PERSON_SCHEME.test(scheme)) return "person";
  if (PLACE_SCHEME.test(scheme)) return "place";
  return "topic";
}

/** NINJS subject, place, people and organisation entries, then the dateline's country, without repeats. */
function itemTags(item: Json, dateline: Dateline | null): WireTag[] {
  const tags: WireTag[] = [];
  const add = (name: unknown, type: TagType) => {
    const clean = field(name);
    if (clean && !tags.some((tag) => tag.name.toLowerCase() === clean.toLowerCase())) tags.push({ name: clean, type });
  };
  for (const subject of list(item, "subject", "subjects")) add(subject.name, subjectType(subject));
  for (const place of list(item, "place", "places")) add(place.name, "place");
  for (const person of list(item, "person", "people")) add(person.name, "person");
  for (const organisation of list(item, "organisation", "organisations", "organization", "organizations")) add(organisation.name, "organisation");
  if (dateline?.country) add(dateline.country, "place");
  return tags;
}

function agencyOf(item: Json, dateline: Dateline | null): string | null {
  if (dateline?.agency) return dateline.agency;
  const provider = typeof item.provider === "object" && item.provider !== null ? (item.provider as Json).name : item.provider;
  const name = field(item.copyrightholder) ?? field(provider);
  return name ? (canonicalAgency(name) ?? name) : null;
}

function instant(value: unknown): string | null {
  const given = field(value);
  if (!given || !ISO_START.test(given)) return null;
  const time = Date.parse(given);
  return Number.isNaN(time) ? null : formatInstant(time);
}

function bylineOf(item: Json): string | null {
  const names = list(item, "bylines").map((entry) => field(entry.byline) ?? field(entry.name)).filter((name): name is string => name !== null);
  return field(item.byline) ?? (names.length ? names.join(", ") : null);
}

/** The item as JSON, or a WireError when it is not JSON, not an object, or not NINJS. */
function readJson(raw: string): Json {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new WireError(`the item is not valid JSON: ${(error as Error).message.replace(WHITESPACE, " ")}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new WireError("the item is JSON but not a NINJS object");
  if (!NINJS_KEYS.some((key) => key in value)) throw new WireError("the item is JSON but not NINJS: it has none of uri, headline, body_html, body_text");
  return value as Json;
}

/**
 * An agency's HTML body as the desk keeps it: sanitised, its dateline taken off, one paragraph per
 * block (NINJS body_html, a NewsML-G2 XHTML body). The caller has bounded how deep it nests.
 */
export function readHtmlBody(html: string, receivedAt: Date): { bodyHtml: string; paragraphs: string[]; dateline: Dateline | null } {
  const sanitised = sanitizeBody(html);
  // Bare text with no block around it still makes a paragraph.
  const blocked = BLOCK_ELEMENT.test(sanitised) ? sanitised : `<p>${sanitised}</p>`;
  const taken = takeDatelineOffHtml(blocked, receivedAt);
  const paragraphs = blockTexts(taken.html);
  return { bodyHtml: paragraphs.length ? taken.html : "", paragraphs, dateline: taken.dateline };
}

/** A NINJS document as a parsed item. */
export function parseNinjsItem(raw: string, receivedAt: Date): ParsedWireItem {
  const item = readJson(raw);
  const html = text(item.body_html);
  const plain = html ? null : text(item.body_text);

  let bodyHtml = "";
  let paragraphs: string[] = [];
  let dateline: Dateline | null = null;
  let credits: string | null = null;
  let embargoUntil = instant(item.embargoed);
  let byline = bylineOf(item);
  let headline: string | null = null;
  if (html) {
    if (nestsTooDeep(html)) throw new WireError(`body_html nests its markup more than ${MAX_MARKUP_DEPTH} levels deep`);
    ({ bodyHtml, paragraphs, dateline } = readHtmlBody(html, receivedAt));
  } else if (plain) {
    const body = readTextBody(plain, receivedAt);
    ({ paragraphs, dateline, credits } = body);
    embargoUntil ??= body.embargoUntil;
    byline ??= body.byline;
    headline = body.headline;
    bodyHtml = blocksHtml(body.blocks);
  }

  const located = field(item.located);
  return {
    parse: {
      format: "ninjs",
      agency: agencyOf(item, dateline),
      location: located ? placeNameCase(located) : (dateline?.location ?? null),
      country: dateline?.country ?? null,
      date: dateline?.date ?? null,
      embargoUntil,
      guid: identifier(item.uri),
      version: version(item.version),
      headline: field(item.headline) ?? headline,
      byline,
      credits,
      paragraphs,
      tags: itemTags(item, dateline),
      ...noWireMetadata(),
    },
    bodyHtml,
    pubstatus: pubstatuses.get(text(item.pubstatus)?.toLowerCase() ?? "") ?? null,
    related: [],
    pictures: ninjsPictures(item.associations),
  };
}
