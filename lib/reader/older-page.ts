import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { isAppError } from "@/lib/errors";
import { READER_PAGE_SIZE, readLatest, readNewerLatestCursor, readNewerTagCursor, readTagPage } from "@/lib/reader/cached";
import { redirectFromFormerTagSlug } from "@/lib/reader/tag-redirect";
import { absoluteUrl, latestPagePath, tagPagePath, tagPath } from "@/lib/site/urls";

/** Where a page of a story list leads: the page just newer (rel=prev) and just older (rel=next), as paths. */
export type PageLinks = { prev: string | null; next: string | null };

/**
 * Loads an older page (a cursor in the URL). Such pages are rendered per request, not cached:
 * any well-formed cursor is a valid URL, and caching each would let crawlers fill the cache.
 * A malformed cursor or an empty page is a 404.
 */
export async function loadOlderPage<T extends { stories: unknown[] }>(load: () => Promise<T | null>): Promise<T> {
  const page = await load().catch((error: unknown) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  if (!page || page.stories.length === 0) notFound();
  return page;
}

/** An older page of the latest stories and its links; the newest page before it is the home page. */
export const readOlderLatestPage = cache((cursor: string) =>
  loadOlderPage(async () => {
    const [page, newer] = await Promise.all([readLatest(cursor, READER_PAGE_SIZE), readNewerLatestCursor(cursor, READER_PAGE_SIZE)]);
    const links: PageLinks = { prev: latestPagePath(newer), next: page.nextCursor ? latestPagePath(page.nextCursor) : null };
    return { ...page, links };
  }),
);

/** An older page of a tag's stories and its links; under a former slug of the tag, a redirect to the same page under its slug. */
export const readOlderTagPage = cache((slug: string, cursor: string) =>
  loadOlderPage(async () => {
    const [page, newer] = await Promise.all([readTagPage(slug, cursor, READER_PAGE_SIZE), readNewerTagCursor(slug, cursor, READER_PAGE_SIZE)]);
    if (!page) {
      await redirectFromFormerTagSlug(slug, (current) => `${tagPath(current)}/page/${encodeURIComponent(cursor)}`);
      return null;
    }
    const links: PageLinks = { prev: tagPagePath(slug, newer), next: page.nextCursor ? tagPagePath(slug, page.nextCursor) : null };
    return { ...page, links };
  }),
);

/** The same links for the page's <head>: <link rel="prev"> and <link rel="next">. */
export const paginationMetadata = (links: PageLinks): Metadata["pagination"] => ({
  previous: links.prev ? absoluteUrl(links.prev) : null,
  next: links.next ? absoluteUrl(links.next) : null,
});
