import type { TagType } from "@/lib/stories/schemas";
import type { WirePicture } from "@/lib/wire/wire-pictures";

/** Which reader took the item apart: plain text (with or without an ANPA / IPTC 7901 envelope), NINJS, NewsML-G2. */
export type WireFormat = "text" | "ninjs" | "newsml";
export type WireTag = { name: string; type: TagType };
export type WirePubstatus = "usable" | "withheld" | "canceled";
/** How urgent the agency says the item is, highest first (ANPA and IPTC 7901 priority codes, NewsML-G2 `urgency`, head markers). */
export type WirePriority = "flash" | "bulletin" | "urgent" | "routine";
/**
 * What an item is to the story it belongs to, where it says (slug line, keyword or advisory):
 * add: more paragraphs for the end of the story ("ADD 1", "2ND ADD"); lead and writethru: the
 * whole story again, replacing it ("1ST LEAD", "WRITETHRU"); correction: a corrected version
 * ("CORRECTS … IN PARA 3"); kill: the agency withdraws the story ("KILL", "ELIMINATION").
 */
export type WireTakeKind = "add" | "lead" | "writethru" | "correction" | "kill";
export type WireTake = {
  kind: WireTakeKind;
  /** The take's number where given ("2ND ADD" → 2, "ADD 1" → 1, "3RD LD-WRITETHRU" → 3). */
  number: number | null;
  /** The advisory in the agency's words ("CORRECTS spelling of minister's name in para 3"), where there is one. */
  note: string | null;
};
/** The envelope the copy arrived in, read off and kept out of the body. */
export type WireEnvelope = "anpa-1312" | "iptc-7901";

/**
 * Exactly the object `wire parse` prints: shared/wire/README.md's fields first, in its order,
 * then what issue 12 adds (the envelope's metadata, takes, the proposed headline, problems).
 */
export type WireParse = {
  format: WireFormat;
  agency: string | null;
  location: string | null;
  country: string | null;
  date: string | null;
  embargoUntil: string | null;
  guid: string | null;
  version: number | null;
  /** The item's own headline; where it has none, one proposed from the lede (headlineProposed). */
  headline: string | null;
  byline: string | null;
  credits: string | null;
  paragraphs: string[];
  tags: WireTag[];
  /** True when `headline` was proposed by the parser, not sent by the agency. */
  headlineProposed: boolean;
  priority: WirePriority | null;
  /** The story's slug line without take marks, date or word count ("BC-BAHIA-COCOA-REVIEW"): the key that matches takes to their story. */
  slugline: string | null;
  /** The agency's category code or name ("f" → financial in ANPA; "POL" in IPTC 7901; NewsML-G2 genre), as sent. */
  category: string | null;
  /** The word count the envelope states, where it states one. */
  wordCount: number | null;
  take: WireTake | null;
  envelope: WireEnvelope | null;
  /** What could not be read as sent, in words ("no ETX: read to the end", "decoded as Windows-1252"); empty when nothing. */
  problems: string[];
};

/** One block of a body: a paragraph, or tabular matter kept as the agency laid it out (a results table, market prices). */
export type WireBlock = { kind: "paragraph"; text: string } | { kind: "preformatted"; text: string };

export type ParsedWireItem = {
  /** `tags` holds only what the item itself carries: NINJS / NewsML-G2 subject and place, the dateline's country. */
  parse: WireParse;
  /** The story body: plain text as escaped `<p>` (and `<pre>` for tables); NINJS and NewsML-G2 as sanitised HTML minus the dateline. */
  bodyHtml: string;
  pubstatus: WirePubstatus | null;
  /** Guids of items a NewsML-G2 package groups with this one (packageItem), for the desk to show together. */
  related: string[];
  /** The pictures it carries (NINJS associations, NewsML-G2 picture items), the first its lead; fetched at ingest. */
  pictures: WirePicture[];
};

/** The fields beyond shared/wire/README.md's, as a reader that found none of them leaves them. */
export function noWireMetadata(): Pick<WireParse, "headlineProposed" | "priority" | "slugline" | "category" | "wordCount" | "take" | "envelope" | "problems"> {
  return { headlineProposed: false, priority: null, slugline: null, category: null, wordCount: null, take: null, envelope: null, problems: [] };
}
