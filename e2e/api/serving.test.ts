import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Parser from "rss-parser";
import { XMLParser } from "fast-xml-parser";
import { api, baseUrl, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";

// The front server (lib/serving): cached reader pages that a change refreshes at once, on every
// instance; 304s; security headers; 410 and 301; scheduled stories live on the first request.
// The test server runs with no background scheduler (SCHEDULER_INTERVAL_SECONDS=0).

const { db } = await import("@/lib/db");
const { publishDueStories } = await import("@/lib/stories/publish-due");
const { killStory } = await import("@/lib/stories/kill-story");

let writer: TestUser;
let editor: TestUser;

beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser("writer"), makeUser("editor")]);
});

afterAll(async () => {
  await db.$disconnect();
});

// Repeated elements always as arrays, attributes kept: the shape a sitemap consumer walks.
const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["sitemap", "url"].includes(name) });
const locs = (entries: { loc: string }[]) => entries.map((entry) => entry.loc);

const feedLinks = async (path: string) => {
  const feed = await new Parser().parseString((await getPage(path)).text);
  return feed.items.map((item) => item.link ?? "");
};
const sleepUntil = (instant: Date) => new Promise((resolve) => setTimeout(resolve, Math.max(0, instant.getTime() - Date.now()) + 150));

async function liveStory(tags: string[] = [unique("Serving")]) {
  const story = await makeStory(writer, { tags });
  const published = await api<ApiStory>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
  expect(published.status).toBe(200);
  return { ...story, tagSlug: story.tags[0].slug };
}

describe("cached reader pages", () => {
  it("answer a repeated conditional GET with 304, by ETag and by date, for pages and every feed", async () => {
    const story = await liveStory();
    for (const path of ["/", `/stories/${story.slug}`, `/tags/${story.tagSlug}`, "/feed.xml", `/tags/${story.tagSlug}/feed.xml`]) {
      const first = await fetch(`${baseUrl}${path}`);
      expect(first.status, path).toBe(200);
      const etag = first.headers.get("etag");
      const lastModified = first.headers.get("last-modified");
      expect(etag, path).toBeTruthy();
      expect(lastModified, path).toBeTruthy();
      const byTag = await fetch(`${baseUrl}${path}`, { headers: { "If-None-Match": etag! } });
      expect(byTag.status, path).toBe(304);
      expect(await byTag.text()).toBe("");
      const byDate = await fetch(`${baseUrl}${path}`, { headers: { "If-Modified-Since": lastModified! } });
      expect(byDate.status, path).toBe(304);
      const changed = await fetch(`${baseUrl}${path}`, { headers: { "If-None-Match": '"something-else"' } });
      expect(changed.status, path).toBe(200);
    }
  });

  it("give the gzipped and the plain body ETags of their own, each answered with 304", async () => {
    const story = await liveStory();
    const get = (encoding: string, etag?: string) =>
      new Promise<{ status: number; etag: string; encoding: string; vary: string }>((resolve, reject) => {
        const headers: Record<string, string> = { "accept-encoding": encoding, ...(etag ? { "if-none-match": etag } : {}) };
        http
          .get(`${baseUrl}/stories/${story.slug}`, { headers }, (response) => {
            response.resume();
            response.on("end", () =>
              resolve({ status: response.statusCode!, etag: String(response.headers.etag), encoding: String(response.headers["content-encoding"] ?? ""), vary: String(response.headers.vary ?? "") }),
            );
          })
          .on("error", reject);
      });
    const plain = await get("identity");
    const gzipped = await get("gzip");
    expect(gzipped.encoding).toBe("gzip");
    expect(plain.encoding).toBe("");
    expect(gzipped.etag).not.toBe(plain.etag);
    expect(gzipped.vary).toMatch(/accept-encoding/i);
    expect((await get("identity", plain.etag)).status).toBe(304);
    expect((await get("gzip", gzipped.etag)).status).toBe(304);
    // Each ETag names one body: asked with the other encoding, the page is sent in full.
    expect((await get("gzip", plain.etag)).status).toBe(200);
    expect((await get("identity", gzipped.etag)).status).toBe(200);
  });

  it("send security headers with pages, feeds, the API and errors", async () => {
    const story = await liveStory();
    const responses = await Promise.all(
      [`/stories/${story.slug}`, "/feed.xml", "/api/v1/stories", "/stories/no-such-story", "/login"].map((path) => fetch(`${baseUrl}${path}`)),
    );
    for (const response of responses) {
      expect(response.headers.get("x-content-type-options"), response.url).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), response.url).toBe("strict-origin-when-cross-origin");
      expect(response.headers.get("content-security-policy"), response.url).toContain("frame-ancestors 'none'");
    }
  });

  it("show an edit of a live story at once on its page, its tag page and the feeds", async () => {
    const story = await liveStory();
    // Fill the caches first, so the test sees them refreshed rather than rendered for the first time.
    for (const path of [`/stories/${story.slug}`, `/tags/${story.tagSlug}`, "/feed.xml", `/tags/${story.tagSlug}/feed.xml`, "/"]) await getPage(path);
    const current = await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
    const headline = unique("Edited headline");
    expect((await api("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: current.body.version, headline } })).status).toBe(200);
    for (const path of [`/stories/${story.slug}`, `/tags/${story.tagSlug}`, "/feed.xml", `/tags/${story.tagSlug}/feed.xml`, "/"]) {
      expect((await getPage(path)).text, path).toContain(headline);
    }
  });

  it("hear about changes made by another process (here: this test process, as the CLI would)", async () => {
    const story = await liveStory();
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(200);
    expect(await feedLinks("/feed.xml")).toContainEqual(expect.stringContaining(`/stories/${story.slug}`));
    await killStory({ actor: { id: editor.id, role: "editor", name: "Test", email: editor.email }, id: story.id });
    const deadline = Date.now() + 1000;
    let status = 0;
    while (Date.now() < deadline && (status = (await getPage(`/stories/${story.slug}`)).status) !== 410) await new Promise((r) => setTimeout(r, 20));
    expect(status).toBe(410);
    expect(await feedLinks("/feed.xml")).not.toContainEqual(expect.stringContaining(`/stories/${story.slug}`));
  });
});

describe("sitemaps", () => {
  it("list live stories and their tags, with a Google News sitemap of the last 48 hours, and drop a killed story", async () => {
    const story = await liveStory([unique("Sitemap & <Co>")]);
    const draft = await makeStory(writer);
    const index = await getPage("/sitemap.xml");
    expect(index.headers.get("content-type")).toContain("application/xml");
    const files = locs(xml.parse(index.text).sitemapindex.sitemap);
    expect(files).toContain(`${baseUrl}/news-sitemap.xml`);
    expect(files).toContain(`${baseUrl}/sitemaps/stories-1.xml`);
    expect(files).toContain(`${baseUrl}/sitemaps/tags-1.xml`);

    const storyUrls = locs(xml.parse((await getPage("/sitemaps/stories-1.xml")).text).urlset.url);
    expect(storyUrls).toContain(`${baseUrl}/stories/${story.slug}`);
    expect(storyUrls).not.toContain(`${baseUrl}/stories/${draft.slug}`);
    const tagUrls = locs(xml.parse((await getPage("/sitemaps/tags-1.xml")).text).urlset.url);
    expect(tagUrls).toContain(`${baseUrl}/tags/${story.tagSlug}`);

    const news = xml.parse((await getPage("/news-sitemap.xml")).text).urlset;
    expect(news["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    const entry = news.url.find((url: { loc: string }) => url.loc === `${baseUrl}/stories/${story.slug}`)["news:news"];
    expect(entry["news:title"]).toBe(story.headline);
    expect(entry["news:publication"]["news:name"]).toBeTruthy();
    expect(entry["news:publication"]["news:language"]).toBe("en");
    expect(new Date(entry["news:publication_date"]).getTime()).toBeGreaterThan(Date.now() - 60_000);

    await api("POST", `/api/v1/stories/${story.id}/kill`, { key: editor.apiKey });
    expect((await getPage("/news-sitemap.xml")).text).not.toContain(`/stories/${story.slug}<`);
    expect((await getPage("/sitemaps/stories-1.xml")).text).not.toContain(`/stories/${story.slug}<`);
    expect((await getPage("/sitemaps/stories-999.xml")).status).toBe(404);
  });
});

describe("status codes", () => {
  it("answers 410 Gone for a killed story, under its slug and a former one, and drops it from every list", async () => {
    const story = await liveStory();
    const current = await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
    await api("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: current.body.version, slug: `${story.slug}-moved` } });
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(301);
    expect((await api("POST", `/api/v1/stories/${story.id}/kill`, { key: editor.apiKey })).status).toBe(200);

    for (const path of [`/stories/${story.slug}-moved`, `/stories/${story.slug}`]) {
      const page = await getPage(path);
      expect(page.status, path).toBe(410);
      expect(page.text).toContain("This story has been withdrawn");
      expect(page.text).not.toContain(story.headline);
    }
    expect(await feedLinks("/feed.xml")).not.toContainEqual(expect.stringContaining(`/stories/${story.slug}`));
    expect((await getPage("/")).text).not.toContain(story.headline);
    expect((await getPage(`/tags/${story.tagSlug}`)).status).toBe(404);
    // Kept for the record.
    const kept = await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
    expect(kept.body.body).toBe(story.body);
  });

  it("still answers 404 (not 410) for drafts and unknown slugs", async () => {
    const draft = await makeStory(writer);
    expect((await getPage(`/stories/${draft.slug}`)).status).toBe(404);
    expect((await getPage("/stories/never-was-a-story")).status).toBe(404);
  });
});

describe("time", () => {
  it("puts a story scheduled 3 s ahead live on the first request after its time, with no scheduler running", async () => {
    const story = await makeStory(writer, { tags: [unique("Scheduled")] });
    const tagSlug = story.tags[0].slug;
    const at = new Date(Date.now() + 3000);
    const scheduled = await api<ApiStory>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey, body: { at: at.toISOString() } });
    expect(scheduled.body.status).toBe("scheduled");
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(404);
    expect(await feedLinks("/feed.xml")).not.toContainEqual(expect.stringContaining(`/stories/${story.slug}`));
    expect((await getPage("/")).text).not.toContain(story.headline);

    await sleepUntil(at);
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(200);
    expect(await feedLinks("/feed.xml")).toContainEqual(expect.stringContaining(`/stories/${story.slug}`));
    expect(await feedLinks(`/tags/${tagSlug}/feed.xml`)).toContainEqual(expect.stringContaining(`/stories/${story.slug}`));
    expect((await getPage("/")).text).toContain(story.headline);
    // The request that found it due also published it for the record.
    const after = await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
    expect(after.body.status).toBe("published");
  });

  it("keeps an embargoed story out of its page, tag page, feeds and lists until the instant, then shows it", async () => {
    const story = await liveStory([unique("Embargo")]);
    const current = await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
    const lifts = new Date(Date.now() + 3000);
    // An embargo put on a live story takes it off the site until it lifts.
    const patched = await api<ApiStory>("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: current.body.version, embargoUntil: lifts.toISOString() } });
    expect(patched.status).toBe(200);
    expect(patched.body.status).toBe("scheduled");
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(404);
    expect((await getPage(`/tags/${story.tagSlug}`)).status).toBe(404);
    expect(await feedLinks("/feed.xml")).not.toContainEqual(expect.stringContaining(`/stories/${story.slug}`));
    expect((await getPage("/")).text).not.toContain(story.headline);
    expect((await getPage("/news-sitemap.xml")).text).not.toContain(`/stories/${story.slug}<`);
    expect((await getPage("/sitemaps/stories-1.xml")).text).not.toContain(`/stories/${story.slug}<`);

    await sleepUntil(lifts);
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(200);
    expect((await getPage(`/tags/${story.tagSlug}`)).text).toContain(story.headline);
    expect(await feedLinks("/feed.xml")).toContainEqual(expect.stringContaining(`/stories/${story.slug}`));
    expect((await getPage("/news-sitemap.xml")).text).toContain(`/stories/${story.slug}<`);
    expect((await getPage("/sitemaps/stories-1.xml")).text).toContain(`/stories/${story.slug}<`);
  });

  it("moves a story waiting for its embargo to the new instant when the embargo is brought forward", async () => {
    const story = await makeStory(writer, { embargoUntil: new Date(Date.now() + 3_600_000).toISOString() });
    const published = await api<ApiStory>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    expect(published.body.status).toBe("scheduled");
    const sooner = new Date(Date.now() + 2000);
    const moved = await api<ApiStory>("PATCH", `/api/v1/stories/${story.id}`, {
      key: editor.apiKey,
      body: { version: published.body.version, embargoUntil: sooner.toISOString() },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe("scheduled");
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(404);
    await sleepUntil(sooner);
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(200);
    expect(await feedLinks("/feed.xml")).toContainEqual(expect.stringContaining(`/stories/${story.slug}`));
  });

  it("publishes a story waiting for its embargo at once when the embargo is cleared", async () => {
    const story = await makeStory(writer, { embargoUntil: new Date(Date.now() + 3_600_000).toISOString() });
    const published = await api<ApiStory>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(404);
    const cleared = await api<ApiStory>("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: published.body.version, embargoUntil: null } });
    expect(cleared.status).toBe(200);
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(200);
    // The front publishes it on the first request once it has read the new schedule (within 50 ms).
    const deadline = Date.now() + 1000;
    let status = "";
    while (Date.now() < deadline && (status = (await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey })).body.status) !== "published") {
      await getPage("/");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(status).toBe("published");
  });

  it("publishes each due story exactly once however many instances run the scheduler at the same moment", async () => {
    const stories = await Promise.all([1, 2, 3].map(() => makeStory(writer)));
    const at = new Date(Date.now() + 1500);
    for (const story of stories) await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey, body: { at: at.toISOString() } });
    await sleepUntil(at);
    const runs = await Promise.all([1, 2, 3, 4].map(() => publishDueStories()));
    // The test server may have published some of them already (any request after `at` does):
    // what matters is that no story is published twice and none is left behind.
    const ours = runs.flat().filter((due) => stories.some((story) => story.id === due.id)).map((due) => due.id);
    expect(new Set(ours).size).toBe(ours.length);
    const statuses = await db.story.findMany({ where: { id: { in: stories.map((s) => s.id) } }, select: { status: true } });
    expect(statuses.map((s) => s.status)).toEqual(["published", "published", "published"]);
    const audits = await db.auditEntry.count({ where: { storyId: { in: stories.map((s) => s.id) }, action: "story.publish" } });
    expect(audits).toBe(3);
  });
});
