import { env } from "@/lib/env";
import { hubUrl } from "@/lib/feeds/websub";
import { absoluteUrl } from "@/lib/site/urls";
import { toFeedItem } from "@/lib/feeds/feed-item";
import type { FeedDocument } from "@/lib/feeds/feed-document";
import { cleanText } from "@/lib/text-input";

// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), built here: the `feed` package writes
// only version 1 (a single `author`, no `language`). JSON.stringify does all the escaping; text is
// cleaned as xmlText cleans the XML feeds' (a row stored before input was cleaned cannot hand a
// control character or a lone surrogate to a subscriber).

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

/**
 * JSON Feed with the full text in content_html. It has no archive relations of its own: `next_url`
 * (its pagination) points at the archive page of the next older stories, as RSS's and Atom's
 * prev-archive do.
 */
export function buildJsonFeed(doc: FeedDocument): string {
  const { SITE_NAME, SITE_LANGUAGE, SITE_URL } = env();
  const feed = {
    version: JSON_FEED_VERSION,
    title: doc.title,
    home_page_url: absoluteUrl(doc.path),
    feed_url: absoluteUrl(doc.selfPath),
    description: doc.description,
    language: SITE_LANGUAGE,
    authors: [{ name: SITE_NAME, url: SITE_URL }],
    ...(doc.olderPath ? { next_url: absoluteUrl(doc.olderPath) } : {}),
    ...(hubUrl(doc) ? { hubs: [{ type: "WebSub", url: hubUrl(doc) }] } : {}),
    items: doc.stories.map(toFeedItem).map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      ...(item.summary ? { summary: item.summary } : {}),
      content_html: item.contentHtml,
      date_published: item.published.toISOString(),
      date_modified: item.updated.toISOString(),
      ...(item.authors.length ? { authors: item.authors.map((name) => ({ name })) } : {}),
      ...(item.tags.length ? { tags: item.tags.map((tag) => tag.name) } : {}),
      ...(item.image ? { image: item.image.url, attachments: [{ url: item.image.url, mime_type: item.image.type, size_in_bytes: item.image.bytes, title: item.image.alt || undefined }] } : {}),
    })),
  };
  return `${JSON.stringify(feed, (_key, value: unknown) => (typeof value === "string" ? cleanText(value, { multiline: true }) : value), 2)}\n`;
}
