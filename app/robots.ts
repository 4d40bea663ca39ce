import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/site/urls";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    // Only what is refused: an "Allow: /" line first reads, to a first-match parser, as allowing /admin too.
    rules: { userAgent: "*", disallow: ["/admin", "/api/", "/login"] },
    sitemap: [absoluteUrl("/sitemap.xml"), absoluteUrl("/news-sitemap.xml")],
  };
}
