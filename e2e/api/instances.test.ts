import Parser from "rss-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";

// Two app instances on one database, as behind a load balancer (npm test starts both). Each
// keeps its own page cache: a change made through one must show on the other within a second,
// on the article, the tag page, the home page, the feeds and the news sitemap.
const secondUrl = process.env.DATELINE_SECOND_URL;
if (!secondUrl) throw new Error("DATELINE_SECOND_URL is not set: run this through npm test, which starts a second instance");

let writer: TestUser;
let editor: TestUser;

beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser("writer"), makeUser("editor")]);
});

const onSecond = async (path: string) => {
  const response = await fetch(`${secondUrl}${path}`, { redirect: "manual" });
  return { status: response.status, text: await response.text() };
};

/** What the second instance shows on each reader path, polled until `expected` holds or a second has passed. */
async function withinOneSecond(paths: string[], expected: (path: string, page: { status: number; text: string }) => boolean) {
  const started = Date.now();
  const pending = new Set(paths);
  while (pending.size && Date.now() - started < 1000) {
    for (const path of [...pending]) if (expected(path, await onSecond(path))) pending.delete(path);
    if (pending.size) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect([...pending], "still stale on the second instance after 1 s").toEqual([]);
}

describe("two app instances on one database", () => {
  it("agree within a second when a story is published, edited, embargoed and killed through the other", async () => {
    expect(secondUrl).not.toBe(baseUrl);
    const tag = unique("Instances");
    const story = await makeStory(writer, { tags: [tag] });
    const tagSlug = story.tags[0].slug;
    const article = `/stories/${story.slug}`;
    const lists = [`/tags/${tagSlug}`, `/tags/${tagSlug}/feed.xml`, "/", "/feed.xml", "/feed.atom", "/feed.json", "/news-sitemap.xml"];
    // The second instance caches every page before the change, so what it shows after is refreshed, not first rendered.
    expect((await onSecond(article)).status).toBe(404);
    for (const path of lists) await onSecond(path);

    expect((await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey })).status).toBe(200);
    await withinOneSecond([article], (_, page) => page.status === 200 && page.text.includes(story.headline));
    await withinOneSecond(lists, (_, page) => page.text.includes(`/stories/${story.slug}`));
    const feed = await new Parser().parseString((await onSecond("/feed.xml")).text);
    expect(feed.items.map((item) => item.title)).toContain(story.headline);

    const current = await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
    const headline = unique("Edited on the first instance");
    expect((await api("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: current.body.version, headline } })).status).toBe(200);
    await withinOneSecond([article, `/tags/${tagSlug}`, "/", "/feed.xml"], (_, page) => page.text.includes(headline));

    const edited = await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
    const embargoUntil = new Date(Date.now() + 60 * 60_000).toISOString();
    expect((await api("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: edited.body.version, embargoUntil } })).status).toBe(200);
    await withinOneSecond([article], (_, page) => page.status === 404);
    await withinOneSecond(lists, (_, page) => !page.text.includes(`/stories/${story.slug}`));

    // Back out of embargo, then killed: 410 on the second instance, and gone from its lists.
    const embargoed = await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
    expect((await api("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: embargoed.body.version, embargoUntil: null } })).status).toBe(200);
    expect((await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey })).status).toBe(200);
    await withinOneSecond([article], (_, page) => page.status === 200);
    expect((await api("POST", `/api/v1/stories/${story.id}/kill`, { key: editor.apiKey })).status).toBe(200);
    await withinOneSecond([article], (_, page) => page.status === 410);
    await withinOneSecond(lists, (_, page) => !page.text.includes(`/stories/${story.slug}`));
  });
});
