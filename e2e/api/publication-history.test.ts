import { beforeAll, describe, expect, it } from "vitest";
import { api, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { connect, waitUntil } from "@/e2e/fixtures/database";

// Publication history as readers see it: a story taken down and published again keeps its first
// publication time and its place in the lists and feeds; a meaningful update (a correction or
// update note, an editor's "mark as update") is told as "Updated …" and as the modified time.

const { db } = await import("@/lib/db");
const { markStoryUpdatedInTx } = await import("@/lib/stories/mark-updated");
const { recordStoryChange } = await import("@/lib/outbox/reader-change");
const { publishDueStories } = await import("@/lib/stories/publish-due");
const { isAppError } = await import("@/lib/errors");

type Story = ApiStory & { firstPublishedAt: string | null; lastUpdatedAt: string | null; scheduledAt: string | null; updatedAt: string };
type JsonFeed = { items: { url: string; date_published: string; date_modified: string }[] };

let editor: TestUser;
let writer: TestUser;

beforeAll(async () => {
  [editor, writer] = await Promise.all([makeUser("editor"), makeUser("writer")]);
});

const DAY = 86_400_000;
const asActor = (user: TestUser) => ({ id: user.id, email: user.email, name: user.email, role: user.role });
const command = (id: string, verb: string, body?: unknown) => api<Story>("POST", `/api/v1/stories/${id}/${verb}`, { key: editor.apiKey, body });
const read = async (id: string) => (await api<Story>("GET", `/api/v1/stories/${id}`, { key: editor.apiKey })).body;
const jsonLd = (text: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(text)![1]);
const listedSlugs = (text: string) => [...text.matchAll(/<h2[^>]*><a href="\/stories\/([^"]+)"/g)].map((match) => match[1]);

/** Two stories under one new tag: `old` published days ago, `recent` now. */
async function twoStories() {
  const tag = unique("Republished topic");
  const old = await makeStory(editor, { tags: [{ name: tag, type: "topic" }] });
  const daysAgo = new Date(Date.now() - 3 * DAY).toISOString();
  const first = await command(old.id, "publish", { at: daysAgo });
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ status: "published", publishedAt: daysAgo, firstPublishedAt: daysAgo });
  const recent = await makeStory(editor, { tags: [{ name: tag, type: "topic" }] });
  expect((await command(recent.id, "publish")).status).toBe(200);
  return { old: first.body, recent, tagSlug: old.tags[0].slug, daysAgo };
}

/** Waits until the reader page at `path` satisfies `check` (the front's caches hear of changes through NOTIFY). */
async function pageWhere(path: string, check: (page: { status: number; text: string }) => boolean) {
  let page = await getPage(path);
  await waitUntil(async () => check((page = await getPage(path))), 10_000);
  return page;
}

describe("republishing", () => {
  it("keeps the first publication time and place: tag page, tag feed, site feed and the article", async () => {
    const { old, recent, tagSlug, daysAgo } = await twoStories();
    expect((await command(old.id, "unpublish")).status).toBe(200);
    expect((await pageWhere(`/stories/${old.slug}`, (page) => page.status === 404)).status).toBe(404);

    const again = await command(old.id, "publish");
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: "published", publishedAt: daysAgo, firstPublishedAt: daysAgo, lastUpdatedAt: null });

    const tagPage = await pageWhere(`/tags/${tagSlug}`, (page) => listedSlugs(page.text).length === 2);
    expect(listedSlugs(tagPage.text)).toEqual([recent.slug, old.slug]);
    const tagFeed = JSON.parse((await getPage(`/tags/${tagSlug}/feed.json`)).text) as JsonFeed;
    expect(tagFeed.items.map((item) => item.url.replace(/^.*\/stories\//, ""))).toEqual([recent.slug, old.slug]);
    expect(tagFeed.items[1].date_published).toBe(daysAgo);
    // Not re-dated, so not an update either: the feed item's modified time is its publication.
    expect(tagFeed.items[1].date_modified).toBe(daysAgo);

    // On the site's feed it sits below the story published after it (if on the first page at all).
    const siteFeed = JSON.parse((await getPage(`/feed.json`)).text) as JsonFeed;
    const urls = siteFeed.items.map((item) => item.url);
    const at = (slug: string) => urls.findIndex((url) => url.endsWith(`/stories/${slug}`));
    expect(at(recent.slug)).toBeGreaterThanOrEqual(0);
    if (at(old.slug) >= 0) expect(at(old.slug)).toBeGreaterThan(at(recent.slug));

    const article = await pageWhere(`/stories/${old.slug}`, (page) => page.status === 200);
    expect(article.text).toMatch(new RegExp(`data-testid="published-time"><time datetime="${daysAgo}"`));
    expect(article.text).not.toContain('data-testid="updated-time"');
    expect(jsonLd(article.text)).toMatchObject({ datePublished: daysAgo, dateModified: daysAgo });
  });

  it("scheduled to come back, it stays off the site until due and then returns to its first place", async () => {
    const { old, recent, tagSlug, daysAgo } = await twoStories();
    expect((await command(old.id, "unpublish")).status).toBe(200);
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const scheduled = await command(old.id, "publish", { at: inAnHour });
    expect(scheduled.body).toMatchObject({ status: "scheduled", scheduledAt: inAnHour, publishedAt: daysAgo, firstPublishedAt: daysAgo });
    // Its first publication is long past, but it is not live again before its time.
    expect((await pageWhere(`/stories/${old.slug}`, (page) => page.status === 404)).status).toBe(404);
    expect(listedSlugs((await pageWhere(`/tags/${tagSlug}`, (page) => listedSlugs(page.text).length === 1)).text)).toEqual([recent.slug]);

    // Brought due in the database, as time passing would; the scheduler publishes it.
    const client = await connect();
    try {
      await client.query(`UPDATE "Story" SET "scheduledAt" = (now() AT TIME ZONE 'UTC') - interval '1 second' WHERE id = $1`, [old.id]);
    } finally {
      await client.end();
    }
    await publishDueStories();
    expect(await read(old.id)).toMatchObject({ status: "published", publishedAt: daysAgo, firstPublishedAt: daysAgo, scheduledAt: null });
    expect(listedSlugs((await pageWhere(`/tags/${tagSlug}`, (page) => listedSlugs(page.text).length === 2)).text)).toEqual([recent.slug, old.slug]);
  });

  it("a story scheduled and taken down before it was due has no first publication", async () => {
    const story = await makeStory(editor);
    const scheduled = await command(story.id, "publish", { at: new Date(Date.now() + DAY).toISOString() });
    expect(scheduled.body).toMatchObject({ status: "scheduled", firstPublishedAt: null });
    await command(story.id, "unpublish");
    const published = await command(story.id, "publish");
    expect(Date.parse(published.body.publishedAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(published.body.firstPublishedAt).toBe(published.body.publishedAt);
  });
});

describe("updates", () => {
  it("a correction makes the article say Updated, moves dateModified and the feed item, not the story's place", async () => {
    const { old, recent, tagSlug, daysAgo } = await twoStories();
    const note = await api<{ createdAt: string }>("POST", `/api/v1/stories/${old.id}/corrections`, {
      key: editor.apiKey,
      body: { kind: "update", note: "The council has since approved the plan." },
    });
    expect(note.status).toBe(201);
    expect((await read(old.id)).lastUpdatedAt).toBe(note.body.createdAt);

    const article = await pageWhere(`/stories/${old.slug}`, (page) => page.text.includes('data-testid="updated-time"'));
    expect(article.text).toMatch(new RegExp(`data-testid="updated-time">Updated <time datetime="${note.body.createdAt}">\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} [A-Z+0-9]+</time>`));
    expect(jsonLd(article.text)).toMatchObject({ datePublished: daysAgo, dateModified: note.body.createdAt });
    expect(article.text).toContain(`<meta property="article:modified_time" content="${note.body.createdAt}"/>`);

    const tagPage = await pageWhere(`/tags/${tagSlug}`, (page) => page.text.includes('data-testid="list-updated"'));
    expect(listedSlugs(tagPage.text)).toEqual([recent.slug, old.slug]);
    const feed = JSON.parse((await getPage(`/tags/${tagSlug}/feed.json`)).text) as JsonFeed;
    expect(feed.items[1]).toMatchObject({ date_published: daysAgo, date_modified: note.body.createdAt });

    // A silent fix (a plain save) moves neither.
    const current = await read(old.id);
    expect((await api("PATCH", `/api/v1/stories/${old.id}`, { key: editor.apiKey, body: { version: current.version, standfirst: "A typo fixed." } })).status).toBe(200);
    const fixed = await pageWhere(`/stories/${old.slug}`, (page) => page.text.includes("A typo fixed."));
    expect(jsonLd(fixed.text).dateModified).toBe(note.body.createdAt);
  });

  it("mark as update: in the save's transaction, for a story readers have seen, by an editor", async () => {
    const { old } = await twoStories();
    const at = new Date();
    await db.$transaction(async (tx) => {
      await markStoryUpdatedInTx(tx, { actor: asActor(editor), storyId: old.id, at });
      await recordStoryChange(tx, { storyId: old.id, slugs: [old.slug], tagSlugs: [] });
    });
    expect((await read(old.id)).lastUpdatedAt).toBe(at.toISOString());
    const article = await pageWhere(`/stories/${old.slug}`, (page) => page.text.includes('data-testid="updated-time"'));
    expect(jsonLd(article.text).dateModified).toBe(at.toISOString());
    const audit = await db.auditEntry.findMany({ where: { storyId: old.id, action: "story.mark_update" } });
    expect(audit).toHaveLength(1);

    const refusal = async (run: () => Promise<unknown>) => run().then(() => null, (error: unknown) => (isAppError(error) ? error.code : error));
    const draft = await makeStory(editor);
    expect(await refusal(() => db.$transaction((tx) => markStoryUpdatedInTx(tx, { actor: asActor(editor), storyId: draft.id })))).toBe("conflict");
    expect(await refusal(() => db.$transaction((tx) => markStoryUpdatedInTx(tx, { actor: asActor(writer), storyId: old.id })))).toBe("forbidden");
  });
});
