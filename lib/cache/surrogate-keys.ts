// Surrogate keys: what each reader response shows, named so that a change can say what it made
// stale without knowing addresses. Every cache purges by them: the fronts' own (lib/serving/page-cache.ts),
// Varnish (xkey, deploy/varnish/default.vcl), Fastly (Surrogate-Key) and Cloudflare (Cache-Tag),
// through lib/cache/purge-caches.ts.
//
//   /stories/<slug>            story-<slug> stories all   (+ label-<tag> for each tag it shows)
//   /tags/<slug>[/…]           tag-<slug> tags all        (its pages and feeds)
//   /, /page/…                 home all
//   /feed.*, /feed/…           feed all
//   /sitemap…, /news-sitemap…  sitemap all
//   /search…                   search all
//
// Keys are made of the characters of a canonical path segment (A-Z a-z 0-9 . _ ~ -), so they
// need no escaping in any of the three headers.

/** The Postgres channel on which every app instance's page cache hears which keys went stale (lib/outbox/reader-change.ts). */
export const STALE_PAGES_CHANNEL = "dateline_stale_pages";

export const ALL_KEY = "all";
/** Every story page (a change too wide to name them one by one). */
export const STORY_PAGES_KEY = "stories";
/** Every tag page and tag feed (their items name other tags too). */
export const TAG_PAGES_KEY = "tags";
/** The lists a story change reaches whatever the story: home, the site's feeds, the sitemaps, search. */
export const LIST_KEYS = ["home", "feed", "sitemap", "search"] as const;

export const storyKey = (slug: string) => `story-${slug}`;
export const tagKey = (slug: string) => `tag-${slug}`;
/** On a story page that shows the tag by name: a rename or merge reaches it. */
export const labelKey = (slug: string) => `label-${slug}`;

const STORY_PATH = /^\/stories\/([^/]+)$/;
const TAG_PATH = /^\/tags\/([^/]+)/;

/** The keys of the response at a path (a story page adds its labels: storyPageKeys). */
export function keysForPath(path: string): string[] {
  const story = STORY_PATH.exec(path);
  if (story) return [storyKey(story[1]), STORY_PAGES_KEY, ALL_KEY];
  const tag = TAG_PATH.exec(path);
  if (tag) return [tagKey(tag[1]), TAG_PAGES_KEY, ALL_KEY];
  if (path === "/" || path.startsWith("/page/")) return ["home", ALL_KEY];
  if (path.startsWith("/feed")) return ["feed", ALL_KEY];
  if (path.startsWith("/sitemap") || path.startsWith("/news-sitemap")) return ["sitemap", ALL_KEY];
  if (path.startsWith("/search")) return ["search", ALL_KEY];
  return [ALL_KEY];
}

/** A story page's keys: its path's and one per tag it names. */
export function storyPageKeys(path: string, tagSlugs: string[]): string[] {
  return [...keysForPath(path), ...tagSlugs.map(labelKey)];
}

/**
 * What a change to stories makes stale: each story's page under every slug given (former ones
 * hold redirects, a new one may hold a 404), its tags' pages and feeds, and the lists.
 */
export function storyChangeKeys(change: { slugs: string[]; tagSlugs: string[] }): string[] {
  return unique([...change.slugs.map(storyKey), ...change.tagSlugs.map(tagKey), ...LIST_KEYS]);
}

/**
 * After a tag is renamed, merged, retyped or deleted: every tag page and feed (its own under each
 * slug it has had, and others', whose items name it), the lists, and the story pages that name it.
 */
export function tagChangeKeys(tagSlugs: string[]): string[] {
  return unique([...tagSlugs.flatMap((slug) => [tagKey(slug), labelKey(slug)]), TAG_PAGES_KEY, ...LIST_KEYS]);
}

/** Whether a response carrying `keys` is made stale by a purge of `stale`. */
export function isStale(keys: readonly string[], stale: ReadonlySet<string>): boolean {
  return keys.some((key) => stale.has(key));
}

const unique = (keys: string[]) => [...new Set(keys)];

/**
 * How long shared caches that hear purges (Varnish, Fastly, Cloudflare) keep a reader response,
 * and how long past that they may serve it while the site cannot answer. Browsers and caches that
 * hear nothing are told to revalidate every time (Cache-Control).
 */
export type SharedCacheTimes = { maxAgeSeconds: number; staleIfErrorSeconds: number };
export const SHARED_CACHE_TIMES: SharedCacheTimes = { maxAgeSeconds: 3600, staleIfErrorSeconds: 86_400 };

/**
 * The headers that name a response's keys and its lifetime in the shared caches that hear purges:
 * Surrogate-Control for Fastly and the repo's Varnish (each strips it), Cloudflare's own only when
 * Cloudflare is purged (a CDN that hears no purge must not keep a page an hour).
 */
export function surrogateHeaders(keys: readonly string[], options: { times?: SharedCacheTimes; cloudflare?: boolean } = {}): Record<string, string> {
  const times = options.times ?? SHARED_CACHE_TIMES;
  const control = `max-age=${times.maxAgeSeconds}, stale-if-error=${times.staleIfErrorSeconds}`;
  return {
    // Fastly's and Varnish's (the VCL copies it to xkey), space-separated; Cloudflare's, comma-separated.
    "surrogate-key": keys.join(" "),
    "cache-tag": keys.join(","),
    "surrogate-control": control,
    ...(options.cloudflare ? { "cloudflare-cdn-cache-control": control } : {}),
  };
}
