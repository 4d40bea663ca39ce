import { beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";

// Reader pagination by keyset cursor: "Older stories →" (rel=next) and "← Newer stories"
// (rel=prev), as links on the page and in its <head>, walked both ways through one tag.

const PAGE_SIZE = 20; // READER_PAGE_SIZE
const TAGGED = 2 * PAGE_SIZE + 5; // two full pages and five stories on a third

type ReaderPage = { path: string; slugs: string[]; prev: string | null; next: string | null; headPrev: string | null; headNext: string | null };

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
const unescapeHtml = (text: string) => text.replaceAll("&amp;", "&");

/** The href of the first `<element … rel="rel" …>` in the html, or null. */
function relHref(html: string, element: "a" | "link", rel: string): string | null {
  const tag = html.match(new RegExp(`<${element}\\s[^>]*\\brel="${rel}"[^>]*>`))?.[0];
  const href = tag ? attribute(tag, "href") : null;
  return href === null ? null : unescapeHtml(href);
}

/** An href as an absolute URL, so that the home page's "http://host" and "/" compare equal. */
const resolved = (href: string | null) => (href === null ? null : new URL(href, baseUrl).href);

async function readerPage(path: string): Promise<ReaderPage> {
  const { status, text } = await getPage(path);
  expect(status, path).toBe(200);
  const list = text.match(/<ol[^>]*data-testid="story-list"[^>]*>([\s\S]*?)<\/ol>/)?.[1] ?? "";
  const slugs = [...list.matchAll(/href="\/stories\/([^"]+)"/g)].map((match) => match[1]);
  const head = text.slice(0, text.indexOf("</head>"));
  return {
    path,
    slugs,
    prev: relHref(text, "a", "prev"),
    next: relHref(text, "a", "next"),
    headPrev: relHref(head, "link", "prev"),
    headNext: relHref(head, "link", "next"),
  };
}

let writer: TestUser;
let editor: TestUser;
let tagSlug: string;
/** The tag's stories as a reader should see them: newest first. */
let newestFirst: string[];

beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser("writer"), makeUser("editor")]);
  const tag = unique("Pagetag");
  const published: { slug: string; id: string; publishedAt: string }[] = [];
  for (let n = 0; n < TAGGED; n++) {
    const story = await makeStory(writer, { headline: unique(`Paged story ${n}`), tags: [{ name: tag, type: "topic" }] });
    const { status, body } = await api<ApiStory>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    expect(status).toBe(200);
    published.push({ slug: body.slug, id: body.id, publishedAt: body.publishedAt! });
    tagSlug = story.tags[0].slug;
  }
  // The lists' order: publication time, then id, both descending.
  published.sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  newestFirst = published.map((story) => story.slug);
}, 120_000);

describe("tag pages", () => {
  it("walk forward by rel=next to the oldest story and back by rel=prev to the tag page, newest first, each story once", async () => {
    const first = `/tags/${tagSlug}`;
    const forward = [await readerPage(first)];
    while (forward.at(-1)!.next) forward.push(await readerPage(forward.at(-1)!.next!));

    expect(forward.map((page) => page.slugs.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 5]);
    expect(forward.flatMap((page) => page.slugs)).toEqual(newestFirst);
    expect(forward[0].prev).toBeNull();
    expect(forward[0].headPrev).toBeNull();
    for (const [index, page] of forward.entries()) {
      expect(page.path).toMatch(index === 0 ? /^\/tags\/[^/]+$/ : new RegExp(`^/tags/${tagSlug}/page/[A-Za-z0-9_-]+$`));
      // The same neighbours in the <head>, as absolute URLs.
      expect(page.headNext).toBe(page.next ? `${baseUrl}${page.next}` : null);
      expect(page.headPrev).toBe(page.prev ? `${baseUrl}${page.prev}` : null);
    }
    expect(forward[1].prev).toBe(first);

    // Back from the oldest page: each rel=prev lands on the page the walk forward saw before it.
    const backward = [forward.at(-1)!];
    while (backward.at(-1)!.prev) backward.push(await readerPage(backward.at(-1)!.prev!));
    expect(backward.map((page) => page.path)).toEqual(forward.map((page) => page.path).reverse());
    expect(backward.map((page) => page.slugs)).toEqual(forward.map((page) => page.slugs).reverse());
  });

  it("answer a malformed cursor, or one past the oldest story, with a 404 page", async () => {
    for (const path of [`/tags/${tagSlug}/page/not-a-cursor`, `/tags/${tagSlug}/page/${"A".repeat(40)}`, "/page/not-a-cursor", "/page/%E2%9C%93"]) {
      const { status, text } = await getPage(path);
      expect(status, path).toBe(404);
      expect(text, path).toContain("<html");
    }
    // A well-formed cursor below the tag's oldest story: an empty page, so none.
    const oldest = await readerPage((await readerPage((await readerPage(`/tags/${tagSlug}`)).next!)).next!);
    const beyond = Buffer.from(JSON.stringify(["2000-01-01T00:00:00.000Z", "00000000-0000-4000-8000-000000000000"])).toString("base64url");
    expect(oldest.next).toBeNull();
    expect((await getPage(`/tags/${tagSlug}/page/${beyond}`)).status).toBe(404);
  });
});

describe("the home page", () => {
  it("links to older stories, whose page links back to newer ones, on the page and in the <head>", async () => {
    const home = await readerPage("/");
    expect(home.prev).toBeNull();
    expect(home.next).toMatch(/^\/page\/[A-Za-z0-9_-]+$/);
    expect(home.headNext).toBe(`${baseUrl}${home.next}`);
    const older = await readerPage(home.next!);
    expect(older.slugs).toHaveLength(PAGE_SIZE);
    expect(older.slugs.some((slug) => home.slugs.includes(slug))).toBe(false);
    // "/" unless other tests published more than a page of stories in between.
    expect(older.prev).toMatch(/^\/(page\/[A-Za-z0-9_-]+)?$/);
    expect(older.headPrev).toMatch(new RegExp(`^${baseUrl}`));
    expect(resolved(older.headPrev)).toBe(resolved(older.prev));
  });
});
