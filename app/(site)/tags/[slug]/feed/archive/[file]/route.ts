import { noSuchFeed, tagFeedResponse } from "@/lib/feeds/feed-response";
import { parseArchiveFile } from "@/lib/feeds/feed-paths";

// RFC 5005 archive pages of a tag's feed: /tags/{slug}/feed/archive/{cursor}.xml|.atom|.json
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; file: string }> }) {
  const { slug, file } = await params;
  const archive = parseArchiveFile(file);
  if (!archive) return noSuchFeed();
  return tagFeedResponse(slug, archive.format, archive.cursor);
}
