import { describe, expect, it } from "vitest";
import { lastChange, toFeedItem } from "@/lib/feeds/feed-item";
import type { ReaderStory } from "@/lib/reader/reader-story";

process.env.DATABASE_URL ??= "postgresql://unused@localhost/unused";

const story: ReaderStory = {
  id: "00000000-0000-4000-8000-000000000001",
  slug: "vote-passes",
  headline: "Vote <passes> & more",
  standfirst: "The chamber voted 61–39.",
  metaDescription: "",
  socialHeadline: "",
  body: "<p>The vote passed.</p><p>Second paragraph.</p>",
  byline: "Jane Reporter",
  agency: "ANI",
  credits: "Additional reporting by <Someone>",
  dateline: { location: "Moscow", country: null, date: "2026-03-03" },
  publishedAt: "2026-03-03T10:00:00.000Z",
  lastUpdatedAt: "2026-03-05T09:00:00.000Z",
  updatedAt: "2026-03-05T09:00:00.000Z",
  tags: [
    { name: "Politics", slug: "politics", type: "topic" },
    { name: "Russia", slug: "russia", type: "place" },
  ],
  corrections: [{ id: "c1", kind: "correction", note: "The vote was on <b>Tuesday</b>.", createdAt: "2026-03-05T09:00:00.000Z" }],
  leadImage: null,
  pictures: {},
};

describe("toFeedItem", () => {
  it("is the story's full text under its permalink, with both dates, byline and tags", () => {
    const item = toFeedItem(story);
    expect(item.id).toMatch(/^https?:\/\/[^/]+\/stories\/vote-passes$/);
    expect(item.url).toBe(item.id);
    // Text stays text here: each format escapes it its own way.
    expect(item.title).toBe("Vote <passes> & more");
    expect(item.summary).toBe("The chamber voted 61–39.");
    expect(item.contentHtml).toMatch(/^<p><span class="dateline"[^>]*>MOSCOW, March 3 \(ANI\) –<\/span> The vote passed\.<\/p><p>Second paragraph\.<\/p>/);
    expect(item.contentHtml).toContain("<p><em>Additional reporting by &lt;Someone&gt;</em></p>");
    expect(item.contentHtml).toContain("<h3>Corrections and updates</h3><p><strong>Correction</strong>");
    expect(item.contentHtml).toContain("The vote was on &lt;b&gt;Tuesday&lt;/b&gt;.");
    expect(item.published.toISOString()).toBe("2026-03-03T10:00:00.000Z");
    expect(item.updated.toISOString()).toBe("2026-03-05T09:00:00.000Z");
    expect(item.authors).toEqual(["Jane Reporter"]);
    expect(item.tags.map((tag) => tag.name)).toEqual(["Politics", "Russia"]);
    expect(item.tags[1].url).toMatch(/\/tags\/russia$/);
  });

  it("leaves out what the story does not have", () => {
    const item = toFeedItem({ ...story, standfirst: "", byline: null, credits: null, dateline: { location: null, country: null, date: null }, tags: [], corrections: [] });
    expect(item.summary).toBeNull();
    expect(item.authors).toEqual([]);
    expect(item.tags).toEqual([]);
    expect(item.contentHtml).toBe(story.body);
  });
});

describe("updated", () => {
  it("moves with a meaningful update only: a silent fix leaves it at the publication time", () => {
    const silent = toFeedItem({ ...story, lastUpdatedAt: null, updatedAt: "2026-03-07T00:00:00.000Z" });
    expect(silent.updated.toISOString()).toBe(story.publishedAt);
    expect(silent.published.toISOString()).toBe(story.publishedAt);
  });
});

describe("lastChange", () => {
  it("is the newest change among the items, so a correction to an older one moves the feed's date", () => {
    const older = toFeedItem({ ...story, slug: "older", lastUpdatedAt: "2026-03-06T00:00:00.000Z", updatedAt: "2026-03-06T00:00:00.000Z" });
    expect(lastChange([toFeedItem(story), older]).toISOString()).toBe("2026-03-06T00:00:00.000Z");
    expect(lastChange([]).getTime()).toBe(0);
  });
});
