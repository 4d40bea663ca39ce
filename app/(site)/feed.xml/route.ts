import { buildRss, FEED_SIZE, rssResponse } from "@/lib/feeds/build-rss";
import { readLatest } from "@/lib/reader/cached";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET() {
  const { stories } = await readLatest(undefined, FEED_SIZE);
  return rssResponse(
    buildRss({ title: env().SITE_NAME, description: `Latest stories from ${env().SITE_NAME}`, path: "/", selfPath: "/feed.xml", stories }),
  );
}
