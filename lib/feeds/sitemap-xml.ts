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

export function urlSetXml(urls: { url: string; lastModified?: Date }[]): string {
  const entries = urls.map((entry) => `<url><loc>${text(entry.url)}</loc>${entry.lastModified ? `<lastmod>${w3c(entry.lastModified)}</lastmod>` : ""}</url>`);
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}

export function newsSitemapXml(options: { publication: string; language: string; stories: { url: string; headline: string; publishedAt: Date }[] }): string {
  const publication = `<news:publication><news:name>${text(options.publication)}</news:name><news:language>${text(options.language)}</news:language></news:publication>`;
  const entries = options.stories.map(
    (story) =>
      `<url><loc>${text(story.url)}</loc><news:news>${publication}<news:publication_date>${w3c(story.publishedAt)}</news:publication_date><news:title>${text(story.headline)}</news:title></news:news></url>`,
  );
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${entries.join("\n")}\n</urlset>\n`;
}

export const xmlResponse = (xml: string) => new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
