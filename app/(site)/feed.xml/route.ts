import { buildRss, FEED_SIZE, rssResponse } from "@/lib/feeds/build-rss";
import { getCachedLatest } from "@/lib/reader/cached";
import { env } from "@/lib/env";

export const revalidate = 3600;

export async function GET() {
  const { stories } = await getCachedLatest(undefined, FEED_SIZE);
  return rssResponse(
    buildRss({ title: env().SITE_NAME, description: `Latest stories from ${env().SITE_NAME}`, path: "/", selfPath: "/feed.xml", stories }),
  );
}
