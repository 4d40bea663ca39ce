import { noSuchFeed, siteFeedResponse } from "@/lib/feeds/feed-response";
import { parseArchiveFile } from "@/lib/feeds/feed-paths";

// RFC 5005 archive pages of the site's feed: /feed/archive/{cursor}.xml|.atom|.json
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const archive = parseArchiveFile((await params).file);
  if (!archive) return noSuchFeed();
  return siteFeedResponse(archive.format, archive.cursor);
}
