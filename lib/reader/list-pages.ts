import { isAppError } from "@/lib/errors";
import type { SafeHtml } from "@/lib/html/template";
import { getTagPage } from "@/lib/reader/get-tag-page";
import { listLiveStories } from "@/lib/reader/list-live-stories";
import { homeHead, latestMain, paginationHead, tagHead, tagMain, type PageLinks } from "@/lib/reader/list-html";
import { newestChange } from "@/lib/reader/reader-story";
import { newerLiveStoriesCursor, newerTagPageCursor } from "@/lib/reader/newer-page-cursor";
import { getTagRedirect } from "@/lib/reader/tag-redirect";
import { latestPagePath, tagPagePath } from "@/lib/site/urls";

export const READER_PAGE_SIZE = 20;

/**
 * A reader page's parts for the layout: its title (null: the site's name), <head> tags and main
 * content, and when what it shows last changed (ISO; null when it cannot say), for Last-Modified.
 */
export type ReaderPage = {
  title: string | null;
  headFirst?: SafeHtml;
  head: SafeHtml;
  main: SafeHtml;
  modifiedAt?: string | null;
  /** Response headers of its own (a preview's noindex and no-store), over the usual ones. */
  headers?: Record<string, string>;
  /** Its surrogate keys, when its path's alone do not say all it shows (a story page's tags). */
  keys?: string[];
};
export type ReaderPageLookup = { page: ReaderPage } | { redirectTo: string } | null;

/**
 * A malformed cursor is a page that does not exist (404), like an older page with no stories.
 * Any well-formed cursor is a valid address; the front caches these pages like any other.
 */
async function orNotFound<T>(load: Promise<T>): Promise<T | null> {
  return load.catch((error: unknown) => {
    if (isAppError(error)) return null;
    throw error;
  });
}

/** The home page (no cursor) or an older page of the latest stories. */
export async function latestStoriesPage(cursor: string | null): Promise<ReaderPage | null> {
  const loaded = await orNotFound(
    Promise.all([listLiveStories({ cursor: cursor ?? undefined, limit: READER_PAGE_SIZE }), cursor ? newerLiveStoriesCursor({ cursor, limit: READER_PAGE_SIZE }) : null]),
  );
  if (!loaded) return null;
  const [page, newer] = loaded;
  if (cursor && page.stories.length === 0) return null;
  // The page just newer than an older page is another older page, or the home page.
  const links: PageLinks = { prev: cursor ? latestPagePath(newer) : null, next: page.nextCursor ? latestPagePath(page.nextCursor) : null };
  return {
    title: cursor ? "Older stories" : null,
    headFirst: cursor ? undefined : homeHead(),
    head: paginationHead(links, !!cursor),
    main: latestMain(page.stories, links, !!cursor),
    modifiedAt: newestChange(page.stories),
  };
}

/**
 * A tag's page (no cursor) or one of its older pages. Under a former slug of a renamed or merged
 * tag, a redirect to the same page under its slug; a tag with no live story is not public (its
 * name alone can leak the news).
 */
export async function tagStoriesPage(slug: string, cursor: string | null): Promise<ReaderPageLookup> {
  const loaded = await orNotFound(
    Promise.all([
      getTagPage({ slug, cursor: cursor ?? undefined, limit: READER_PAGE_SIZE }),
      cursor ? newerTagPageCursor({ slug, cursor, limit: READER_PAGE_SIZE }) : null,
    ]),
  );
  if (!loaded) return null;
  const [page, newer] = loaded;
  if (!page) {
    const current = await getTagRedirect(slug);
    return current ? { redirectTo: tagPagePath(current, cursor ? encodeURIComponent(cursor) : null) } : null;
  }
  if (cursor && page.stories.length === 0) return null;
  const links: PageLinks = { prev: cursor ? tagPagePath(slug, newer) : null, next: page.nextCursor ? tagPagePath(slug, page.nextCursor) : null };
  return {
    page: {
      title: page.tag.name,
      headFirst: tagHead(page.tag),
      head: paginationHead(links, !!cursor),
      main: tagMain(page.tag, page.stories, links),
      modifiedAt: newestChange(page.stories),
    },
  };
}
