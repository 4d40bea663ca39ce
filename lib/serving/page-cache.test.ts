import { describe, expect, it } from "vitest";
import { keysForPath, storyChangeKeys, storyPageKeys, tagChangeKeys } from "@/lib/cache/surrogate-keys";
import { cachedPage, PageCache } from "@/lib/serving/page-cache";

const page = (text: string, at = new Date(1_000_000), keys: string[] = []) => cachedPage(200, { "content-type": "text/html" }, Buffer.from(text), { at, keys });
/** A page kept at `path` as the front keeps it, with its path's keys (a story page with its tags' labels). */
const pageAt = (cache: PageCache, path: string, tags: string[] = []) =>
  cache.set(path, page(path, new Date(1_000_000), tags.length ? storyPageKeys(path, tags) : keysForPath(path)), cache.generation);
const kept = (cache: PageCache, paths: string[]) => paths.filter((path) => cache.lookup(path, 1_000_000));

describe("the page cache", () => {
  it("keeps a page until a change names one of its keys", () => {
    const cache = new PageCache(1024 * 1024);
    pageAt(cache, "/stories/a");
    pageAt(cache, "/stories/b");
    expect(cache.get("/stories/a", 1_000_000)?.body.toString()).toBe("/stories/a");
    cache.expire(["story-a"]);
    expect(cache.lookup("/stories/a", 1_000_000)).toBeUndefined();
    expect(cache.get("/stories/b", 1_000_000)?.body.toString()).toBe("/stories/b");
  });

  it("drops, for a story's change, its page, its tags' pages and feeds and the lists, and nothing else", () => {
    const cache = new PageCache(1024 * 1024);
    const paths = ["/stories/a", "/stories/b", "/tags/india", "/tags/india/feed.xml", "/tags/sport", "/", "/page/xyz", "/feed.xml", "/sitemap.xml", "/news-sitemap.xml", "/search?q=a", "/robots.txt"];
    for (const path of paths) pageAt(cache, path);
    cache.expire(storyChangeKeys({ slugs: ["a"], tagSlugs: ["india"] }));
    expect(kept(cache, paths)).toEqual(["/stories/b", "/tags/sport", "/robots.txt"]);
  });

  it("drops, for a tag's rename, the story pages that show it and every tag page, not other stories", () => {
    const cache = new PageCache(1024 * 1024);
    pageAt(cache, "/stories/a", ["india"]);
    pageAt(cache, "/stories/b", ["sport"]);
    pageAt(cache, "/tags/sport/feed.xml");
    pageAt(cache, "/robots.txt");
    cache.expire(tagChangeKeys(["india", "bharat"]));
    expect(kept(cache, ["/stories/a", "/stories/b", "/tags/sport/feed.xml", "/robots.txt"])).toEqual(["/stories/b", "/robots.txt"]);
    cache.expire(["all"]);
    expect(cache.stats.pages).toBe(0);
  });

  it("refuses a render that started before a change (generation fencing)", () => {
    const cache = new PageCache(1024 * 1024);
    const started = cache.generation;
    cache.expire(["story-other"]);
    expect(cache.set("/stories/a", page("rendered before the change"), started)).toBe(false);
    expect(cache.lookup("/stories/a")).toBeUndefined();
  });

  it("marks every page stale at once but keeps it, to be sent while no new one can be made", () => {
    const cache = new PageCache(1024 * 1024);
    cache.set("/", page("home"), cache.generation);
    cache.expire("all", 1_000_000);
    expect(cache.get("/", 1_000_000)).toBeUndefined();
    expect(cache.lookup("/", 1_000_000)).toMatchObject({ fresh: false });
    expect(cache.lookup("/", 1_000_000)?.page.body.toString()).toBe("home");
    // A page made after that is fresh again.
    cache.set("/", page("home again", new Date(1_000_002)), cache.generation);
    expect(cache.lookup("/", 1_000_002)).toMatchObject({ fresh: true });
  });

  it("treats a page older than its age limit as stale, not gone", () => {
    const cache = new PageCache(1024 * 1024, 60_000);
    cache.set("/feed.xml", page("feed"), cache.generation);
    expect(cache.lookup("/feed.xml", 1_000_000 + 60_000)?.fresh).toBe(true);
    expect(cache.lookup("/feed.xml", 1_000_000 + 60_001)?.fresh).toBe(false);
  });

  it("evicts the least recently used pages when the budget is spent", () => {
    const body = "x".repeat(300);
    const cache = new PageCache(2 * 1024);
    for (const key of ["/a", "/b", "/c", "/d"]) cache.set(key, cachedPage(200, {}, Buffer.from(body + key)), cache.generation);
    cache.get("/a");
    for (const key of ["/e", "/f", "/g", "/h", "/i"]) cache.set(key, cachedPage(200, {}, Buffer.from(body + key)), cache.generation);
    expect(cache.stats.bytes).toBeLessThanOrEqual(2 * 1024);
    expect(cache.lookup("/a")).toBeDefined();
    expect(cache.lookup("/b")).toBeUndefined();
  });

  it("dates a page by when its content changed, not when it was kept", () => {
    const changed = new Date("2026-11-30T08:00:00Z");
    expect(cachedPage(200, {}, Buffer.from("a"), { modifiedAt: changed, at: new Date("2026-12-01T00:00:00Z") }).lastModified).toBe(changed.toUTCString());
    // A change time in the future (clocks apart) is not believed.
    expect(cachedPage(200, {}, Buffer.from("a"), { modifiedAt: new Date("2027-01-01T00:00:00Z"), at: new Date("2026-12-01T00:00:00Z") }).lastModified).toBe(
      new Date("2026-12-01T00:00:00Z").toUTCString(),
    );
  });
});
