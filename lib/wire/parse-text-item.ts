import { noWireMetadata, type ParsedWireItem } from "@/lib/wire/types";
import { blocksHtml } from "@/lib/wire/paragraphs-html";
import { readTextBody } from "@/lib/wire/read-text-body";

/** Plain agency copy as a parsed item; with no dateline, every dateline field is null but the agency, which a sign-off may name. */
export function parseTextItem(text: string, receivedAt: Date): ParsedWireItem {
  const body = readTextBody(text, receivedAt);
  const dateline = body.dateline;
  return {
    parse: {
      format: "text",
      agency: dateline?.agency ?? body.signOffAgency,
      location: dateline?.location ?? null,
      country: dateline?.country ?? null,
      date: dateline?.date ?? null,
      embargoUntil: body.embargoUntil,
      guid: null,
      version: null,
      headline: body.headline,
      byline: body.byline,
      credits: body.credits,
      paragraphs: body.paragraphs,
      tags: dateline?.country ? [{ name: dateline.country, type: "place" }] : [],
      ...noWireMetadata(),
    },
    bodyHtml: blocksHtml(body.blocks),
    pubstatus: null,
    related: [],
  };
}
