import { tagFeedResponse } from "@/lib/feeds/feed-response";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return tagFeedResponse((await params).slug, "rss");
}
