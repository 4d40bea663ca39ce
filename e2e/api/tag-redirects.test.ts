import Parser from "rss-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { tagBySlug, type ApiTag } from "@/e2e/fixtures/tags";

const parser = new Parser<Record<string, unknown>, { link: string }>();
const { listAuditEntries } = await import("@/lib/audit/list-audit-entries");

let writer: TestUser;
let editor: TestUser;
let admin: TestUser;

beforeAll(async () => {
  [writer, editor, admin] = await Promise.all([makeUser("writer"), makeUser("editor"), makeUser("admin")]);
});

async function publish(story: ApiStory) {
  expect((await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey })).status).toBe(200);
}

async function expectRedirect(path: string, to: string) {
  const response = await getPage(path);
  expect(response.status, `${path} → ${to}`).toBe(301);
  expect(response.headers.get("location")).toMatch(new RegExp(`${to.replace(/[.]/g, "\\.")}$`));
}

const storyTags = async (story: ApiStory) => (await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey })).body.tags;
const feedLinks = async (path: string) => (await parser.parseString((await getPage(path)).text)).items.map((item) => item.link);
const rename = (tag: ApiTag, name: unknown, key = editor.apiKey) =>
  api<ApiTag & { error?: { fields?: Record<string, string[]> } }>("PATCH", `/api/v1/tags/${tag.id}`, { key, body: { name } });
const merge = (tag: ApiTag, into: unknown, key = editor.apiKey) =>
  api<ApiTag & { error?: { fields?: Record<string, string[]> } }>("POST", `/api/v1/tags/${tag.id}/merge`, { key, body: { into } });
const auditActions = async () =>
  (await listAuditEntries({ actor: { id: admin.id, email: admin.email, name: admin.email, role: "admin" }, query: { user: editor.email } })).items;

describe("renaming a tag", () => {
  it("moves its page and feed to a new slug and redirects the old ones there", async () => {
    const oldName = unique("Finance Ministry");
    const story = await makeStory(writer, { tags: [{ name: oldName, type: "organisation" }] });
    await publish(story);
    const tag = await tagBySlug(editor, story.tags[0].slug);
    const newName = unique("Ministry of Finance");

    const renamed = await rename(tag, `  ${newName} `);
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: tag.id, name: newName, type: "organisation" });
    expect(renamed.body.slug).not.toBe(tag.slug);
    expect(renamed.body.slug).toMatch(/^ministry-of-finance-/);

    await expectRedirect(`/tags/${tag.slug}`, `/tags/${renamed.body.slug}`);
    await expectRedirect(`/tags/${tag.slug}/feed.xml`, `/tags/${renamed.body.slug}/feed.xml`);
    const page = await getPage(`/tags/${renamed.body.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(newName);
    expect(page.text).toContain(story.headline);
    expect(await feedLinks(`/tags/${renamed.body.slug}/feed.xml`)).toEqual([`${baseUrl}/stories/${story.slug}`]);

    // The story shows the new name, linking to the new page.
    expect(await storyTags(story)).toEqual([{ name: newName, slug: renamed.body.slug, type: "organisation" }]);
    expect((await getPage(`/stories/${story.slug}`)).text).toContain(`href="/tags/${renamed.body.slug}"`);
    expect((await auditActions()).find((entry) => entry.action === "tag.rename")?.detail).toMatchObject({
      from: { name: oldName, slug: tag.slug },
      to: { name: newName, slug: renamed.body.slug },
    });
  });

  it("keeps the slug for a change of case, and takes a former slug back when renamed back", async () => {
    const name = unique("brics summit");
    const story = await makeStory(writer, { tags: [name] });
    await publish(story);
    const tag = await tagBySlug(editor, story.tags[0].slug);

    const cased = await rename(tag, name.replace("brics summit", "BRICS Summit"));
    expect(cased.body.slug).toBe(tag.slug);
    const away = await rename(tag, unique("BRICS leaders"));
    await expectRedirect(`/tags/${tag.slug}`, `/tags/${away.body.slug}`);
    const back = await rename(tag, name);
    expect(back.body.slug).toBe(tag.slug);
    expect((await getPage(`/tags/${tag.slug}`)).status).toBe(200);
    await expectRedirect(`/tags/${away.body.slug}`, `/tags/${tag.slug}`);
  });

  it("refuses an empty name, a name another tag of the type has (whatever the case), and an unknown tag", async () => {
    const taken = unique("Lok Sabha");
    const [a, b] = [await makeStory(writer, { tags: [taken] }), await makeStory(writer, { tags: [unique("Rajya Sabha")] })];
    const tag = await tagBySlug(editor, b.tags[0].slug);
    const empty = await rename(tag, " ");
    expect(empty.status).toBe(422);
    expect(Object.keys(empty.body.error!.fields!)).toEqual(["name"]);
    const clash = await rename(tag, taken.toUpperCase());
    expect(clash.status).toBe(422);
    expect(clash.body.error!.fields!.name.join(" ")).toMatch(/merge/i);
    expect((await tagBySlug(editor, b.tags[0].slug)).name).toBe(tag.name);
    expect((await tagBySlug(editor, a.tags[0].slug)).name).toBe(taken);
    expect((await api("PATCH", "/api/v1/tags/00000000-0000-4000-8000-000000000000", { key: editor.apiKey, body: { name: "X" } })).status).toBe(404);
    expect((await rename(tag, "Writers may not", writer.apiKey)).status).toBe(403);
  });
});

describe("merging tags", () => {
  it("moves every story to the surviving tag once, and redirects the merged tag's page and feed", async () => {
    const fromName = unique("Narendra Modi");
    const intoName = unique("Modi");
    const only = await makeStory(writer, { tags: [fromName] });
    const both = await makeStory(writer, { tags: [fromName, unique("Elections"), intoName] });
    const other = await makeStory(writer, { tags: [intoName] });
    const draft = await makeStory(writer, { tags: [fromName] });
    for (const story of [only, both, other]) await publish(story);
    const from = await tagBySlug(editor, only.tags[0].slug);
    const into = await tagBySlug(editor, other.tags[0].slug);

    const merged = await merge(from, into.id);
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ id: into.id, name: intoName, slug: into.slug });
    expect(merged.body.aliases).toContain(fromName);

    const intoTag = { name: intoName, slug: into.slug, type: "topic" };
    expect(await storyTags(only)).toEqual([intoTag]);
    expect(await storyTags(draft)).toEqual([intoTag]);
    // No duplicate, and the surviving tag takes the earlier place.
    const bothTags = await storyTags(both);
    expect(bothTags).toHaveLength(2);
    expect(bothTags[0]).toEqual(intoTag);

    await expectRedirect(`/tags/${from.slug}`, `/tags/${into.slug}`);
    await expectRedirect(`/tags/${from.slug}/feed.xml`, `/tags/${into.slug}/feed.xml`);
    const cursor = Buffer.from(JSON.stringify([new Date().toISOString(), other.id])).toString("base64url");
    await expectRedirect(`/tags/${from.slug}/page/${cursor}`, `/tags/${into.slug}/page/${cursor}`);
    const page = await getPage(`/tags/${into.slug}`);
    for (const story of [only, both, other]) expect(page.text).toContain(story.headline);
    expect(page.text).not.toContain(draft.headline);
    expect((await feedLinks(`/tags/${into.slug}/feed.xml`)).sort()).toEqual([only, both, other].map((s) => `${baseUrl}/stories/${s.slug}`).sort());
    expect((await api<{ items: ApiTag[] }>("GET", `/api/v1/tags?q=${from.slug}`, { key: editor.apiKey })).body.items.map((t) => t.slug)).not.toContain(from.slug);
    expect((await tagBySlug(editor, into.slug)).stories).toBe(4);

    const entry = (await auditActions()).find((each) => each.action === "tag.merge");
    expect(entry?.detail).toMatchObject({ from: { name: fromName, slug: from.slug }, into: { name: intoName, slug: into.slug }, stories: 3 });
  });

  it("points the merged tag's former slugs at the survivor, and keeps a new tag of the old name off the old address", async () => {
    const story = await makeStory(writer, { tags: [unique("Reserve Bank")] });
    const survivor = await makeStory(writer, { tags: [unique("RBI")] });
    for (const each of [story, survivor]) await publish(each);
    const from = await tagBySlug(editor, story.tags[0].slug);
    const into = await tagBySlug(editor, survivor.tags[0].slug);
    const renamed = await rename(from, unique("Reserve Bank of India"));

    expect((await merge(renamed.body, into.slug)).status).toBe(200);
    await expectRedirect(`/tags/${from.slug}`, `/tags/${into.slug}`);
    await expectRedirect(`/tags/${renamed.body.slug}`, `/tags/${into.slug}`);

    // Someone tags a story with the merged name again: a new tag, at a new address.
    const again = await makeStory(writer, { tags: [renamed.body.name] });
    await publish(again);
    expect(again.tags[0].slug).not.toBe(renamed.body.slug);
    await expectRedirect(`/tags/${renamed.body.slug}`, `/tags/${into.slug}`);
  });

  it("refuses a merge into itself or into no tag with 422, an unknown tag with 404, and a writer with 403", async () => {
    const story = await makeStory(writer, { tags: [unique("Monsoon")] });
    const tag = await tagBySlug(editor, story.tags[0].slug);
    const self = await merge(tag, tag.id);
    expect(self.status).toBe(422);
    expect(Object.keys(self.body.error!.fields!)).toEqual(["into"]);
    expect((await merge(tag, tag.slug)).status).toBe(422);
    const nowhere = await merge(tag, "no-such-tag-anywhere");
    expect(nowhere.status).toBe(422);
    expect(Object.keys(nowhere.body.error!.fields!)).toEqual(["into"]);
    expect((await merge(tag, "")).status).toBe(422);
    expect((await api("POST", "/api/v1/tags/00000000-0000-4000-8000-000000000000/merge", { key: editor.apiKey, body: { into: tag.id } })).status).toBe(404);
    expect((await merge(tag, tag.id, writer.apiKey)).status).toBe(403);
    expect((await tagBySlug(editor, tag.slug)).stories).toBe(1);
  });
});
