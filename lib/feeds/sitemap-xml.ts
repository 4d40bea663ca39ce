import { xmlText as text } from "@/lib/feeds/xml-text";

// Sitemaps (sitemaps.org 0.9) and the Google News extension. Every value is escaped: headlines
// and slugs are newsroom input.

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const w3c = (date: Date) => date.toISOString();

export function sitemapIndexXml(files: { url: string; lastModified: Date | null }[]): string {
  const entries = files.map(
    (file) => `<sitemap><loc>${text(file.url)}</loc>${file.lastModified ? `<lastmod>${w3c(file.lastModified)}</lastmod>` : ""}</sitemap>`,
  );
  return `${XML_HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</sitemapindex>\n`;
}

const IMAGE_NS = ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"';
/** Google's image extension: the page's pictures, by address (the other fields it once had are retired). */
const imagesXml = (images: string[] = []) => images.map((image) => `<image:image><image:loc>${text(image)}</image:loc></image:image>`).join("");

export function urlSetXml(urls: { url: string; lastModified?: Date; images?: string[] }[]): string {
  const entries = urls.map((entry) => `<url><loc>${text(entry.url)}</loc>${entry.lastModified ? `<lastmod>${w3c(entry.lastModified)}</lastmod>` : ""}${imagesXml(entry.images)}</url>`);
  const images = urls.some((entry) => entry.images?.length) ? IMAGE_NS : "";
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${images}>\n${entries.join("\n")}\n</urlset>\n`;
}

export function newsSitemapXml(options: { publication: string; language: string; stories: { url: string; headline: string; publishedAt: Date; images?: string[] }[] }): string {
  const publication = `<news:publication><news:name>${text(options.publication)}</news:name><news:language>${text(options.language)}</news:language></news:publication>`;
  const entries = options.stories.map(
    (story) =>
      `<url><loc>${text(story.url)}</loc><news:news>${publication}<news:publication_date>${w3c(story.publishedAt)}</news:publication_date><news:title>${text(story.headline)}</news:title></news:news>${imagesXml(story.images)}</url>`,
  );
  const images = options.stories.some((story) => story.images?.length) ? IMAGE_NS : "";
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"${images}>\n${entries.join("\n")}\n</urlset>\n`;
}

export const xmlResponse = (xml: string) => new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
