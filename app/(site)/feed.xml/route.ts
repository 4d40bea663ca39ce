import { siteFeedResponse } from "@/lib/feeds/feed-response";

export const dynamic = "force-dynamic";

export function GET() {
  return siteFeedResponse("rss");
}
