import { describe, expect, it } from "vitest";
import { cachedPage, PageCache } from "@/lib/serving/page-cache";

const page = (text: string, at = new Date(1_000_000)) => cachedPage(200, { "content-type": "text/html" }, Buffer.from(text), null, at);

describe("the page cache", () => {
  it("keeps a page until a change announced for it drops it", () => {
    const cache = new PageCache(1024 * 1024);
    cache.set("/stories/a", page("a"), cache.generation);
    cache.set("/stories/b", page("b"), cache.generation);
    expect(cache.get("/stories/a", 1_000_000)?.body.toString()).toBe("a");
    cache.expire({ exact: ["/stories/a"], prefixes: [] });
    expect(cache.lookup("/stories/a", 1_000_000)).toBeUndefined();
    expect(cache.get("/stories/b", 1_000_000)?.body.toString()).toBe("b");
  });

  it("refuses a render that started before a change (generation fencing)", () => {
    const cache = new PageCache(1024 * 1024);
    const started = cache.generation;
    cache.expire({ exact: ["/stories/other"], prefixes: [] });
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
    expect(cachedPage(200, {}, Buffer.from("a"), changed, new Date("2026-12-01T00:00:00Z")).lastModified).toBe(changed.toUTCString());
    // A change time in the future (clocks apart) is not believed.
    expect(cachedPage(200, {}, Buffer.from("a"), new Date("2027-01-01T00:00:00Z"), new Date("2026-12-01T00:00:00Z")).lastModified).toBe(
      new Date("2026-12-01T00:00:00Z").toUTCString(),
    );
  });
});
