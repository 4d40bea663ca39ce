import { sitemapStories, sitemapTags } from "@/lib/reader/sitemaps";
import { urlSetXml, xmlResponse } from "@/lib/feeds/sitemap-xml";
import { absoluteUrl, storyPath, tagPath } from "@/lib/site/urls";
import { renditionUrl } from "@/lib/media/media-store";

export const dynamic = "force-dynamic";

const FILE = /^(stories|tags)-([1-9]\d{0,5})\.xml$/;

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const match = FILE.exec((await params).file);
  if (!match) return new Response("No such sitemap\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const page = Number(match[2]);
  const urls =
    match[1] === "stories"
      ? (await sitemapStories(page)).map((story) => ({ url: absoluteUrl(storyPath(story.slug)), lastModified: story.updatedAt, images: story.imageKey ? [renditionUrl(story.imageKey)] : [] }))
      : (await sitemapTags(page)).map((tag) => ({ url: absoluteUrl(tagPath(tag.slug)) }));
  if (!urls.length && page > 1) return new Response("No such sitemap\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return xmlResponse(urlSetXml(urls));
}
