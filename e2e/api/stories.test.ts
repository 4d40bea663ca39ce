import { beforeAll, describe, expect, it } from "vitest";
import { api, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";

let writer: TestUser;
let editor: TestUser;

beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser("writer"), makeUser("editor")]);
});

describe("publishing through the API", () => {
  it("creates a draft, publishes it, and readers then see it on its page, its tag page and the feeds", async () => {
    const tag = unique("Topic");
    const draft = await makeStory(writer, {
      standfirst: "What happened",
      dateline: { location: "Moscow", country: "Russia", date: "2023-12-27" },
      tags: [{ name: tag, type: "topic" }, { name: "Russia", type: "place" }],
    });
    expect(draft.status).toBe("draft");
    expect(draft.version).toBe(1);
    const tagSlug = draft.tags.find((t) => t.name === tag)!.slug;

    expect((await getPage(`/stories/${draft.slug}`)).status).toBe(404);

    const published = await api<ApiStory>("POST", `/api/v1/stories/${draft.id}/publish`, { key: editor.apiKey });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe("published");
    expect(published.body.publishedAt).toBeTruthy();

    const page = await getPage(`/stories/${draft.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(draft.headline);
    expect(page.text).toContain("MOSCOW, Dec 27 –");

    const tagPage = await getPage(`/tags/${tagSlug}`);
    expect(tagPage.status).toBe(200);
    expect(tagPage.text).toContain(`/stories/${draft.slug}`);

    expect((await getPage("/feed.xml")).text).toContain(`/stories/${draft.slug}</link>`);
    expect((await getPage(`/tags/${tagSlug}/feed.xml`)).text).toContain(`/stories/${draft.slug}</link>`);
    expect((await getPage("/")).text).toContain(draft.headline);
  });

  it("takes an unpublished story off its page and the feed", async () => {
    const story = await makeStory(writer);
    await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(200);
    expect((await getPage("/feed.xml")).text).toContain(`/stories/${story.slug}</link>`);

    const unpublished = await api<ApiStory>("POST", `/api/v1/stories/${story.id}/unpublish`, { key: editor.apiKey });
    expect(unpublished.status).toBe(200);
    expect(unpublished.body.status).toBe("unpublished");
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(404);
    expect((await getPage("/feed.xml")).text).not.toContain(`/stories/${story.slug}</link>`);
  });

  it("schedules a story when publish carries a future `at`, and keeps it off the site until then", async () => {
    const story = await makeStory(writer);
    const at = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await api<ApiStory & { scheduledAt: string }>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey, body: { at } });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.status).toBe("scheduled");
    expect(scheduled.body.scheduledAt).toBe(at);
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(404);
  });

  it("keeps an embargoed story off the site even when published", async () => {
    const embargoUntil = new Date(Date.now() + 3_600_000).toISOString();
    const story = await makeStory(writer, { embargoUntil });
    const published = await api<ApiStory & { scheduledAt: string }>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    expect(published.body.status).toBe("scheduled");
    expect(published.body.scheduledAt).toBe(embargoUntil);
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(404);
    expect((await getPage("/feed.xml")).text).not.toContain(`/stories/${story.slug}<`);
  });
});

describe("refusals", () => {
  it("answers a draft's page with the 404 page", async () => {
    const story = await makeStory(writer);
    const page = await getPage(`/stories/${story.slug}`);
    expect(page.status).toBe(404);
    expect(page.text).toContain("We could not find that page");
    expect(page.text).not.toContain(story.headline);
  });

  it("refuses a writer's publish with 403 and leaves the story a draft", async () => {
    const story = await makeStory(writer);
    const response = await api<{ error: { code: string } }>("POST", `/api/v1/stories/${story.id}/publish`, { key: writer.apiKey });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("forbidden");
    const after = await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
    expect(after.body.status).toBe("draft");
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(404);
  });

  it("answers 401 without an API key or with an unknown one", async () => {
    for (const key of [undefined, "dl_not-a-real-key"]) {
      const list = await api<{ error: { code: string } }>("GET", "/api/v1/stories", { key });
      expect(list.status).toBe(401);
      expect(list.body.error.code).toBe("unauthorized");
      const create = await api("POST", "/api/v1/stories", { key, body: { headline: "x", body: "<p>x</p>" } });
      expect(create.status).toBe(401);
    }
  });

  it("answers a bad payload with 422 naming the fields, and writes nothing", async () => {
    const marker = unique("Zebraword");
    const response = await api<{ error: { code: string; fields: Record<string, string[]> } }>("POST", "/api/v1/stories", {
      key: writer.apiKey,
      body: { headline: marker, body: "<script>alert(1)</script>", dateline: { date: "yesterday" }, tags: [{ name: "X", type: "animal" }] },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe("validation_failed");
    expect(Object.keys(response.body.error.fields)).toEqual(expect.arrayContaining(["body", "dateline.date", "tags.0.type"]));
    const search = await api<{ items: ApiStory[] }>("GET", `/api/v1/stories?q=${encodeURIComponent(marker)}`, { key: writer.apiKey });
    expect(search.body.items).toHaveLength(0);
  });

  it("answers malformed JSON with 400", async () => {
    const response = await api<{ error: { code: string } }>("POST", "/api/v1/stories", {
      key: writer.apiKey,
      rawBody: "{ not json",
      headers: { "Content-Type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("bad_request");
  });

  it("refuses a save based on a stale version with 409 and keeps the winner's change", async () => {
    const story = await makeStory(writer);
    const first = await api<ApiStory>("PATCH", `/api/v1/stories/${story.id}`, { key: writer.apiKey, body: { version: story.version, headline: "First save wins" } });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(story.version + 1);
    const second = await api<{ error: { code: string } }>("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: story.version, headline: "Second save loses" } });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("conflict");
    const stored = await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: writer.apiKey });
    expect(stored.body.headline).toBe("First save wins");
  });

  it("answers 404 for an unknown story", async () => {
    expect((await api("GET", "/api/v1/stories/00000000-0000-4000-8000-000000000000", { key: writer.apiKey })).status).toBe(404);
    expect((await api("GET", "/api/v1/stories/not-an-id", { key: writer.apiKey })).status).toBe(404);
  });
});

describe("what readers may not see", () => {
  it("keeps a tag that only drafts use off the site, with its feed", async () => {
    const secret = unique("Merger talks with Acme");
    const draft = await makeStory(writer, { tags: [secret] });
    const slug = draft.tags[0].slug;
    expect((await getPage(`/tags/${slug}`)).status).toBe(404);
    expect((await getPage(`/tags/${slug}/feed.xml`)).status).toBe(404);
    await api("POST", `/api/v1/stories/${draft.id}/publish`, { key: editor.apiKey });
    expect((await getPage(`/tags/${slug}`)).status).toBe(200);
  });

  it("redirects a live story's former slug to its new one, and stops once it is no longer live", async () => {
    const story = await makeStory(writer);
    await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    const current = await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
    const renamed = await api<ApiStory>("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: current.body.version, slug: `${story.slug}-renamed` } });
    expect(renamed.status).toBe(200);
    const old = await getPage(`/stories/${story.slug}`);
    expect(old.status).toBe(301);
    expect(old.headers.get("location")).toMatch(new RegExp(`/stories/${story.slug}-renamed$`));
    expect((await getPage(`/stories/${story.slug}-renamed`)).status).toBe(200);

    await api("POST", `/api/v1/stories/${story.id}/unpublish`, { key: editor.apiKey });
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(404);
    expect((await getPage(`/stories/${story.slug}-renamed`)).status).toBe(404);
  });

  it("escapes a standfirst in the feed, where readers render description as HTML", async () => {
    const story = await makeStory(writer, { standfirst: 'Rates <b onmouseover="x()">rise</b> & fall' });
    await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    const feed = (await getPage("/feed.xml")).text;
    // What a feed reader's XML parser hands on as the description's HTML: the standfirst as text.
    const item = [...feed.matchAll(/<item>[\s\S]*?<\/item>/g)].map(([xml]) => xml).find((xml) => xml.includes(`/stories/${story.slug}<`))!;
    const description = /<description>([^<]*)<\/description>/.exec(item)?.[1] ?? "";
    const html = description.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    expect(html).toBe("Rates &lt;b onmouseover=&quot;x()&quot;&gt;rise&lt;/b&gt; &amp; fall");
  });
});

describe("hostile input", () => {
  it("stores and serves only inert HTML, whatever the body held", async () => {
    const story = await makeStory(writer, {
      body: '<p onmouseover="alert(1)">Safe <a href="javascript:alert(2)">link</a><script>alert(3)</script><img src=x onerror=alert(4)></p><iframe src="https://evil.example"></iframe>',
      headline: unique("<script>alert(5)</script> Headline"),
    });
    expect(story.body).toBe("<p>Safe <a>link</a></p>");
    await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    const page = await getPage(`/stories/${story.slug}`);
    expect(page.status).toBe(200);
    for (const n of [1, 2, 3, 4]) expect(page.text).not.toContain(`alert(${n})`);
    expect(page.text).not.toMatch(/<script>alert|onmouseover|onerror|javascript:/i);
    expect(page.text).toContain("&lt;script&gt;alert(5)&lt;/script&gt; Headline");
  });
});

describe("listing", () => {
  it("pages by cursor, newest change first, and filters by status and tag", async () => {
    const tag = unique("Listing");
    const made: ApiStory[] = [];
    for (let i = 0; i < 3; i++) made.push(await makeStory(writer, { tags: [tag] }));
    const tagSlug = made[0].tags[0].slug;

    const first = await api<{ items: ApiStory[]; nextCursor: string }>("GET", `/api/v1/stories?tag=${tagSlug}&limit=2`, { key: writer.apiKey });
    expect(first.status).toBe(200);
    expect(first.body.items.map((s) => s.id)).toEqual([made[2].id, made[1].id]);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await api<{ items: ApiStory[]; nextCursor: string | null }>("GET", `/api/v1/stories?tag=${tagSlug}&limit=2&cursor=${first.body.nextCursor}`, { key: writer.apiKey });
    expect(second.body.items.map((s) => s.id)).toEqual([made[0].id]);
    expect(second.body.nextCursor).toBeNull();

    const drafts = await api<{ items: ApiStory[] }>("GET", `/api/v1/stories?tag=${tagSlug}&status=published`, { key: writer.apiKey });
    expect(drafts.body.items).toHaveLength(0);

    const bad = await api<{ error: { fields: Record<string, string[]> } }>("GET", "/api/v1/stories?status=live&cursor=xyz", { key: writer.apiKey });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toContain("status");
  });

  it("finds stories by words of the headline, as prefixes", async () => {
    const word = `Quokka${Date.now()}`;
    const story = await makeStory(writer, { headline: `A ${word} visits the capital` });
    const found = await api<{ items: ApiStory[] }>("GET", `/api/v1/stories?q=${word.slice(0, 9).toLowerCase()}`, { key: writer.apiKey });
    expect(found.body.items.map((s) => s.id)).toContain(story.id);
  });

  it("reuses an existing tag by name, case-insensitively, and gives new tags unique slugs", async () => {
    const name = unique("Shared Tag");
    const a = await makeStory(writer, { tags: [{ name, type: "organisation" }] });
    const b = await makeStory(writer, { tags: [name.toUpperCase()] });
    expect(b.tags[0]).toEqual(a.tags[0]);
    expect(a.tags[0].type).toBe("organisation");
  });
});
