import { describe, expect, it } from "vitest";
import { buildJsonFeed } from "@/lib/feeds/build-json-feed";
import type { ReaderStory } from "@/lib/reader/reader-story";

process.env.DATABASE_URL ??= "postgresql://unused@localhost/unused";

const story: ReaderStory = {
  id: "00000000-0000-4000-8000-000000000001",
  slug: "quoted",
  headline: 'He said "</script><script>alert(1)</script>"',
  standfirst: "Standfirst",
  metaDescription: "",
  socialHeadline: "",
  body: "<p>Body</p>",
  byline: "Jane Reporter",
  agency: null,
  credits: null,
  dateline: { location: null, country: null, date: null },
  publishedAt: "2026-03-03T10:00:00.000Z",
  lastUpdatedAt: "2026-03-04T11:00:00.000Z",
  updatedAt: "2026-03-04T11:00:00.000Z",
  tags: [{ name: "Politics", slug: "politics", type: "topic" }],
  corrections: [],
  leadImage: null,
  pictures: {},
};

describe("buildJsonFeed", () => {
  it("is JSON Feed 1.1: version, language, authors, and items with full text and both dates", () => {
    const feed = JSON.parse(buildJsonFeed({ title: "Site", description: "d", path: "/", selfPath: "/feed.json", stories: [story] }));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.title).toBe("Site");
    expect(feed.feed_url).toMatch(/\/feed\.json$/);
    expect(feed.home_page_url).toMatch(/\/$/);
    expect(feed.language).toBe("en");
    expect(feed.authors).toEqual([{ name: "Dateline", url: expect.stringMatching(/^https?:\/\//) }]);
    expect(feed.author).toBeUndefined();
    expect(feed.next_url).toBeUndefined();
    expect(feed.items).toEqual([
      {
        id: expect.stringMatching(/\/stories\/quoted$/),
        url: expect.stringMatching(/\/stories\/quoted$/),
        title: story.headline,
        summary: "Standfirst",
        content_html: "<p>Body</p>",
        date_published: "2026-03-03T10:00:00.000Z",
        date_modified: "2026-03-04T11:00:00.000Z",
        authors: [{ name: "Jane Reporter" }],
        tags: ["Politics"],
      },
    ]);
    expect(feed.items[0].id).toBe(feed.items[0].url);
  });

  it("points next_url at the archive page of older stories", () => {
    const feed = JSON.parse(
      buildJsonFeed({ title: "Site", description: "d", path: "/", selfPath: "/feed/archive/B.json", currentPath: "/feed.json", olderPath: "/feed/archive/C.json", stories: [story] }),
    );
    expect(feed.feed_url).toMatch(/\/feed\/archive\/B\.json$/);
    expect(feed.next_url).toMatch(/\/feed\/archive\/C\.json$/);
  });
});
