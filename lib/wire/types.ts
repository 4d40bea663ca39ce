import type { TagType } from "@/lib/stories/schemas";

export type WireFormat = "text" | "ninjs";
export type WireTag = { name: string; type: TagType };
export type WirePubstatus = "usable" | "withheld" | "canceled";

/** Exactly the object `wire parse` prints (shared/wire/README.md's table), fields in the README's order. */
export type WireParse = {
  format: WireFormat;
  agency: string | null;
  location: string | null;
  country: string | null;
  date: string | null;
  embargoUntil: string | null;
  guid: string | null;
  version: number | null;
  headline: string | null;
  byline: string | null;
  credits: string | null;
  paragraphs: string[];
  tags: WireTag[];
};

export type ParsedWireItem = {
  /** `tags` holds only what the item itself carries: NINJS subject and place, the dateline's country. */
  parse: WireParse;
  /** The story body: plain text as `<p>escaped</p>` per paragraph; NINJS as sanitised body_html minus the dateline. */
  bodyHtml: string;
  pubstatus: WirePubstatus | null;
};
