import { beforeAll, describe, expect, it } from "vitest";
import { api, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";

// Issue 10, finding 8: inputs that answered 500. Each is now refused with 422 naming the field, or
// for a reader's query string a normal page or a 404; never a 5xx.

type Failure = { error: { code: string; message: string; fields?: Record<string, string[]> } };

let writer: TestUser;
let editor: TestUser;
let published: ApiStory;

/** A keyset cursor as the app writes one (base64url JSON of [instant, id]), for any instant text. */
const cursorFor = (instant: string, id = "00000000-0000-4000-8000-000000000000") => Buffer.from(JSON.stringify([instant, id])).toString("base64url");
const YEAR_275760 = cursorFor(new Date(8.64e15).toISOString());
const YEAR_0 = cursorFor("0000-01-01T00:00:00.000Z");

beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser("writer"), makeUser("editor")]);
  published = await makeStory(writer, { headline: unique("Hostile input target"), tags: [{ name: unique("Hostiletag"), type: "topic" }] });
  expect((await api("POST", `/api/v1/stories/${published.id}/publish`, { key: editor.apiKey })).status).toBe(200);
});

const fieldsOf = (body: unknown) => Object.keys((body as Failure).error?.fields ?? {});

describe("story fields", () => {
  it('answers "headline": "a\\u0000b" with 422 naming the headline (NUL is no text), and stores nothing', async () => {
    const headline = unique("Nul headline");
    const response = await api<Failure>("POST", "/api/v1/stories", { key: writer.apiKey, rawBody: `{"headline":"${headline}\\u0000b","body":"<p>x</p>"}`, headers: { "Content-Type": "application/json" } });
    expect(response.status).toBe(422);
    expect(fieldsOf(response.body)).toEqual(["headline"]);
    expect((await api<{ items: unknown[] }>("GET", `/api/v1/stories?q=${encodeURIComponent(headline)}`, { key: writer.apiKey })).body.items).toHaveLength(0);
    // In a PATCH too, and in the body.
    const patch = await api<Failure>("PATCH", `/api/v1/stories/${published.id}`, { key: editor.apiKey, rawBody: `{"version":${published.version + 1},"body":"<p>a\\u0000b</p>"}`, headers: { "Content-Type": "application/json" } });
    expect(patch.status).toBe(422);
    expect(fieldsOf(patch.body)).toEqual(["body"]);
  });

  it('answers a lone surrogate ("\\ud800") with 422 naming the headline; beside other text it is removed', async () => {
    const alone = await api<Failure>("POST", "/api/v1/stories", { key: writer.apiKey, rawBody: `{"headline":"\\ud800","body":"<p>x</p>"}`, headers: { "Content-Type": "application/json" } });
    expect(alone.status).toBe(422);
    expect(fieldsOf(alone.body)).toEqual(["headline"]);
    const beside = await api<ApiStory>("POST", "/api/v1/stories", {
      key: writer.apiKey,
      rawBody: `{"headline":"Lone \\udfff surrogate \\ud800","body":"<p>x\\ud800y</p>","tags":["T\\udc00ag"]}`,
      headers: { "Content-Type": "application/json" },
    });
    expect(beside.status).toBe(201);
    expect(beside.body.headline).toBe("Lone  surrogate");
    expect(beside.body.body).toBe("<p>xy</p>");
    expect(beside.body.tags[0].name).toBe("Tag");
  });

  it("answers a 0000-01-01 dateline date (and a year-0 embargo) with 422 naming the field", async () => {
    const dateline = await api<Failure>("POST", "/api/v1/stories", { key: writer.apiKey, body: { headline: "Year zero", body: "<p>x</p>", dateline: { location: "Rome", date: "0000-01-01" } } });
    expect(dateline.status).toBe(422);
    expect(fieldsOf(dateline.body)).toEqual(["dateline.date"]);
    const embargo = await api<Failure>("PATCH", `/api/v1/stories/${published.id}`, { key: editor.apiKey, body: { version: published.version + 1, embargoUntil: "0000-01-01T00:00:00Z" } });
    expect(embargo.status).toBe(422);
    expect(fieldsOf(embargo.body)).toEqual(["embargoUntil"]);
    const at = await api<Failure>("POST", `/api/v1/stories/${published.id}/publish`, { key: editor.apiKey, body: { at: "0000-01-01T00:00:00Z" } });
    expect(at.status).toBe(422);
    expect(fieldsOf(at.body)).toEqual(["at"]);
  });
});

describe("query strings", () => {
  it("answers a cursor for year 275760 (or year 0) with 422 naming the cursor in the API", async () => {
    for (const cursor of [YEAR_275760, YEAR_0]) {
      const stories = await api<Failure>("GET", `/api/v1/stories?cursor=${cursor}`, { key: writer.apiKey });
      expect(stories.status).toBe(422);
      expect(fieldsOf(stories.body)).toEqual(["cursor"]);
    }
  });

  it("answers such a cursor with a 404 on reader pages and feed archives", async () => {
    const tag = published.tags[0].slug;
    for (const cursor of [YEAR_275760, YEAR_0]) {
      for (const path of [`/page/${cursor}`, `/tags/${tag}/page/${cursor}`, `/feed/archive/${cursor}.xml`, `/feed/archive/${cursor}.atom`, `/feed/archive/${cursor}.json`, `/tags/${tag}/feed/archive/${cursor}.xml`]) {
        expect((await getPage(path)).status, path).toBe(404);
      }
      // A search results cursor out of range shows the first page again, as any stale one does.
      const search = await getPage(`/search?q=hostile&cursor=${Buffer.from(JSON.stringify([1e300, "00000000-0000-4000-8000-000000000000"])).toString("base64url")}`);
      expect(search.status).toBe(200);
    }
  });

  it("answers ?tag=%00 and ?q=%00 with 422 naming the filter in the API", async () => {
    for (const [path, field] of [
      ["/api/v1/stories?tag=%00", "tag"],
      ["/api/v1/stories?q=%00", "q"],
      ["/api/v1/tags?q=%00", "q"],
      ["/api/v1/tags?cursor=%00", "cursor"],
      ["/api/v1/stories?author=%00", "author"],
    ] as const) {
      const response = await api<Failure>("GET", path, { key: writer.apiKey });
      expect(response.status, path).toBe(422);
      expect(fieldsOf(response.body), path).toEqual([field]);
    }
  });

  it("answers NUL in a reader's query or path with a normal page or a 404, never a 5xx", async () => {
    const search = await getPage("/search?q=%00");
    expect(search.status).toBe(200);
    expect(search.text).toContain("Search");
    for (const path of ["/search?q=a%00b&cursor=%00", "/?tag=%00", "/tags/%00", "/tags/%00/feed.xml", "/tags/%00/feed.atom", "/tags/%00/feed.json", "/stories/%00", "/tags/x/feed/archive/%00.xml", "/sitemaps/%00.xml"]) {
      const { status } = await getPage(path);
      expect(status, path).toBeLessThan(500);
      expect([200, 404, 301, 308], path).toContain(status);
    }
  });
});
