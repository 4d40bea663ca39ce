import Parser from "rss-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";

type Correction = { id: string; kind: string; note: string; createdAt: string; author: { id: string; name: string } };
type StoryWithCorrections = ApiStory & { updatedAt: string; lastUpdatedAt: string | null; corrections: Correction[] };
type Item = { link: string; guid: string; pubDate: string; "content:encoded": string };
const parser = new Parser<Record<string, unknown>, Item>({ customFields: { item: ["content:encoded"] } });

const { listAuditEntries } = await import("@/lib/audit/list-audit-entries");

let writer: TestUser;
let editor: TestUser;
let admin: TestUser;

beforeAll(async () => {
  [writer, editor, admin] = await Promise.all([makeUser("writer"), makeUser("editor"), makeUser("admin")]);
});

async function liveStory(overrides: Record<string, unknown> = {}) {
  const story = await makeStory(writer, overrides);
  const published = await api<StoryWithCorrections>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
  expect(published.status).toBe(200);
  return published.body;
}

const correct = (id: string, body: unknown, key = editor.apiKey) => api<Correction & { error?: { fields?: Record<string, string[]> } }>("POST", `/api/v1/stories/${id}/corrections`, { key, body });

describe("corrections and updates", () => {
  it("adds a dated note that readers see at the foot of the article, and moves its modified time", async () => {
    const story = await liveStory();
    const before = await getPage(`/stories/${story.slug}`);
    expect(before.text).not.toContain("Corrections and updates");

    const note = `An earlier version of this story misstated the vote count. ${unique("It was 212 to 190.")}`;
    const added = await correct(story.id, { kind: "correction", note: `  ${note}\n` });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: "correction", note, author: { id: editor.id } });
    expect(Date.parse(added.body.createdAt)).not.toBeNaN();

    const after = await api<StoryWithCorrections>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
    expect(after.body.version).toBe(story.version + 1);
    expect(Date.parse(after.body.updatedAt)).toBeGreaterThan(Date.parse(story.updatedAt));
    expect(after.body.corrections).toEqual([added.body]);
    // The version moved: a save based on the copy before the note is refused, not silently applied.
    expect((await api("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: story.version, headline: "Stale" } })).status).toBe(409);

    const page = await getPage(`/stories/${story.slug}`);
    expect(page.status).toBe(200);
    const foot = page.text.slice(page.text.indexOf("Corrections and updates"));
    expect(foot).toContain("Correction");
    expect(foot).toContain(note);
    expect(foot).toMatch(new RegExp(`<time datetime="${added.body.createdAt}"`, "i"));
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.text)![1]);
    // The note is the story's last meaningful update: its modified time, and the article says so.
    expect(after.body.lastUpdatedAt).toBe(added.body.createdAt);
    expect(jsonLd.dateModified).toBe(added.body.createdAt);
    expect(jsonLd.datePublished).toBe(story.publishedAt);
    // Link previews (crawlers get the metadata in the document head).
    const preview = await (await fetch(`${baseUrl}/stories/${story.slug}`, { headers: { "User-Agent": "facebookexternalhit/1.1" } })).text();
    expect(preview).toContain(`<meta property="article:modified_time" content="${added.body.createdAt}"/>`);

    const log = await listAuditEntries({ actor: { id: admin.id, email: admin.email, name: admin.email, role: "admin" }, query: { story: story.id } });
    expect(log.items[0]).toMatchObject({ action: "story.correct", actor: { email: editor.email } });
  });

  it("shows each note as text, labelled and in order, in the article and in its feed item", async () => {
    const story = await liveStory();
    const feedBefore = await parser.parseString((await getPage("/feed.xml")).text);
    const itemBefore = feedBefore.items.find((item) => item.link === `${baseUrl}/stories/${story.slug}`)!;
    expect(itemBefore["content:encoded"]).not.toContain("Corrections and updates");

    expect((await correct(story.id, { kind: "correction", note: 'The minister is <b>Ana</b> <script>alert("x")</script>, not Ann.' })).status).toBe(201);
    expect((await correct(story.id, { kind: "update", note: "The bill passed on Friday.\nIt takes effect in May." })).status).toBe(201);

    const page = await getPage(`/stories/${story.slug}`);
    expect(page.text).not.toContain('<script>alert("x")</script>');
    expect(page.text).toContain("&lt;b&gt;Ana&lt;/b&gt; &lt;script&gt;");
    const foot = page.text.slice(page.text.indexOf("Corrections and updates"));
    expect(foot.indexOf(">Correction<")).toBeGreaterThan(0);
    expect(foot.indexOf(">Update<")).toBeGreaterThan(foot.indexOf(">Correction<"));

    const feed = await parser.parseString((await getPage("/feed.xml")).text);
    const item = feed.items.find((each) => each.link === `${baseUrl}/stories/${story.slug}`)!;
    expect(item.guid).toBe(itemBefore.guid);
    expect(item.pubDate).toBe(itemBefore.pubDate);
    const content = item["content:encoded"];
    expect(content).toContain("<h3>Corrections and updates</h3>");
    expect(content).toContain("The minister is &lt;b&gt;Ana&lt;/b&gt; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;, not Ann.");
    expect(content).not.toContain("<script>");
    expect(content).toContain("<strong>Update</strong>");
    expect(content).toContain("The bill passed on Friday.<br>It takes effect in May.");
  });

  it("refuses an empty or overlong note and an unknown kind with 422 naming the fields", async () => {
    const story = await liveStory();
    const empty = await correct(story.id, { kind: "correction", note: "   " });
    expect(empty.status).toBe(422);
    expect(Object.keys(empty.body.error!.fields!)).toEqual(["note"]);
    const long = await correct(story.id, { kind: "update", note: "x".repeat(2001) });
    expect(long.status).toBe(422);
    expect(long.body.error!.fields!.note).toBeTruthy();
    const kind = await correct(story.id, { kind: "erratum", note: "Fine." });
    expect(kind.status).toBe(422);
    expect(Object.keys(kind.body.error!.fields!)).toEqual(["kind"]);
    expect((await api<StoryWithCorrections>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey })).body.corrections).toEqual([]);
  });

  it("has nothing to correct before a story is published, refuses a killed one, and answers 404 for no story", async () => {
    const draft = await makeStory(writer);
    const refused = await correct(draft.id, { kind: "correction", note: "Too soon." });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toMatch(/nothing to correct yet/i);

    const scheduled = await makeStory(writer);
    await api("POST", `/api/v1/stories/${scheduled.id}/publish`, { key: editor.apiKey, body: { at: new Date(Date.now() + 3_600_000).toISOString() } });
    expect((await correct(scheduled.id, { kind: "update", note: "Not out yet." })).status).toBe(409);

    const killed = await liveStory();
    await api("POST", `/api/v1/stories/${killed.id}/kill`, { key: editor.apiKey });
    expect((await correct(killed.id, { kind: "correction", note: "Too late." })).status).toBe(409);

    // Once published and since taken down, readers may have seen it: the record can be corrected.
    const unpublished = await liveStory();
    await api("POST", `/api/v1/stories/${unpublished.id}/unpublish`, { key: editor.apiKey });
    expect((await correct(unpublished.id, { kind: "correction", note: "For the record." })).status).toBe(201);

    expect((await correct("00000000-0000-4000-8000-000000000000", { kind: "correction", note: "Nobody." })).status).toBe(404);
  });

  it("is the desk's: a writer is refused and nothing is added", async () => {
    const story = await liveStory();
    expect((await correct(story.id, { kind: "correction", note: "Writer's note." }, writer.apiKey)).status).toBe(403);
    expect((await correct(story.id, { kind: "correction", note: "Anonymous note." }, "")).status).toBe(401);
    expect((await correct(story.id, { kind: "update", note: "Admin's note." }, admin.apiKey)).status).toBe(201);
    const stored = await api<StoryWithCorrections>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
    expect(stored.body.corrections.map((c) => c.note)).toEqual(["Admin's note."]);
  });
});
