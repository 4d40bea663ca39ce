import { tagPath } from "@/lib/site/urls";

// Every feed (the site's, or one tag's) comes in three formats, each with archive pages behind it:
//   /feed.xml  /feed.atom  /feed.json                      the newest stories (subscription documents)
//   /feed/archive/{cursor}.xml|.atom|.json                 the stories older than a cursor
//   /tags/{slug}/feed.…, /tags/{slug}/feed/archive/{cursor}.…   the same for a tag

export const feedFormats = ["rss", "atom", "json"] as const;
export type FeedFormat = (typeof feedFormats)[number];

const extension = { rss: "xml", atom: "atom", json: "json" } as const satisfies Record<FeedFormat, string>;

/** Media types as advertised in <link rel="alternate">; responses add the charset. */
export const feedMediaType = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
  json: "application/feed+json",
} as const satisfies Record<FeedFormat, string>;

/** Where a feed's documents live: "" for the site's, the tag page's path for a tag's. */
export type FeedPrefix = "" | `/tags/${string}`;
export const siteFeedPrefix: FeedPrefix = "";
export const tagFeedPrefix = (slug: string): FeedPrefix => tagPath(slug) as FeedPrefix;

export const feedPath = (prefix: FeedPrefix, format: FeedFormat) => `${prefix}/feed.${extension[format]}`;
export const feedArchivePath = (prefix: FeedPrefix, cursor: string, format: FeedFormat) => `${prefix}/feed/archive/${cursor}.${extension[format]}`;

// A cursor is base64url (lib/pagination.ts); anything else in the file name is not an archive.
const ARCHIVE_FILE = /^([A-Za-z0-9_-]{1,300})\.(xml|atom|json)$/;
const formatOfExtension = Object.fromEntries(Object.entries(extension).map(([format, ext]) => [ext, format])) as Record<string, FeedFormat>;

/** "{cursor}.atom" → its cursor and format, or null for a name no archive has. */
export function parseArchiveFile(file: string): { cursor: string; format: FeedFormat } | null {
  const match = ARCHIVE_FILE.exec(file);
  return match ? { cursor: match[1], format: formatOfExtension[match[2]] } : null;
}

/**
 * The feeds a page advertises in its <head> (Next's `alternates.types`), every format of each,
 * in the order given: feed readers subscribe to the first they understand.
 */
export function feedAlternates(feeds: { prefix: FeedPrefix; title: string }[]): Record<string, { url: string; title: string }[]> {
  return Object.fromEntries(
    feedFormats.map((format) => [feedMediaType[format], feeds.map((feed) => ({ url: feedPath(feed.prefix, format), title: feed.title }))]),
  );
}
