import Parser from "rss-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, getPage, makeStory, makeUser, unique, type TestUser } from "@/e2e/fixtures/factories";

type Item = { link: string; guid: string; pubDate: string; categories: (string | { _: string })[]; "content:encoded": string; title: string };
const parser = new Parser<Record<string, unknown>, Item>({ customFields: { item: ["content:encoded"] } });

let writer: TestUser;
let editor: TestUser;

beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser("writer"), makeUser("editor")]);
});

describe("RSS feeds", () => {
  it("is RSS 2.0 a real parser reads, with full text, permalinks, dates and categories", async () => {
    const tag = unique("Feedtag");
    const story = await makeStory(writer, {
      body: "<p>First paragraph of the feed story.</p><p>Second <strong>paragraph</strong>.</p>",
      dateline: { location: "London", date: "2026-03-03" },
      tags: [{ name: tag, type: "topic" }],
    });
    await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });

    const response = await getPage("/feed.xml");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/rss\+xml/);
    expect(response.text).toMatch(/^<\?xml/);
    expect(response.text).toContain('<rss version="2.0"');
    expect(response.text).toMatch(/<atom:link href="[^"]+\/feed\.xml" rel="self" type="application\/rss\+xml"\/>/);

    const feed = await parser.parseString(response.text);
    expect(feed.items.length).toBeGreaterThan(0);
    expect(feed.items.length).toBeLessThanOrEqual(50);
    const item = feed.items.find((i) => i.link === `${baseUrl}/stories/${story.slug}`)!;
    expect(item).toBeTruthy();
    expect(item.title).toBe(story.headline);
    expect(item.guid).toBe(item.link);
    expect(response.text).toContain(`<guid isPermaLink="true">${item.link}</guid>`);
    expect(item.pubDate).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(item["content:encoded"]).toContain("<strong>paragraph</strong>");
    expect(item["content:encoded"]).toContain("LONDON, March 3 –");
    expect(item.categories.map((c) => (typeof c === "string" ? c : c._))).toContain(tag);

    // Newest first, and every item link resolves to its page.
    const dates = feed.items.map((i) => Date.parse(i.pubDate));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    for (const each of feed.items.slice(0, 10)) expect((await fetch(each.link)).status).toBe(200);
  });

  it("has a feed per tag, with only that tag's stories, linked from the tag page", async () => {
    const tag = unique("Onlytag");
    const tagged = await makeStory(writer, { tags: [tag] });
    const other = await makeStory(writer);
    for (const story of [tagged, other]) await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    const slug = tagged.tags[0].slug;

    const feed = await parser.parseString((await getPage(`/tags/${slug}/feed.xml`)).text);
    expect(feed.items.map((i) => i.link)).toEqual([`${baseUrl}/stories/${tagged.slug}`]);
    expect(feed.title).toContain(tag);

    const page = await getPage(`/tags/${slug}`);
    expect(page.text).toMatch(new RegExp(`<link rel="alternate" type="application/rss\\+xml"[^>]*href="[^"]*/tags/${slug}/feed.xml"`));
    expect((await getPage("/tags/no-such-tag-here/feed.xml")).status).toBe(404);
  });

  it("is linked from every reader page", async () => {
    for (const path of ["/"]) {
      expect((await getPage(path)).text).toMatch(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="[^"]*\/feed.xml"/);
    }
  });
});
