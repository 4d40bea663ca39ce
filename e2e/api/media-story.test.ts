import { XMLParser } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { api, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { feedparser, xmllint } from "@/e2e/fixtures/feed-readers";
import { fetchRendition, mediaFixture, uploadMedia, type ApiMedia } from "@/e2e/fixtures/media";

// Issue 14: a story's lead picture on every surface readers and machines reach: the article (a
// responsive <picture> with its caption and credit), the social cards, NewsArticle data, the
// feeds, NINJS, the home and tag pages.

type StoryWithPicture = ApiStory & { leadImage: ApiMedia | null; leadImageId: string | null };

let editor: TestUser;
let media: ApiMedia;
let story: StoryWithPicture;
let tagSlug: string;

const path = (url: string) => new URL(url).pathname;
const attribute = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
const meta = (page: string, key: string) => {
  const tag = new RegExp(`<meta (?:property|name)="${key.replace(/[:.]/g, "\\$&")}" content="([^"]*)"/>`).exec(page);
  return tag ? tag[1].replaceAll("&amp;", "&") : null;
};

beforeAll(async () => {
  editor = await makeUser("editor");
  media = (await uploadMedia(editor.apiKey, mediaFixture("moscow-embassy.jpg"), "lead.jpg")).body;
  const tag = unique("Embassy pictures");
  story = (await makeStory(editor, { headline: unique("Police at the embassy"), standfirst: "Officers stood guard.", tags: [tag], leadImage: { id: media.id } })) as StoryWithPicture;
  tagSlug = story.tags[0].slug;
});

describe("a story with a lead picture", () => {
  it("answers it with its renditions, and refuses a picture the library does not hold", async () => {
    expect(story.leadImageId).toBe(media.id);
    expect(story.leadImage).toMatchObject({ id: media.id, caption: media.caption, credit: "ANI", width: 1600, height: 1067 });
    expect(story.leadImage!.renditions).toHaveLength(media.renditions.length);
    const patch = (leadImage: unknown) => api<{ error: { fields: Record<string, string[]> } }>("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: story.version, leadImage } });
    expect((await patch({ id: "00000000-0000-4000-8000-000000000000" })).body.error.fields["leadImage.id"]).toEqual(["No picture with that id in the media library"]);
    expect((await patch({ id: "nope" })).body.error.fields["leadImage.id"]).toEqual(["A picture's id (a UUID) from the media library"]);
    expect((await patch("https://evil.example/x.jpg")).status).toBe(422);
    expect((await patch({ id: media.id, src: "https://evil.example/x.jpg" })).status).toBe(422);
    // Refused changes changed nothing.
    expect((await api<StoryWithPicture>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey })).body).toMatchObject({ version: story.version, leadImageId: media.id });
  });

  it("is not published until its picture has alt text", async () => {
    const refused = await api<{ error: { message: string; fields: Record<string, string[]> } }>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields.leadImage).toEqual(["Describe the lead picture (its alt text) for readers who cannot see it."]);
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(404);

    await api("PATCH", `/api/v1/media/${media.id}`, { key: editor.apiKey, body: { alt: "Police officers at the gate of the Indian embassy" } });
    const published = await api<StoryWithPicture>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    story = published.body;
  });

  it("leads the article: a responsive picture, fetched first, its caption and credit under it", async () => {
    const { status, text } = await getPage(`/stories/${story.slug}`);
    expect(status).toBe(200);
    const figure = /<figure[^>]*data-testid="lead-image"[^>]*>([\s\S]*?)<\/figure>/.exec(text)?.[1];
    expect(figure).toBeTruthy();
    const sources = [...figure!.matchAll(/<source type="([^"]+)" srcset="([^"]+)" sizes="([^"]+)"\/>/g)].map((m) => [m[1], m[2].split(", ").map((each) => each.split(" ")[1])]);
    expect(sources).toEqual([["image/avif", ["400w", "800w", "1200w", "1600w"]], ["image/webp", ["400w", "800w", "1200w", "1600w"]]]);
    const img = /<img [^>]+>/.exec(figure!)![0];
    expect([attribute(img, "width"), attribute(img, "height"), attribute(img, "fetchpriority"), attribute(img, "loading")]).toEqual(["800", "450", "high", null]);
    expect(attribute(img, "alt")).toBe("Police officers at the gate of the Indian embassy");
    expect(figure).toContain("<figcaption");
    expect(figure).toContain("Police officers stand outside the Indian embassy in Moscow, Russia, on December 27, 2023.");
    expect(figure).toContain("Yuri Kochetkov / ANI");
    // Every address in the srcsets is a picture that is there.
    // Root-relative, so they show however the page was reached.
    const addresses = new Set([...figure!.matchAll(/(\S+) \d+w/g)].map((m) => m[1].replace(/^srcset="/, "")));
    expect(addresses.size).toBe(12);
    for (const address of addresses) {
      expect(address).toMatch(/^\/media\/[0-9a-f]{32}\.(avif|webp|jpg)$/);
      expect((await fetchRendition(`http://any.host${address}`)).status, address).toBe(200);
    }
  });

  it("is the social cards' picture, and NewsArticle's in three ratios", async () => {
    const { text } = await getPage(`/stories/${story.slug}`);
    const wide = media.renditions.find((r) => r.ratio === "16:9" && r.format === "jpeg" && r.width === 1600)!;
    expect(path(meta(text, "og:image")!)).toBe(path(wide.url));
    expect([meta(text, "og:image:width"), meta(text, "og:image:height"), meta(text, "og:image:alt")]).toEqual(["1600", "900", "Police officers at the gate of the Indian embassy"]);
    expect(meta(text, "twitter:card")).toBe("summary_large_image");
    expect(path(meta(text, "twitter:image")!)).toBe(path(wide.url));
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(text)![1]) as { image: string[] };
    const largest = (ratio: string) => media.renditions.filter((r) => r.ratio === ratio && r.format === "jpeg").sort((a, b) => b.width - a.width)[0];
    expect(jsonLd.image.map(path)).toEqual(["16:9", "4:3", "1:1"].map((ratio) => path(largest(ratio).url)));
  });

  it("goes with the story into every feed, as feed readers read enclosures and Media RSS", async () => {
    const wide = media.renditions.find((r) => r.ratio === "16:9" && r.format === "jpeg" && r.width === 1600)!;
    for (const feedPath of [`/tags/${tagSlug}/feed.xml`, `/tags/${tagSlug}/feed.atom`]) {
      const { text } = await getPage(feedPath);
      expect(xmllint(text), feedPath).toBeNull();
      const parsed = feedparser(text);
      expect(parsed.bozo, parsed.exception ?? "").toBe(0);
      const entry = parsed.entries.find((each) => each.title === story.headline)!;
      expect(entry.enclosures.map((each) => [path(each.href), each.type, Number(each.length)]), feedPath).toEqual([[path(wide.url), "image/jpeg", wide.bytes]]);
      if (feedPath.endsWith(".xml")) {
        expect(entry.media.map((each) => [path(each.url), each.width, each.height])).toEqual([[path(wide.url), "1600", "900"]]);
        expect(entry.credit).toEqual(["Yuri Kochetkov / ANI"]);
      }
    }
    const json = JSON.parse((await getPage(`/tags/${tagSlug}/feed.json`)).text) as { items: { title: string; image?: string; content_html: string }[] };
    const item = json.items.find((each) => each.title === story.headline)!;
    expect(path(item.image!)).toBe(path(wide.url));
    expect(item.content_html).toMatch(/^<figure><img src="[^"]+" alt="Police officers at the gate of the Indian embassy" width="1600" height="900"\/>/);
  });

  it("is on the tag page beside the story, and in the story's NINJS as an association IPTC's schema accepts", async () => {
    const tagPage = (await getPage(`/tags/${tagSlug}`)).text;
    const listed = /<ol[^>]*data-testid="story-list"[^>]*>([\s\S]*?)<\/ol>/.exec(tagPage)![1];
    const thumbnail = /<img [^>]+>/.exec(listed)![0];
    expect(attribute(thumbnail, "loading")).toBe("lazy");
    const ninjs = await api<{ associations: { name: string; type: string; renditions: unknown[] }[] }>("GET", `/api/v1/stories/${story.id}/ninjs`, { key: editor.apiKey });
    expect(ninjs.body.associations).toEqual([expect.objectContaining({ name: "featureimage", type: "picture", by: "Yuri Kochetkov" })]);
    expect(ninjs.body.associations[0].renditions).toHaveLength(media.renditions.length);
  });

  it("shows its new crop on the article as soon as the focal point moves", async () => {
    const before = (await getPage(`/stories/${story.slug}`)).text;
    const moved = await api<ApiMedia>("PATCH", `/api/v1/media/${media.id}`, { key: editor.apiKey, body: { focalPoint: { x: 0.8, y: 0.25 } } });
    const wide = moved.body.renditions.find((r) => r.ratio === "16:9" && r.format === "jpeg" && r.width === 1600)!;
    expect(before).not.toContain(path(wide.url));
    await expect.poll(async () => meta((await getPage(`/stories/${story.slug}`)).text, "og:image"), { timeout: 5000, interval: 50 }).toContain(path(wide.url));
  });

  it("can be taken off the story, and the article then has none", async () => {
    const current = (await api<StoryWithPicture>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey })).body;
    const patched = await api<StoryWithPicture>("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: current.version, leadImage: null } });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.leadImage).toBeNull();
    await expect.poll(async () => (await getPage(`/stories/${story.slug}`)).text.includes('data-testid="lead-image"'), { timeout: 5000, interval: 50 }).toBe(false);
    expect(meta((await getPage(`/stories/${story.slug}`)).text, "twitter:card")).toBe("summary");
  });
});

describe("a picture in a story's body", () => {
  it("is not published until it has alt text, as the lead picture is not", async () => {
    const { body: inline } = await uploadMedia(editor.apiKey, mediaFixture("plain.png"), "inline-no-alt.png", "image/png");
    const created = await api<StoryWithPicture>("POST", "/api/v1/stories", { key: editor.apiKey, body: { headline: unique("Inline without alt"), body: `<p>Copy.</p><figure data-media="${inline.id}"></figure>` } });
    const refused = await api<{ error: { fields: Record<string, string[]> } }>("POST", `/api/v1/stories/${created.body.id}/publish`, { key: editor.apiKey });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields.body).toEqual(["Describe the picture in the body (alt text) for readers who cannot see it."]);
    expect((await getPage(`/stories/${created.body.slug}`)).status).toBe(404);
    await api("PATCH", `/api/v1/media/${inline.id}`, { key: editor.apiKey, body: { alt: "A grey square" } });
    expect((await api("POST", `/api/v1/stories/${created.body.id}/publish`, { key: editor.apiKey })).status).toBe(200);
  });

  it("is kept as a reference to the library, drawn with its caption and credit on the page and in the feeds; anything else is not", async () => {
    const { body: inline } = await uploadMedia(editor.apiKey, mediaFixture("moscow-embassy.jpg"), "inline.jpg");
    await api("PATCH", `/api/v1/media/${inline.id}`, { key: editor.apiKey, body: { alt: "The embassy's gate", caption: "The gate of the embassy on Wednesday." } });
    const body = `<p>First paragraph.</p><figure data-media="${inline.id}"><img src="https://evil.example/tracker.gif"></figure><p>Second paragraph.</p><p><img src="https://evil.example/hotlinked.jpg" alt="hotlinked"></p>`;
    const tag = unique("Inline pictures");
    const created = await api<StoryWithPicture>("POST", "/api/v1/stories", { key: editor.apiKey, body: { headline: unique("Inline picture"), body, tags: [tag] } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.body).toBe(`<p>First paragraph.</p><figure data-media="${inline.id}"></figure><p>Second paragraph.</p>`);

    const unknown = await api<{ error: { fields: Record<string, string[]> } }>("POST", "/api/v1/stories", {
      key: editor.apiKey,
      body: { headline: unique("Unknown picture"), body: `<p>x</p><figure data-media="00000000-0000-4000-8000-000000000000"></figure>` },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields.body).toEqual(["The body shows a picture the media library does not hold (00000000-0000-4000-8000-000000000000)"]);

    expect((await api("POST", `/api/v1/stories/${created.body.id}/publish`, { key: editor.apiKey })).status).toBe(200);
    const page = (await getPage(`/stories/${created.body.slug}`)).text;
    expect(page).not.toContain("evil.example");
    const figure = /<figure[^>]*data-testid="inline-picture"[^>]*>([\s\S]*?)<\/figure>/.exec(page)?.[1];
    expect(figure).toBeTruthy();
    const img = /<img [^>]+>/.exec(figure!)![0];
    expect([attribute(img, "loading"), attribute(img, "alt"), attribute(img, "width"), attribute(img, "height")]).toEqual(["lazy", "The embassy's gate", "800", "534"]);
    expect(figure).toContain("The gate of the embassy on Wednesday.");
    expect(figure).toContain("Yuri Kochetkov / ANI");
    // Between the paragraphs where the editor put it.
    expect(page.indexOf("First paragraph.")).toBeLessThan(page.indexOf('data-testid="inline-picture"'));
    expect(page.indexOf('data-testid="inline-picture"')).toBeLessThan(page.indexOf("Second paragraph."));

    const rss = (await getPage(`/tags/${created.body.tags[0].slug}/feed.xml`)).text;
    expect(xmllint(rss)).toBeNull();
    const largest = inline.renditions.filter((r) => r.ratio === "original" && r.format === "jpeg").sort((a, b) => b.width - a.width)[0];
    const items = new XMLParser().parse(rss).rss.channel.item;
    const item = (Array.isArray(items) ? items : [items]).find((each: { title: string }) => each.title === created.body.headline) as { "content:encoded": string };
    expect(item["content:encoded"]).toContain(`<p>First paragraph.</p><figure><img src="${largest.url}" alt="The embassy's gate" width="1600" height="1067"/><figcaption>The gate of the embassy on Wednesday. Yuri Kochetkov / ANI</figcaption></figure><p>Second paragraph.</p>`);
    expect(rss).not.toContain("evil.example");
  });
});
