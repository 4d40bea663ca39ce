import http from "node:http";
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";

// What the front answers where there is no story, and how it answers conditional and encoded
// requests: the smaller findings of the hardening review (issue 10, finding 8).

const secondUrl = process.env.DATELINE_SECOND_URL;
const { db } = await import("@/lib/db");

/** Moves a story's last change into the past, behind the app's back, before any page of it is made. */
const changedAt = (id: string, at: string) => db.story.update({ where: { id }, data: { updatedAt: new Date(at) } });

let editor: TestUser;

beforeAll(async () => {
  editor = await makeUser("editor");
});

async function liveStory(overrides: Record<string, unknown> = {}) {
  const story = await makeStory(editor, { tags: [unique("Answers")], ...overrides });
  const published = await api<ApiStory>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
  expect(published.status).toBe(200);
  return published.body;
}

const fresh = () => `nothing-here-${randomBytes(5).toString("hex")}`;

/** A GET with exactly these headers (fetch would add Accept-Encoding of its own). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("addresses with nothing at them", () => {
  it("answer 404 with the site's masthead and no script, for stories, tags, older pages and any other address", async () => {
    for (const path of [`/stories/${fresh()}`, `/tags/${fresh()}`, `/tags/${fresh()}/page/${fresh()}`, `/page/${fresh()}`, `/${fresh()}`, `/a/${fresh()}/b`]) {
      const first = await getPage(path);
      expect(first.status, path).toBe(404);
      expect(first.text, path).toContain("We could not find that page");
      // The site's frame: masthead with the site's name and navigation, and its footer.
      expect(first.text, path).toMatch(/<header[^>]*>[\s\S]*<nav aria-label="Site"/);
      expect(first.text, path).toContain("RSS feed</a>");
      expect(first.text, path).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
      const again = await getPage(path);
      expect(again.status).toBe(404);
      expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
    }
  });

  it("stops answering 404 the moment a story takes the address", async () => {
    const slug = fresh();
    expect((await getPage(`/stories/${slug}`)).status).toBe(404);
    expect((await getPage(`/stories/${slug}`)).status).toBe(404);
    const story = await liveStory({ slug });
    expect(story.slug).toBe(slug);
    const page = await getPage(`/stories/${slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(story.headline);
  });

  it("answers a tag that only drafts use exactly as a tag that does not exist", async () => {
    const draftOnly = await makeStory(editor, { tags: [unique("Secret merger")] });
    const secret = draftOnly.tags[0].slug;
    const unknown = `${secret}-x`;
    const [a, b] = [await getPage(`/tags/${secret}`), await getPage(`/tags/${unknown}`)];
    expect([a.status, b.status]).toEqual([404, 404]);
    expect(a.text).toBe(b.text);
    const names = (headers: Headers) => [...headers.keys()].filter((name) => name !== "date").sort();
    expect(names(a.headers)).toEqual(names(b.headers));
    expect(a.headers.get("etag")).toBe(b.headers.get("etag"));
  });

  it("never serves the reader layout or the front's pages to a client, however the address is spelled", async () => {
    for (const path of ["/reader-shell", "/./reader-shell", "/%72eader-shell", "/reader-shell/", "//reader-shell", "/reader-shell/gone", "/reader-shell/not-found", "/reader-shell/unavailable", "/x/../reader-shell"]) {
      const page = await rawGet(`${baseUrl}${path}`, { "x-dateline-front-token": "guess" });
      // Not found, or Next's redirect to the spelling without a trailing slash (which is not found).
      expect([404, 308], path).toContain(page.status);
      expect(page.body.toString(), path).not.toContain("data-page-slot");
      if (page.status === 404) expect(page.body.toString(), path).toContain("We could not find that page");
    }
  });
});

describe("conditional and encoded requests", () => {
  it("sends gzip only to a client that accepts it, weights included", async () => {
    const story = await liveStory();
    const url = `${baseUrl}/stories/${story.slug}`;
    const encoding = async (acceptEncoding: string) => (await rawGet(url, { "accept-encoding": acceptEncoding })).headers["content-encoding"] ?? "identity";
    expect(await encoding("gzip")).toBe("gzip");
    expect(await encoding("gzip, deflate, br")).toBe("gzip");
    expect(await encoding("gzip;q=0")).toBe("identity");
    expect(await encoding("gzip;q=0, deflate")).toBe("identity");
    expect(await encoding("*;q=0.5")).toBe("gzip");
    expect(await encoding("br;q=1, gzip;q=0.1")).toBe("gzip");
    expect(await encoding("identity")).toBe("identity");
  });

  it("answers If-None-Match: * with 304 for a page that exists, and not for one that does not", async () => {
    const story = await liveStory();
    expect((await rawGet(`${baseUrl}/stories/${story.slug}`, { "if-none-match": "*" })).status).toBe(304);
    expect((await rawGet(`${baseUrl}/stories/${fresh()}`, { "if-none-match": "*" })).status).toBe(404);
  });

  it("gives an article the story's own modification time as Last-Modified: plain and gzip, every request, every instance", async () => {
    const story = await liveStory();
    await changedAt(story.id, "2026-03-04T05:06:07Z");
    const expected = "Wed, 04 Mar 2026 05:06:07 GMT";
    const urls = [baseUrl, ...(secondUrl ? [secondUrl] : [])];
    for (const origin of urls) {
      for (const acceptEncoding of ["gzip", "identity", "gzip", "identity"]) {
        const page = await rawGet(`${origin}/stories/${story.slug}`, { "accept-encoding": acceptEncoding });
        expect(page.headers["last-modified"], `${origin} ${acceptEncoding}`).toBe(expected);
      }
    }
    // A client holding that copy is told it is current.
    expect((await rawGet(`${baseUrl}/stories/${story.slug}`, { "if-modified-since": expected })).status).toBe(304);
  });

  it("gives a list its newest story's change as Last-Modified", async () => {
    const tag = unique("Modified list");
    const older = await liveStory({ tags: [tag] });
    const newer = await liveStory({ tags: [tag] });
    // The older story was edited last.
    await changedAt(newer.id, "2026-02-01T10:00:00Z");
    await changedAt(older.id, "2026-02-02T10:00:00Z");
    const page = await getPage(`/tags/${newer.tags[0].slug}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("last-modified")).toBe("Mon, 02 Feb 2026 10:00:00 GMT");
  });
});

describe("the site's small files", () => {
  it("robots.txt refuses the newsroom first, with no blanket Allow a first-match parser would read as allowing it", async () => {
    const robots = await getPage("/robots.txt");
    const rules = robots.text.split("\n").filter((line) => /^(Allow|Disallow):/.test(line));
    expect(rules).toEqual(["Disallow: /admin", "Disallow: /api/", "Disallow: /login"]);
  });

  it("has a favicon at /favicon.ico, kept like any asset", async () => {
    const icon = await rawGet(`${baseUrl}/favicon.ico`, {});
    expect(icon.status).toBe(200);
    expect(icon.headers["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    // An ICO file starts with reserved 0 and type 1.
    expect([...icon.body.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(icon.headers.etag).toBeTruthy();
  });

  it("describes the home page for search engines and link previews", async () => {
    const home = await getPage("/");
    expect(home.text).toMatch(/<meta name="description" content="The latest stories from [^"]+"\/>/);
  });
});
