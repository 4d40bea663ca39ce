import { describe, expect, it } from "vitest";
import { isDecodablePath, originForm, route } from "@/lib/serving/reader-routes";

const get = { method: "GET", headers: {} };
const at = (target: string, request: { method?: string; headers: Record<string, string> } = get) => {
  const [path, query] = target.split("?");
  return route(request, path, query === undefined ? "" : `?${query}`);
};

describe("the front's routes", () => {
  it("makes articles, lists, tag pages and search itself, whatever the query string", () => {
    expect(at("/stories/moscow-talks")).toEqual({ kind: "article", slug: "moscow-talks" });
    expect(at("/stories/moscow-talks?utm_source=x")).toEqual({ kind: "article", slug: "moscow-talks" });
    expect(at("/")).toEqual({ kind: "latest", cursor: null });
    expect(at("/page/abc")).toEqual({ kind: "latest", cursor: "abc" });
    expect(at("/tags/india")).toEqual({ kind: "tag", slug: "india", cursor: null });
    expect(at("/tags/india/page/abc")).toEqual({ kind: "tag", slug: "india", cursor: "abc" });
    expect(at("/search?q=moscow")).toEqual({ kind: "search" });
    expect(at("/preview/token.123.sig")).toEqual({ kind: "preview", token: "token.123.sig" });
  });

  it("keeps what Next renders for everyone whole, but never with a query string or for a navigation", () => {
    for (const path of ["/feed.xml", "/feed/archive/abc.json", "/tags/india/feed.atom", "/sitemap.xml", "/news-sitemap.xml", "/robots.txt", "/_next/static/chunks/a.js"]) {
      expect(at(path), path).toEqual({ kind: "rendered" });
    }
    expect(at("/feed.xml?1")).toEqual({ kind: "pass" });
    expect(at("/feed.xml", { method: "GET", headers: { rsc: "1" } })).toEqual({ kind: "pass" });
  });

  it("passes writes, other methods, the newsroom and paths in any spelling but their canonical one to Next", () => {
    expect(at("/stories/a", { method: "POST", headers: {} })).toEqual({ kind: "pass" });
    expect(at("/stories/a", { method: "DELETE", headers: {} })).toEqual({ kind: "pass" });
    expect(at("/admin")).toEqual({ kind: "pass" });
    expect(at("/api/v1/stories")).toEqual({ kind: "pass" });
    expect(at("/stories/%6Billed")).toEqual({ kind: "pass" });
    expect(at("/a/../stories/x")).toEqual({ kind: "pass" });
    expect(at("/stories/.hidden")).toEqual({ kind: "pass" });
  });

  it("serves pictures under /media/", () => {
    expect(at("/media/abc123-640.webp")).toEqual({ kind: "media", file: "abc123-640.webp" });
  });

  it("reads the target in origin or absolute form, and tells a decodable path", () => {
    expect(originForm("/a?b")).toBe("/a?b");
    expect(originForm("http://elsewhere.example/stories/a?x=1")).toBe("/stories/a?x=1");
    expect(originForm("*")).toBeNull();
    expect(originForm("elsewhere.example:443")).toBeNull();
    expect(isDecodablePath("/stories/caf%C3%A9")).toBe(true);
    expect(isDecodablePath("/stories/%ff")).toBe(false);
    expect(isDecodablePath("/stories/%")).toBe(false);
  });
});
