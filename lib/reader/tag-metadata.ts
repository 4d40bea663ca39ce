import type { Metadata } from "next";
import { readTagPage, READER_PAGE_SIZE } from "@/lib/reader/cached";
import { env } from "@/lib/env";
import { absoluteUrl, tagPagePath, tagPath } from "@/lib/site/urls";
import { feedAlternates, siteFeedPrefix, tagFeedPrefix } from "@/lib/feeds/feed-paths";

export async function tagMetadata(slug: string): Promise<Metadata> {
  const page = await readTagPage(slug, undefined, READER_PAGE_SIZE).catch(() => null);
  if (!page) return { title: "Not found" };
  return {
    title: page.tag.name,
    description: `Stories about ${page.tag.name}`,
    alternates: {
      canonical: absoluteUrl(tagPath(slug)),
      // The tag's feeds first (what a reader subscribing from here wants), then the site's.
      types: feedAlternates([
        { prefix: tagFeedPrefix(slug), title: `${env().SITE_NAME}: ${page.tag.name}` },
        { prefix: siteFeedPrefix, title: `${env().SITE_NAME}: latest stories` },
      ]),
    },
    // The first page's older page; an older page sets its own (see readOlderTagPage).
    pagination: { next: page.nextCursor ? absoluteUrl(tagPagePath(slug, page.nextCursor)) : null },
  };
}
