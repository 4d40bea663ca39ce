import { describe, expect, it } from "vitest";
import { feedAlternates, feedArchivePath, feedPath, parseArchiveFile, siteFeedPrefix, tagFeedPrefix } from "@/lib/feeds/feed-paths";

describe("feed paths", () => {
  it("puts every format of a feed and its archive pages under the feed's prefix", () => {
    expect(feedPath(siteFeedPrefix, "rss")).toBe("/feed.xml");
    expect(feedPath(tagFeedPrefix("brics"), "atom")).toBe("/tags/brics/feed.atom");
    expect(feedArchivePath(tagFeedPrefix("brics"), "abc_-1", "json")).toBe("/tags/brics/feed/archive/abc_-1.json");
  });

  it("reads an archive file name back, and nothing that is not one", () => {
    expect(parseArchiveFile("abc_-1.atom")).toEqual({ cursor: "abc_-1", format: "atom" });
    expect(parseArchiveFile("abc.xml")).toEqual({ cursor: "abc", format: "rss" });
    for (const file of ["abc.html", "abc", ".json", "a.b.json", "a%2F.json", `${"a".repeat(301)}.json`]) expect(parseArchiveFile(file)).toBeNull();
  });

  it("advertises every format of each feed, in the order given", () => {
    expect(feedAlternates([{ prefix: tagFeedPrefix("x"), title: "X" }, { prefix: siteFeedPrefix, title: "Site" }])).toEqual({
      "application/rss+xml": [{ url: "/tags/x/feed.xml", title: "X" }, { url: "/feed.xml", title: "Site" }],
      "application/atom+xml": [{ url: "/tags/x/feed.atom", title: "X" }, { url: "/feed.atom", title: "Site" }],
      "application/feed+json": [{ url: "/tags/x/feed.json", title: "X" }, { url: "/feed.json", title: "Site" }],
    });
  });
});
