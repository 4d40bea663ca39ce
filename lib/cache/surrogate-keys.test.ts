import { describe, expect, it } from "vitest";
import { keysForPath, storyChangeKeys, storyPageKeys, surrogateHeaders, tagChangeKeys } from "@/lib/cache/surrogate-keys";

describe("surrogate keys", () => {
  it("names what each reader address shows", () => {
    expect(keysForPath("/stories/moscow-talks")).toEqual(["story-moscow-talks", "stories", "all"]);
    expect(storyPageKeys("/stories/moscow-talks", ["russia"])).toEqual(["story-moscow-talks", "stories", "all", "label-russia"]);
    expect(keysForPath("/tags/russia/page/abc")).toEqual(["tag-russia", "tags", "all"]);
    expect(keysForPath("/tags/russia/feed.xml")).toEqual(["tag-russia", "tags", "all"]);
    expect(keysForPath("/")).toEqual(["home", "all"]);
    expect(keysForPath("/page/abc")).toEqual(["home", "all"]);
    expect(keysForPath("/feed.json")).toEqual(["feed", "all"]);
    expect(keysForPath("/feed/archive/2026-12")).toEqual(["feed", "all"]);
    expect(keysForPath("/sitemaps/stories-1.xml")).toEqual(["sitemap", "all"]);
    expect(keysForPath("/news-sitemap.xml")).toEqual(["sitemap", "all"]);
    expect(keysForPath("/search")).toEqual(["search", "all"]);
    expect(keysForPath("/robots.txt")).toEqual(["all"]);
  });

  it("says what a story's change and a tag's change reach", () => {
    expect(storyChangeKeys({ slugs: ["a", "old-a", "a"], tagSlugs: ["russia"] })).toEqual(["story-a", "story-old-a", "tag-russia", "home", "feed", "sitemap", "search"]);
    expect(tagChangeKeys(["russia", "rus"])).toEqual(["tag-russia", "label-russia", "tag-rus", "label-rus", "tags", "home", "feed", "sitemap", "search"]);
  });

  it("tells Varnish and Fastly (space-separated) and Cloudflare (comma-separated), Cloudflare's lifetime only when it is purged", () => {
    const headers = surrogateHeaders(["story-a", "all"], { times: { maxAgeSeconds: 60, staleIfErrorSeconds: 600 } });
    expect(headers).toEqual({ "surrogate-key": "story-a all", "cache-tag": "story-a,all", "surrogate-control": "max-age=60, stale-if-error=600" });
    expect(surrogateHeaders(["all"], { cloudflare: true })["cloudflare-cdn-cache-control"]).toBe("max-age=3600, stale-if-error=86400");
  });
});
