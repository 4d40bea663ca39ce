import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { api, baseUrl, getPage, makeStory, makeUser, unique, type ApiStory } from "@/e2e/fixtures/factories";
import { mediaFixture, uploadMedia } from "@/e2e/fixtures/media";

// The sitemaps validated by libxml2 (xmllint) against the published schemas: sitemaps.org 0.9
// (sitemaps and the sitemap index) and, for the news sitemap, Google's News extension (copies in
// lib/feeds/schema).

const schemaDir = path.join(process.cwd(), "lib/feeds/schema");
const schemaFile = (fileName: string) => ({ fileName, contents: fs.readFileSync(path.join(schemaDir, fileName), "utf8") });

// Google's image extension, as its documentation describes it today (image:image holding the
// picture's image:loc; the caption, title and licence it once had are retired). Google's own XSD
// is not among the copies in lib/feeds/schema (it cannot be fetched here), so it is written out.
const imageSchema = {
  fileName: "sitemap-image.xsd",
  contents: `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.google.com/schemas/sitemap-image/1.1" xmlns="http://www.google.com/schemas/sitemap-image/1.1" elementFormDefault="qualified">
  <xsd:element name="image">
    <xsd:complexType><xsd:sequence><xsd:element name="loc" type="xsd:anyURI"/></xsd:sequence></xsd:complexType>
  </xsd:element>
</xsd:schema>
`,
};

// A sitemap urlset lets elements of other namespaces in only if their schema is loaded
// (processContents="strict"): one schema that imports them all.
const allSchemas = {
  fileName: "sitemaps.xsd",
  contents: `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://www.sitemaps.org/schemas/sitemap/0.9" schemaLocation="sitemap.xsd"/>
  <xsd:import namespace="http://www.google.com/schemas/sitemap-news/0.9" schemaLocation="sitemap-news.xsd"/>
  <xsd:import namespace="http://www.google.com/schemas/sitemap-image/1.1" schemaLocation="sitemap-image.xsd"/>
</xsd:schema>
`,
};

async function validate(fileName: string, xml: string) {
  const result = await validateXML({ xml: { fileName, contents: xml }, schema: allSchemas, preload: [schemaFile("sitemap.xsd"), schemaFile("sitemap-news.xsd"), imageSchema] });
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage) };
}

/** A sitemap index, against sitemaps.org's index schema (same namespace as sitemap.xsd, so on its own). */
async function validateIndex(xml: string) {
  const result = await validateXML({ xml: { fileName: "sitemap.xml", contents: xml }, schema: schemaFile("siteindex.xsd") });
  return { valid: result.valid, errors: result.errors.map((error) => error.rawMessage) };
}

let story: ApiStory;
let imageUrl: string;

beforeAll(async () => {
  const [writer, editor] = await Promise.all([makeUser("writer"), makeUser("editor")]);
  // Characters that must be escaped in XML, in the headline the news sitemap carries.
  // With a lead picture, which the sitemaps name.
  const { body: picture } = await uploadMedia(editor.apiKey, mediaFixture("moscow-embassy.jpg"), "sitemap.jpg");
  await api("PATCH", `/api/v1/media/${picture.id}`, { key: editor.apiKey, body: { alt: "Police at the embassy" } });
  imageUrl = picture.renditions.find((r) => r.ratio === "16:9" && r.format === "jpeg" && r.width === 1600)!.url;
  story = await makeStory(writer, { headline: unique(`Sitemap <schema> & "quotes"`), leadImage: { id: picture.id } });
  const published = await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
  expect(published.status).toBe(200);
});

describe("sitemaps against their published schemas", () => {
  it("the schemas reject a news sitemap that breaks them (the check can fail)", async () => {
    const broken = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>${baseUrl}/stories/x</loc><news:news><news:publication><news:name>X</news:name><news:language>English</news:language></news:publication><news:title>No date</news:title></news:news></url>
</urlset>
`;
    const result = await validate("broken.xml", broken);
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/language|publication_date/);
    // And a picture entry without its address.
    const noLoc = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
<url><loc>${baseUrl}/stories/x</loc><image:image><image:caption>No address</image:caption></image:image></url>
</urlset>
`;
    expect((await validate("broken-image.xml", noLoc)).valid).toBe(false);
  });

  it("/news-sitemap.xml is a valid Google News sitemap listing the story just published", async () => {
    const { status, text } = await getPage("/news-sitemap.xml");
    expect(status).toBe(200);
    expect(text).toContain(`<loc>${baseUrl}/stories/${story.slug}</loc><news:news>`);
    expect(text).toMatch(new RegExp(`<loc>${baseUrl}/stories/${story.slug}</loc><news:news>.*?</news:news><image:image><image:loc>${imageUrl}</image:loc></image:image></url>`));
    expect(await validate("news-sitemap.xml", text)).toEqual({ valid: true, errors: [] });
  });

  it("/sitemaps/stories-1.xml is a valid sitemap listing the story just published", async () => {
    const { status, text } = await getPage("/sitemaps/stories-1.xml");
    expect(status).toBe(200);
    expect(text).toMatch(new RegExp(`<loc>${baseUrl}/stories/${story.slug}</loc><lastmod>[^<]+</lastmod><image:image><image:loc>${imageUrl}</image:loc></image:image></url>`));
    expect(await validate("stories-1.xml", text)).toEqual({ valid: true, errors: [] });
  });

  it("/sitemap.xml is a valid sitemap index naming the news sitemap and the story files", async () => {
    const { status, text } = await getPage("/sitemap.xml");
    expect(status).toBe(200);
    expect(text).toContain(`<loc>${baseUrl}/news-sitemap.xml</loc>`);
    expect(text).toContain(`<loc>${baseUrl}/sitemaps/stories-1.xml</loc>`);
    expect(await validateIndex(text)).toEqual({ valid: true, errors: [] });
    // The check can fail: an index entry without its address is refused.
    const broken = text.replace(/<loc>[^<]*<\/loc>/, "");
    expect((await validateIndex(broken)).valid).toBe(false);
  });
});
