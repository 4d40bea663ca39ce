import { sitemapFiles } from "@/lib/reader/sitemaps";
import { sitemapIndexXml, xmlResponse } from "@/lib/feeds/sitemap-xml";
import { absoluteUrl } from "@/lib/site/urls";

export const dynamic = "force-dynamic";

/** The sitemap index: one file per 50,000 stories or tags, and the news sitemap. */
export async function GET() {
  const files = await sitemapFiles();
  return xmlResponse(
    sitemapIndexXml([
      { url: absoluteUrl("/news-sitemap.xml"), lastModified: null },
      ...files.map((file) => ({ url: absoluteUrl(`/sitemaps/${file.name}`), lastModified: file.lastModified })),
    ]),
  );
}
