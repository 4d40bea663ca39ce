import { Feed } from "feed";
import { escapeHtml } from "@/lib/escape-html";
import { env } from "@/lib/env";
import { absoluteUrl } from "@/lib/site/urls";
import { lastChange, toFeedItem } from "@/lib/feeds/feed-item";
import { FEED_HISTORY_NS, historyLinks, isArchive, type FeedDocument } from "@/lib/feeds/feed-document";
import { feedMediaType } from "@/lib/feeds/feed-paths";

/**
 * The feed library wraps text in CDATA but escapes only the first "]]>" in it; any further one
 * would end the CDATA and let a headline write its own XML. Break every one.
 */
const cdataSafe = (text: string) => text.replaceAll("]]>", "]] >");

/** The library writes attribute values escaping only `"`; these are URLs, but escape them fully. */
const attribute = (value: string) => escapeHtml(value);

/** RSS 2.0 with the full text in content:encoded, permalink guids and tags as categories. */
export function buildRss(doc: FeedDocument): string {
  const { SITE_NAME, SITE_LANGUAGE } = env();
  const items = doc.stories.map(toFeedItem);
  const feed = new Feed({
    title: cdataSafe(doc.title),
    description: doc.description,
    id: absoluteUrl(doc.path),
    link: absoluteUrl(doc.path),
    language: SITE_LANGUAGE,
    copyright: `© ${SITE_NAME}`,
    generator: "Dateline",
    updated: lastChange(items),
    feedLinks: { rss: absoluteUrl(doc.selfPath) },
    ttl: 5,
  });
  for (const item of items) {
    feed.addItem({
      title: cdataSafe(item.title),
      link: item.url,
      // Feed readers render description as HTML; the standfirst is plain text.
      description: item.summary ? escapeHtml(item.summary) : undefined,
      content: item.contentHtml,
      // RSS has no modified date: pubDate stays the publication time (`published`), the guid stays
      // the permalink, and the item's content carries the correction.
      date: item.updated,
      published: item.published,
      author: item.authors.map((name) => ({ name: cdataSafe(name) })),
      category: item.tags.map((tag) => ({ name: cdataSafe(tag.name), domain: tag.url })),
    });
  }
  // RFC 5005 in RSS (its appendix B): atom:link relations beside the self link, which this
  // replaces in place, and <fh:archive/> on archive pages (the namespace declared on it, as the
  // library has no way to add one to <rss>).
  const history = historyLinks(doc);
  if (history.length > 0) {
    const links = [
      { _attributes: { href: attribute(absoluteUrl(doc.selfPath)), rel: "self", type: feedMediaType.rss } },
      ...history.map((link) => ({ _attributes: { href: attribute(link.href), rel: link.rel, type: feedMediaType.rss } })),
    ];
    // The writer (xml-js) makes an array into repeated elements; the library types `objects` as one object.
    feed.addExtension({ name: "atom:link", objects: links as unknown as Record<string, unknown> });
  }
  if (isArchive(doc)) feed.addExtension({ name: "fh:archive", objects: { _attributes: { "xmlns:fh": FEED_HISTORY_NS } } });
  return feed.rss2();
}
