import type { Metadata } from "next";
import { readTagPage, READER_PAGE_SIZE } from "@/lib/reader/cached";
import { env } from "@/lib/env";
import { absoluteUrl, tagFeedPath, tagPath } from "@/lib/site/urls";

export async function tagMetadata(slug: string): Promise<Metadata> {
  const page = await readTagPage(slug, undefined, READER_PAGE_SIZE).catch(() => null);
  if (!page) return { title: "Not found" };
  return {
    title: page.tag.name,
    description: `Stories about ${page.tag.name}`,
    alternates: {
      canonical: absoluteUrl(tagPath(slug)),
      types: { "application/rss+xml": [{ url: tagFeedPath(slug), title: `${env().SITE_NAME}: ${page.tag.name}` }] },
    },
  };
}
