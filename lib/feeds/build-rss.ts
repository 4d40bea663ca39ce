import { escapeHtml } from "@/lib/escape-html";
import { hubUrl } from "@/lib/feeds/websub";
import { env } from "@/lib/env";
import { absoluteUrl } from "@/lib/site/urls";
import { lastChange, toFeedItem, type FeedItem } from "@/lib/feeds/feed-item";
import { FEED_HISTORY_NS, historyLinks, isArchive, type FeedDocument } from "@/lib/feeds/feed-document";
import { feedMediaType } from "@/lib/feeds/feed-paths";
import { xmlText } from "@/lib/feeds/xml-text";

// RSS 2.0, written here like Atom rather than by the `feed` package, so that every value goes
// through xmlText: the package put headlines in CDATA (raw markup to a reader that shows the
// source, and a CDATA end in a headline had to be broken by hand), let control characters through
// (one in a headline made the feed unreadable for every subscriber), and wrote bylines into
// <author>, which RSS reserves for an e-mail address. Per the RSS Best Practices Profile:
// title, channel description and category are plain text; item description and content:encoded
// are HTML, escaped once more as text; names go in dc:creator.

const NAMESPACES = {
  "xmlns:atom": "http://www.w3.org/2005/Atom",
  "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
  "xmlns:dc": "http://purl.org/dc/elements/1.1/",
  "xmlns:media": "http://search.yahoo.com/mrss/",
};

const element = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;
const atomLink = (rel: string, href: string) => `<atom:link href="${xmlText(href)}" rel="${rel}" type="${feedMediaType.rss}"/>`;

function itemXml(item: FeedItem): string {
  return [
    "<item>",
    element("title", item.title),
    element("link", item.url),
    // The permalink: it never changes, so a correction is not a new item.
    `<guid isPermaLink="true">${xmlText(item.id)}</guid>`,
    // RSS has no modified date: pubDate stays the publication time, and the content carries the correction.
    element("pubDate", item.published.toUTCString()),
    // Feed readers render description as HTML; the standfirst is plain text, so it is escaped as HTML first.
    item.summary ? element("description", escapeHtml(item.summary)) : "",
    element("content:encoded", item.contentHtml),
    ...item.authors.map((name) => element("dc:creator", name)),
    ...item.tags.map((tag) => `<category domain="${xmlText(tag.url)}">${xmlText(tag.name)}</category>`),
    ...(item.image ? imageXml(item.image) : []),
    "</item>",
  ]
    .filter(Boolean)
    .join("\n");
}

/** The lead picture: an enclosure (RSS's own, which readers download) and Media RSS, with its size, caption and credit. */
function imageXml(image: NonNullable<FeedItem["image"]>): string[] {
  return [
    `<enclosure url="${xmlText(image.url)}" length="${image.bytes}" type="${image.type}"/>`,
    `<media:content url="${xmlText(image.url)}" medium="image" type="${image.type}" width="${image.width}" height="${image.height}" fileSize="${image.bytes}">`,
    image.caption ? `<media:description type="plain">${xmlText(image.caption)}</media:description>` : "",
    image.credit ? `<media:credit role="photographer">${xmlText(image.credit)}</media:credit>` : "",
    image.alt ? `<media:text type="plain">${xmlText(image.alt)}</media:text>` : "",
    "</media:content>",
  ].filter(Boolean);
}

/** RSS 2.0 with the full text in content:encoded, permalink guids, tags as categories, RFC 5005 links. */
export function buildRss(doc: FeedDocument): string {
  const { SITE_NAME, SITE_LANGUAGE } = env();
  const items = doc.stories.map(toFeedItem);
  const namespaces = Object.entries({ ...NAMESPACES, ...(isArchive(doc) ? { "xmlns:fh": FEED_HISTORY_NS } : {}) })
    .map(([name, uri]) => ` ${name}="${uri}"`)
    .join("");
  const channel = [
    element("title", doc.title),
    element("link", absoluteUrl(doc.path)),
    element("description", doc.description),
    element("language", SITE_LANGUAGE),
    element("copyright", `© ${SITE_NAME}`),
    element("lastBuildDate", lastChange(items).toUTCString()),
    "<docs>https://www.rssboard.org/rss-specification</docs>",
    "<generator>Dateline</generator>",
    "<ttl>5</ttl>",
    // RFC 5005 in RSS (its appendix B): atom:link relations beside the self link, and <fh:archive/> on archive pages.
    atomLink("self", absoluteUrl(doc.selfPath)),
    // WebSub (W3C): subscribers are told of new items by the hub, a subscription document's only.
    hubUrl(doc) ? `<atom:link href="${xmlText(hubUrl(doc)!)}" rel="hub"/>` : "",
    ...historyLinks(doc).map((link) => atomLink(link.rel, link.href)),
    isArchive(doc) ? "<fh:archive/>" : "",
  ].filter(Boolean);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<rss version="2.0"${namespaces}>`,
    "<channel>",
    ...channel,
    ...items.map(itemXml),
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}
