import { storyPath, tagPath } from "@/lib/site/urls";

/**
 * Which cached reader responses a change makes stale, as exact paths and path prefixes. A story
 * change touches its page (under every slug it has had), its tags' pages and feeds, and the lists
 * (home and its pages, the site feeds, sitemaps, search) — nothing else.
 */
export type StalePaths = { exact: string[]; prefixes: string[] };

/** The Postgres channel on which every app instance's page cache hears what went stale. */
export const STALE_PAGES_CHANNEL = "dateline_stale_pages";

export const LIST_PATHS: StalePaths = {
  exact: ["/", "/feed.xml", "/feed.atom", "/feed.json", "/news-sitemap.xml", "/sitemap.xml"],
  prefixes: ["/page/", "/feed/", "/sitemaps/", "/search"],
};

export function storyStalePaths(change: { slugs: string[]; tagSlugs: string[] }): StalePaths {
  const exact = new Set(LIST_PATHS.exact);
  const prefixes = new Set(LIST_PATHS.prefixes);
  for (const slug of change.slugs) exact.add(storyPath(slug));
  for (const slug of change.tagSlugs) {
    exact.add(tagPath(slug));
    prefixes.add(`${tagPath(slug)}/`);
  }
  return { exact: [...exact], prefixes: [...prefixes] };
}

export function tagStalePaths(tagSlugs: string[]): StalePaths {
  return storyStalePaths({ slugs: [], tagSlugs });
}

/** Whether a cached path is made stale by a change. */
export function isStale(path: string, stale: StalePaths): boolean {
  return stale.exact.includes(path) || stale.prefixes.some((prefix) => path.startsWith(prefix));
}
