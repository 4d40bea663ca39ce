import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { readerDb } from "@/lib/db";
import type { Rendition } from "@/lib/media/renditions";

// What search engines are told about: published stories out of embargo (walked by the
// (status, publishedAt) index; a scheduled story is published by the front the moment it is due,
// which also expires these files) and the tags with any.
// Sitemap files hold at most 50,000 URLs (the protocol's limit). A story with a lead picture
// names it (Google's image extension), so the picture is found with the story.

export const SITEMAP_FILE_SIZE = 50_000;
// Google News reads only the last two days, at most 1,000 articles.
const NEWS_WINDOW_MS = 48 * 3600 * 1000;
const NEWS_LIMIT = 1000;

export type SitemapFile = { name: string; lastModified: Date | null };

export async function sitemapFiles(now = new Date()): Promise<SitemapFile[]> {
  const [stories, tags] = await Promise.all([
    readerDb.$queryRaw<{ count: bigint; latest: Date | null }[]>`
      SELECT count(*) AS count, max("updatedAt") AS latest FROM "Story"
      WHERE status = 'published' AND "publishedAt" <= ${now} AND ("embargoUntil" IS NULL OR "embargoUntil" <= ${now})`,
    readerDb.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM "Tag" t
      WHERE EXISTS (SELECT 1 FROM "StoryTag" st WHERE st."tagId" = t.id AND st."livePublishedAt" <= ${now})`,
  ]);
  const files = (prefix: string, count: number, lastModified: Date | null) =>
    Array.from({ length: Math.ceil(count / SITEMAP_FILE_SIZE) }, (_, index) => ({ name: `${prefix}-${index + 1}.xml`, lastModified }));
  return [...files("stories", Number(stories[0].count), stories[0].latest), ...files("tags", Number(tags[0].count), stories[0].latest)];
}

/** The lead picture's largest wide JPEG (its key), as the image sitemaps name it: the rendition og:image and feeds give. */
const LEAD_IMAGE_KEY = Prisma.sql`(SELECT r->>'key' FROM "MediaItem" m, jsonb_array_elements(m.renditions) r
   WHERE m.id = "leadImageId" AND r->>'ratio' = '16:9' AND r->>'format' = 'jpeg' ORDER BY (r->>'width')::int DESC LIMIT 1)`;

/** One file of story URLs, oldest first, so that earlier files change least as stories are added. */
export async function sitemapStories(page: number, now = new Date()) {
  return readerDb.$queryRaw<{ slug: string; updatedAt: Date; imageKey: string | null }[]>`
    SELECT slug, "updatedAt", ${LEAD_IMAGE_KEY} AS "imageKey" FROM "Story"
    WHERE status = 'published' AND "publishedAt" <= ${now} AND ("embargoUntil" IS NULL OR "embargoUntil" <= ${now})
    ORDER BY "publishedAt", id
    OFFSET ${(page - 1) * SITEMAP_FILE_SIZE} LIMIT ${SITEMAP_FILE_SIZE}`;
}

export async function sitemapTags(page: number, now = new Date()) {
  return readerDb.$queryRaw<{ slug: string }[]>`
    SELECT t.slug FROM "Tag" t
    WHERE EXISTS (SELECT 1 FROM "StoryTag" st WHERE st."tagId" = t.id AND st."livePublishedAt" <= ${now})
    ORDER BY t.slug
    OFFSET ${(page - 1) * SITEMAP_FILE_SIZE} LIMIT ${SITEMAP_FILE_SIZE}`;
}

/** Live stories of the last 48 hours, newest first, for the Google News sitemap. */
export async function newsSitemapStories(now = new Date()) {
  const stories = await readerDb.story.findMany({
    where: {
      status: "published",
      publishedAt: { lte: now, gte: new Date(now.getTime() - NEWS_WINDOW_MS) },
      OR: [{ embargoUntil: null }, { embargoUntil: { lte: now } }],
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: NEWS_LIMIT,
    select: { slug: true, headline: true, publishedAt: true, leadImage: { select: { renditions: true } } },
  });
  return stories.map(({ leadImage, ...story }) => ({ ...story, imageKey: leadImage ? largestKey(leadImage.renditions as Rendition[]) : null }));
}

/** The key of the largest wide JPEG among a picture's renditions (what LEAD_IMAGE_KEY finds in SQL). */
function largestKey(renditions: Rendition[]): string | null {
  return renditions.filter((each) => each.ratio === "16:9" && each.format === "jpeg").sort((a, b) => b.width - a.width)[0]?.key ?? null;
}
