import { newsSitemapStories } from "@/lib/reader/sitemaps";
import { newsSitemapXml, xmlResponse } from "@/lib/feeds/sitemap-xml";
import { absoluteUrl, storyPath } from "@/lib/site/urls";
import { env } from "@/lib/env";
import { renditionUrl } from "@/lib/media/media-store";

export const dynamic = "force-dynamic";

/** Google News: live stories of the last 48 hours, with the publication's name and language. */
export async function GET() {
  const stories = await newsSitemapStories();
  return xmlResponse(
    newsSitemapXml({
      publication: env().SITE_NAME,
      language: env().SITE_LANGUAGE,
      stories: stories.map((story) => ({
        url: absoluteUrl(storyPath(story.slug)),
        headline: story.headline,
        publishedAt: story.publishedAt!,
        images: story.imageKey ? [renditionUrl(story.imageKey)] : [],
      })),
    }),
  );
}
