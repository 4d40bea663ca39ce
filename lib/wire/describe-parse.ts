import type { WireEnvelope, WireFormat, WireParse, WireTake } from "@/lib/wire/types";

// The parse's metadata in the desk's words, for the newsroom's views of agency copy.

const envelopeNames: Record<WireEnvelope, string> = { "anpa-1312": "ANPA 1312", "iptc-7901": "IPTC 7901" };
const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th"}`;

/** A take in the desk's words: "the 2nd add", "a new lead (3rd)", "a correction: CORRECTS … IN PARA 3". */
export function describeTake(take: WireTake): string {
  const numbered = (words: string) => (take.number !== null ? `the ${ordinal(take.number)} ${words}` : `an ${words}`);
  const described = {
    add: numbered("add"),
    lead: take.number !== null ? `the ${ordinal(take.number)} new lead` : "a new lead",
    writethru: take.number !== null ? `the ${ordinal(take.number)} write-through` : "a write-through",
    correction: "a correction",
    kill: "a kill",
  }[take.kind];
  return take.note ? `${described} (${take.note})` : described;
}

/** The envelope's and agency's metadata of an item, as one line: priority, slug line, category, word count, envelope. */
export function metadataLine(parse: WireParse): string | null {
  const parts = [
    parse.priority ? `Priority: ${parse.priority}` : null,
    parse.slugline ? `Slug: ${parse.slugline}` : null,
    parse.take ? `Take: ${describeTake(parse.take)}` : null,
    parse.category ? `Category: ${parse.category}` : null,
    parse.wordCount !== null && parse.wordCount !== undefined ? `${parse.wordCount.toLocaleString("en-GB")} words (as sent)` : null,
    parse.envelope ? `Envelope: ${envelopeNames[parse.envelope]}` : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join(" · ") : null;
}

export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const formatNames: Record<WireFormat, string> = { text: "plain text", ninjs: "NINJS", newsml: "NewsML-G2" };

/** The reader the parser used, in words ("plain text", "NINJS", "NewsML-G2"). */
export const formatName = (format: WireFormat) => formatNames[format] ?? format;
