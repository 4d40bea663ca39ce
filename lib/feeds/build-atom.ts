import { env } from "@/lib/env";
import { hubUrl } from "@/lib/feeds/websub";
import { absoluteUrl } from "@/lib/site/urls";
import { lastChange, toFeedItem, type FeedItem } from "@/lib/feeds/feed-item";
import { FEED_HISTORY_NS, historyLinks, isArchive, type FeedDocument } from "@/lib/feeds/feed-document";
import { feedMediaType } from "@/lib/feeds/feed-paths";
import { xmlText } from "@/lib/feeds/xml-text";

// Atom 1.0 (RFC 4287), written here rather than by the `feed` package: that one cannot add RFC
// 5005's link relations or namespace, marks plain-text headlines as type="html" (so "<" in one
// would vanish as a tag), and leaves "<" unescaped in attributes. Every value below goes through
// xmlText, so there is no CDATA to break out of.

const link = (rel: string, href: string, type?: string) =>
  `<link rel="${rel}" href="${xmlText(href)}"${type ? ` type="${type}"` : ""}/>`;

function entryXml(item: FeedItem): string {
  return [
    "<entry>",
    `<id>${xmlText(item.id)}</id>`,
    `<title type="text">${xmlText(item.title)}</title>`,
    link("alternate", item.url, "text/html"),
    `<published>${item.published.toISOString()}</published>`,
    `<updated>${item.updated.toISOString()}</updated>`,
    ...item.authors.map((name) => `<author><name>${xmlText(name)}</name></author>`),
    ...item.tags.map((tag) => `<category term="${xmlText(tag.name)}" scheme="${xmlText(tag.url)}"/>`),
    item.summary ? `<summary type="text">${xmlText(item.summary)}</summary>` : "",
    `<content type="html">${xmlText(item.contentHtml)}</content>`,
    // The lead picture, as RFC 4287 lets an entry name a related resource to download.
    item.image ? `<link rel="enclosure" href="${xmlText(item.image.url)}" type="${item.image.type}" length="${item.image.bytes}"/>` : "",
    "</entry>",
  ]
    .filter(Boolean)
    .join("\n");
}

/** Atom with the full text in <content>, permalink ids, published and updated dates, tags as categories. */
export function buildAtom(doc: FeedDocument): string {
  const { SITE_NAME, SITE_LANGUAGE, SITE_URL } = env();
  const items = doc.stories.map(toFeedItem);
  const archive = isArchive(doc);
  const head = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${archive ? ` xmlns:fh="${FEED_HISTORY_NS}"` : ""} xml:lang="${xmlText(SITE_LANGUAGE)}">`,
    // One id for the logical feed: its archive pages carry the subscription document's.
    `<id>${xmlText(absoluteUrl(doc.currentPath ?? doc.selfPath))}</id>`,
    `<title type="text">${xmlText(doc.title)}</title>`,
    `<subtitle type="text">${xmlText(doc.description)}</subtitle>`,
    `<updated>${lastChange(items).toISOString()}</updated>`,
    // Entries without a byline take the site as their author (Atom requires one).
    `<author><name>${xmlText(SITE_NAME)}</name><uri>${xmlText(SITE_URL)}</uri></author>`,
    link("alternate", absoluteUrl(doc.path), "text/html"),
    link("self", absoluteUrl(doc.selfPath), feedMediaType.atom),
    hubUrl(doc) ? `<link rel="hub" href="${xmlText(hubUrl(doc)!)}"/>` : "",
    ...historyLinks(doc).map((history) => link(history.rel, history.href, feedMediaType.atom)),
    archive ? "<fh:archive/>" : "",
    `<rights>${xmlText(`© ${SITE_NAME}`)}</rights>`,
    "<generator>Dateline</generator>",
  ].filter(Boolean);
  return `${head.join("\n")}\n${items.map(entryXml).join("\n")}${items.length ? "\n" : ""}</feed>\n`;
}
