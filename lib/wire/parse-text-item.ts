import { noWireMetadata, type ParsedWireItem } from "@/lib/wire/types";
import { blocksHtml } from "@/lib/wire/paragraphs-html";
import { readEnvelope } from "@/lib/wire/read-envelope";
import { readHead } from "@/lib/wire/read-head";
import { combineTakes } from "@/lib/wire/read-take";
import { readTextBody } from "@/lib/wire/read-text-body";

/**
 * Plain agency copy as a parsed item: an ANPA 1312 / IPTC 7901 envelope and the marker lines at
 * its head (priority, slug line, take) read off first, then the body. With no dateline, every
 * dateline field is null but the agency, which a sign-off may name.
 */
export function parseTextItem(text: string, receivedAt: Date): ParsedWireItem {
  const envelope = readEnvelope(text, receivedAt);
  const head = readHead(envelope ? envelope.text : text, receivedAt);
  const body = readTextBody(head.text, receivedAt);
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
      headline: envelope?.headline ?? body.headline,
      byline: body.byline,
      credits: body.credits,
      paragraphs: body.paragraphs,
      tags: dateline?.country ? [{ name: dateline.country, type: "place" }] : [],
      ...noWireMetadata(),
      priority: envelope?.priority ?? head.priority,
      slugline: envelope?.slugline ?? head.slugline,
      category: envelope?.category ?? null,
      wordCount: envelope?.wordCount ?? head.wordCount,
      take: combineTakes(envelope?.take ?? null, head.take),
      envelope: envelope?.kind ?? null,
      problems: envelope?.problems ?? [],
    },
    bodyHtml: blocksHtml(body.blocks),
    pubstatus: null,
    related: [],
    pictures: [],
  };
}
