import { buildRss, FEED_SIZE, rssResponse } from "@/lib/feeds/build-rss";
import { readTagPage } from "@/lib/reader/cached";
import { env } from "@/lib/env";
import { tagFeedPath, tagPath } from "@/lib/site/urls";
import { redirectFromFormerTagSlug } from "@/lib/reader/tag-redirect";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const page = await readTagPage(slug, undefined, FEED_SIZE);
  if (!page) {
    await redirectFromFormerTagSlug(slug, tagFeedPath);
    return new Response("No such tag", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  return rssResponse(
    buildRss({
      title: `${env().SITE_NAME}: ${page.tag.name}`,
      description: `Latest stories about ${page.tag.name} from ${env().SITE_NAME}`,
      path: tagPath(slug),
      selfPath: tagFeedPath(slug),
      stories: page.stories,
    }),
  );
}
