import "server-only";
import { loadBodyPictures } from "@/lib/media/load-body-pictures";
import { env } from "@/lib/env";
import { decodeCursor } from "@/lib/pagination";
import { tagPath } from "@/lib/site/urls";
import { listLiveStories, type StoryPage } from "@/lib/reader/list-live-stories";
import { getTagPage } from "@/lib/reader/get-tag-page";
import { newerLiveStoriesCursor, newerTagPageCursor } from "@/lib/reader/newer-page-cursor";
import { permanentRedirect } from "next/navigation";
import { getTagRedirect } from "@/lib/reader/tag-redirect";
import { buildRss } from "@/lib/feeds/build-rss";
import { buildAtom } from "@/lib/feeds/build-atom";
import { buildJsonFeed } from "@/lib/feeds/build-json-feed";
import type { FeedDocument } from "@/lib/feeds/feed-document";
import {
  feedArchivePath,
  feedMediaType,
  feedPath,
  siteFeedPrefix,
  tagFeedPrefix,
  type FeedFormat,
  type FeedPrefix,
} from "@/lib/feeds/feed-paths";

/** Stories per feed document: the subscription document's newest, and each archive page's. */
export const FEED_SIZE = 50;

const build = { rss: buildRss, atom: buildAtom, json: buildJsonFeed } satisfies Record<FeedFormat, (doc: FeedDocument) => string>;

export const noSuchFeed = () => new Response("No such feed\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

function isCursor(cursor: string): boolean {
  try {
    decodeCursor(cursor);
    return true;
  } catch {
    return false;
  }
}

const TAG_SLUG = /^[a-z0-9-]{1,200}$/;

type Feed = { title: string; description: string; path: string; prefix: FeedPrefix };

/**
 * One document of a feed: the subscription document without a cursor, else the archive page of the
 * stories older than it (RFC 5005). Any well-formed cursor names a page; one past the oldest story
 * names an empty one, which is not a page (404).
 */
async function answer(feed: Feed, format: FeedFormat, cursor: string | undefined, page: StoryPage, newerCursor: string | null): Promise<Response> {
  if (cursor && page.stories.length === 0) return noSuchFeed();
  // Items carry the full text, with the pictures its figures show.
  const pictures = await loadBodyPictures(page.stories.map((story) => story.body));
  const archivePath = (at: string) => feedArchivePath(feed.prefix, at, format);
  const doc: FeedDocument = {
    title: feed.title,
    description: feed.description,
    path: feed.path,
    selfPath: cursor ? archivePath(cursor) : feedPath(feed.prefix, format),
    currentPath: cursor ? feedPath(feed.prefix, format) : undefined,
    olderPath: page.nextCursor ? archivePath(page.nextCursor) : null,
    newerPath: newerCursor ? archivePath(newerCursor) : null,
    stories: page.stories.map((story) => ({ ...story, pictures })),
  };
  return new Response(build[format](doc), {
    headers: {
      "Content-Type": `${feedMediaType[format]}; charset=utf-8`,
      "Cache-Control": "public, max-age=60, stale-while-revalidate=300",
    },
  });
}

/** The site's feed: its newest stories, or with a cursor the archive page older than it. */
export async function siteFeedResponse(format: FeedFormat, cursor?: string): Promise<Response> {
  if (cursor !== undefined && !isCursor(cursor)) return noSuchFeed();
  const [page, newerCursor] = await Promise.all([
    listLiveStories({ cursor, limit: FEED_SIZE }),
    cursor ? newerLiveStoriesCursor({ cursor, limit: FEED_SIZE }) : null,
  ]);
  const { SITE_NAME } = env();
  const feed = { title: SITE_NAME, description: `Latest stories from ${SITE_NAME}`, path: "/", prefix: siteFeedPrefix };
  return answer(feed, format, cursor, page, newerCursor);
}

/** A tag's feed, likewise; a former slug of a renamed or merged tag redirects to the same document of its current one. */
export async function tagFeedResponse(slug: string, format: FeedFormat, cursor?: string): Promise<Response> {
  if (cursor !== undefined && !isCursor(cursor)) return noSuchFeed();
  // Every tag slug, former ones too, is made by makeSlug: anything else (`%00`) names no tag.
  if (!TAG_SLUG.test(slug)) return noSuchFeed();
  const [page, newerCursor] = await Promise.all([
    getTagPage({ slug, cursor, limit: FEED_SIZE }),
    cursor ? newerTagPageCursor({ slug, cursor, limit: FEED_SIZE }) : null,
  ]);
  if (!page) {
    // A former slug of a renamed or merged tag: the same document of its current one.
    const current = await getTagRedirect(slug);
    if (current) permanentRedirect(cursor ? feedArchivePath(tagFeedPrefix(current), cursor, format) : feedPath(tagFeedPrefix(current), format));
    return noSuchFeed();
  }
  const { SITE_NAME } = env();
  const feed = {
    title: `${SITE_NAME}: ${page.tag.name}`,
    description: `Latest stories about ${page.tag.name} from ${SITE_NAME}`,
    path: tagPath(page.tag.slug),
    prefix: tagFeedPrefix(page.tag.slug),
  };
  return answer(feed, format, cursor, page, newerCursor);
}
