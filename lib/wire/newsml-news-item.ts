import { WireError } from "@/lib/wire/wire-error";
import type { TagType } from "@/lib/stories/schemas";
import { noWireMetadata, type ParsedWireItem, type WirePriority, type WirePubstatus, type WireTag } from "@/lib/wire/types";
import { canonicalAgency } from "@/lib/wire/agencies";
import { formatInstant, isValidDate } from "@/lib/wire/infer-year";
import { iptcQcode, iptcTopicName } from "@/lib/wire/iptc/iptc-topic-name";
import { readNewsmlBody } from "@/lib/wire/newsml-body";
import { attribute, childNamed, childrenNamed, textOf, type XmlElement } from "@/lib/wire/newsml-xml";
import { placeNameCase } from "@/lib/wire/place-name-case";
import { readDateline } from "@/lib/wire/read-dateline";

const WHOLE_NUMBER = /^\d{1,9}$/;
const ENGLISH = /^en(?:-|$)/i;
const MAIN_HEADLINE = /(?:^|:)main$/;
const BY = /^by\s+/i;
const DATELINE_END = /[-–—:]\s*$/;
const COUNTRY = /country|iso3166/i;
// NewsML-G2 date-times carry their zone; one without is read as UTC (and said so).
const DATE_TIME = /^((\d{4})-(\d{2})-(\d{2}))(?:T(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;
const OFFSET_WITHOUT_COLON = /^([+-]\d{2})(\d{2})$/;
const ORGANISATION_SCHEME = /organi[sz]ation|compan/i;
const PERSON_SCHEME = /person|people/i;
const PLACE_SCHEME = /geo|place|country|city|iso3166/i;
const IPTC_SCHEME = /^(?:medtop|subj):/;

// Maps, not object literals: a qcode such as "stat:constructor" must not find Object's own properties.
const pubstatuses = new Map<string, WirePubstatus>([
  ["usable", "usable"],
  ["withheld", "withheld"],
  ["canceled", "canceled"],
  ["cancelled", "canceled"],
]);
// The IPTC concept natures of a subject (cpnat), as tag types.
const natureTypes = new Map<string, TagType>([
  ["cpnat:person", "person"],
  ["cpnat:organisation", "organisation"],
  ["cpnat:organization", "organisation"],
  ["cpnat:geoArea", "place"],
  ["cpnat:poi", "place"],
  ["cpnat:abstract", "topic"],
  ["cpnat:event", "topic"],
  ["cpnat:object", "topic"],
]);

/** The part of a qcode after its scheme ("nprov:AFP" → "AFP"). */
const code = (qcode: string | null) => (qcode ? qcode.slice(qcode.indexOf(":") + 1).trim() || null : null);

/** A concept's name as the item gives it: in English where it gives several, else its first, else `literal`. */
function conceptName(element: XmlElement | undefined, options: { englishOnly?: boolean } = {}): string | null {
  const names = childrenNamed(element, "name");
  const english = names.find((name) => ENGLISH.test(name.attributes.lang ?? "en"));
  return textOf(english ?? (options.englishOnly ? undefined : names[0])) ?? attribute(element, "literal");
}

function embargoInstant(element: XmlElement, problems: string[]): string | null {
  const given = textOf(element);
  if (!given) {
    problems.push("embargoed gives no time (held until further notice): no embargo time set");
    return null;
  }
  const match = DATE_TIME.exec(given);
  // Date.parse rolls "02-30" over into March: the day is checked first.
  const [, date, year, month, day, time, zone] = match ?? [];
  const instant = match && isValidDate(Number(year), Number(month), Number(day)) ? Date.parse(`${date}T${time ?? "00:00"}${zone?.replace(OFFSET_WITHOUT_COLON, "$1:$2") ?? "Z"}`) : Number.NaN;
  if (Number.isNaN(instant)) {
    problems.push(`embargoed "${given}" is not an ISO 8601 date-time: left out`);
    return null;
  }
  if (!zone) problems.push(`embargoed "${given}" gives no time zone: read as UTC`);
  return formatInstant(instant);
}

// NewsML-G2 urgency runs 1 (most urgent) to 9; the desk's four priorities take 1, 2 and 3 as the
// ANPA flash, bulletin and urgent, and everything from 4 (the usual 4 or 5) as routine.
function priority(urgency: string | null, problems: string[]): WirePriority | null {
  if (urgency === null) return null;
  const value = WHOLE_NUMBER.test(urgency) ? Number(urgency) : 0;
  if (value < 1 || value > 9) {
    problems.push(`urgency "${urgency}" is not 1 to 9: no priority set`);
    return null;
  }
  return value === 1 ? "flash" : value === 2 ? "bulletin" : value === 3 ? "urgent" : "routine";
}

/**
 * The item's version, refused when it is no whole number: read as absent, it would make an item
 * that no later version could match, as the NINJS reader refuses one too.
 */
function version(given: string | null, guid: string | null): number | null {
  if (given === null) return null;
  if (WHOLE_NUMBER.test(given)) return Number(given);
  throw new WireError(`the newsItem ${guid ?? "without a guid"} has version "${given.slice(0, 40)}": a version is a whole number from 0`);
}

function pubstatus(itemMeta: XmlElement | undefined, problems: string[]): WirePubstatus | null {
  const given = attribute(childNamed(itemMeta, "pubStatus"), "qcode");
  if (given === null) return null;
  const status = pubstatuses.get(code(given)?.toLowerCase() ?? "");
  if (!status) problems.push(`pubStatus "${given}" is not usable, withheld or canceled: left out`);
  return status ?? null;
}

/** The main headline: the one with no role or the main role, else the first. */
function headline(contentMeta: XmlElement | undefined): string | null {
  const headlines = childrenNamed(contentMeta, "headline");
  const main = headlines.find((element) => {
    const role = attribute(element, "role");
    return role === null || MAIN_HEADLINE.test(role);
  });
  return textOf(main ?? headlines[0]);
}

function bylineOf(contentMeta: XmlElement | undefined): string | null {
  const by = textOf(childNamed(contentMeta, "by"));
  if (by) return by.replace(BY, "") || null;
  const creators = childrenNamed(contentMeta, "creator").map((creator) => conceptName(creator)).filter((name): name is string => name !== null);
  return creators.length ? creators.join(", ") : null;
}

/** The first known agency among provider, copyright holder and credit line; else the dateline's; else the first as sent. */
function agencyOf(item: XmlElement, datelineAgency: string | null): string | null {
  const itemMeta = childNamed(item, "itemMeta");
  const contentMeta = childNamed(item, "contentMeta");
  const provider = childNamed(itemMeta, "provider");
  const holder = childNamed(childNamed(item, "rightsInfo"), "copyrightHolder");
  const given = [conceptName(provider), code(attribute(provider, "qcode")), conceptName(holder), code(attribute(holder, "qcode")), textOf(childNamed(contentMeta, "creditline"))].filter(
    (name): name is string => name !== null,
  );
  for (const name of given) {
    const agency = canonicalAgency(name);
    if (agency) return agency;
  }
  return datelineAgency ?? given[0] ?? null;
}

function tagType(subject: XmlElement, qcode: string | null): TagType {
  const nature = natureTypes.get(attribute(subject, "type") ?? "");
  if (nature) return nature;
  const scheme = qcode?.slice(0, qcode.indexOf(":")) ?? "";
  if (ORGANISATION_SCHEME.test(scheme)) return "organisation";
  if (PERSON_SCHEME.test(scheme)) return "person";
  if (PLACE_SCHEME.test(scheme)) return "place";
  return "topic";
}

/** contentMeta's subjects as tags: the item's own English name, else IPTC's for its code, else whatever name it gives. */
function subjectTags(contentMeta: XmlElement | undefined, problems: string[]): WireTag[] {
  const tags: WireTag[] = [];
  for (const subject of childrenNamed(contentMeta, "subject")) {
    const uri = attribute(subject, "uri");
    const qcode = attribute(subject, "qcode") ?? (uri ? iptcQcode(uri) : null);
    const iptc = qcode && IPTC_SCHEME.test(qcode) ? iptcTopicName(qcode) : null;
    const name = conceptName(subject, { englishOnly: true }) ?? iptc ?? conceptName(subject);
    if (name) tags.push({ name, type: tagType(subject, qcode) });
    else problems.push(`subject ${qcode ?? uri ?? "without a code"} has no name and is not in the IPTC lists kept here: left out`);
  }
  return tags;
}

function withoutRepeats(tags: WireTag[]): WireTag[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The located place and the country it sits in, where the item says. */
function located(contentMeta: XmlElement | undefined): { location: string | null; country: string | null } {
  const place = childNamed(contentMeta, "located");
  const name = conceptName(place);
  const broader = childrenNamed(place, "broader").find((element) => COUNTRY.test(`${attribute(element, "type") ?? ""} ${attribute(element, "qcode") ?? ""}`));
  const country = conceptName(broader);
  return { location: name ? placeNameCase(name) : null, country };
}

/**
 * One newsItem as a parsed item: identity and status from its attributes and itemMeta, the
 * story's metadata from contentMeta, the body from contentSet. What is there but unreadable is
 * left out and said in `problems`; nothing in a well-formed item is an error. Descriptions,
 * keywords and links are not read: the desk writes its own summary and tags come from subjects.
 */
export function readNewsItem(item: XmlElement, receivedAt: Date): ParsedWireItem {
  const problems: string[] = [];
  const itemMeta = childNamed(item, "itemMeta");
  const contentMeta = childNamed(item, "contentMeta");
  const guid = attribute(item, "guid");
  if (!guid) problems.push("the newsItem has no guid");

  const body = readNewsmlBody(childNamed(item, "contentSet"), receivedAt);
  problems.push(...body.problems);
  const datelineText = textOf(childNamed(contentMeta, "dateline"));
  // The dateline element is a dateline by definition: it needs no separator to be read as one.
  const dateline = datelineText ? readDateline(DATELINE_END.test(datelineText) ? datelineText : `${datelineText} -`, receivedAt) : null;
  if (datelineText && !dateline) problems.push(`dateline "${datelineText}" could not be read: no place or date taken from it`);
  const place = located(contentMeta);
  const country = place.country ?? dateline?.country ?? body.dateline?.country ?? null;
  const embargoed = childNamed(itemMeta, "embargoed") ?? childNamed(contentMeta, "embargoed");

  const tags = subjectTags(contentMeta, problems);
  if (country) tags.push({ name: country, type: "place" });
  const genre = childNamed(contentMeta, "genre");
  return {
    parse: {
      format: "newsml",
      agency: agencyOf(item, dateline?.agency ?? body.dateline?.agency ?? null),
      location: place.location ?? dateline?.location ?? body.dateline?.location ?? null,
      country,
      date: dateline?.date ?? body.dateline?.date ?? null,
      embargoUntil: (embargoed ? embargoInstant(embargoed, problems) : null) ?? body.embargoUntil,
      guid,
      version: version(attribute(item, "version"), attribute(item, "guid")),
      headline: headline(contentMeta) ?? textOf(childNamed(itemMeta, "title")) ?? body.headline,
      byline: bylineOf(contentMeta) ?? body.byline,
      credits: body.credits,
      paragraphs: body.paragraphs,
      tags: withoutRepeats(tags),
      ...noWireMetadata(),
      priority: priority(textOf(childNamed(contentMeta, "urgency")), problems),
      slugline: textOf(childNamed(contentMeta, "slugline")),
      category: conceptName(genre) ?? attribute(genre, "qcode"),
      wordCount: body.wordCount,
      problems,
    },
    bodyHtml: body.bodyHtml,
    pubstatus: pubstatus(itemMeta, problems),
    related: [],
    pictures: [],
  };
}
