import { randomUUID } from "node:crypto";
import Parser from "rss-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { encodeCursor } from "@/lib/pagination";

// Every feed format, for the site and for a tag, read with real parsers; and RFC 5005 archives,
// walked from the subscription document back to the oldest story.

type Format = "rss" | "atom" | "json";
const extension = { rss: "xml", atom: "atom", json: "json" } as const;
const contentType = { rss: "application/rss+xml", atom: "application/atom+xml", json: "application/feed+json" } as const;

type Link = { $: { rel: string; href: string } };
type RssFeed = { atomLinks?: Link[]; "fh:archive"?: unknown };
type AtomFeed = { links?: Link[]; "fh:archive"?: unknown };
// rss-parser reads [from, to, { keepArray }] for feed fields as it does for items (its types only say names).
const rssParser = new Parser<RssFeed, { link: string; pubDate: string; "content:encoded": string }>({
  customFields: { feed: [["atom:link", "atomLinks", { keepArray: true }], "fh:archive"] as unknown as (keyof RssFeed)[], item: ["content:encoded"] },
});
const atomParser = new Parser<AtomFeed, { link: string; pubDate: string; id: string; content: string }>({
  customFields: { feed: [["link", "links", { keepArray: true }], "fh:archive"] as unknown as (keyof AtomFeed)[] },
});

/** One feed document as a reader sees it, whatever the format. */
type FeedDoc = {
  items: { url: string; published: number }[];
  links: Record<string, string | undefined>;
  archived: boolean;
};

type JsonFeed = {
  version: string;
  title: string;
  feed_url: string;
  next_url?: string;
  language: string;
  authors: { name: string }[];
  items: { id: string; url: string; title: string; content_html: string; date_published: string; date_modified: string; tags?: string[] }[];
};

const relations = (links: Link[] = []) => Object.fromEntries(links.map((link) => [link.$.rel, link.$.href]));

async function fetchFeed(url: string, format: Format): Promise<FeedDoc> {
  const response = await fetch(url, { redirect: "manual" });
  expect(response.status, url).toBe(200);
  expect(response.headers.get("content-type")).toBe(`${contentType[format]}; charset=utf-8`);
  const text = await response.text();
  if (format === "json") {
    const feed = JSON.parse(text) as JsonFeed;
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.feed_url).toBe(url);
    expect(feed.authors.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      expect(item.id).toBe(item.url);
      expect(item.content_html.length).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
    }
    return {
      items: feed.items.map((item) => ({ url: item.url, published: Date.parse(item.date_published) })),
      links: { self: feed.feed_url, "prev-archive": feed.next_url },
      archived: false,
    };
  }
  const feed = format === "rss" ? await rssParser.parseString(text) : await atomParser.parseString(text);
  const links = relations(format === "rss" ? (feed as RssFeed).atomLinks : (feed as AtomFeed).links);
  expect(links.self).toBe(url);
  return {
    items: feed.items.map((item) => ({ url: item.link, published: Date.parse(item.pubDate) })),
    links,
    archived: feed["fh:archive"] !== undefined,
  };
}

/** Follows prev-archive (JSON Feed: next_url) from the subscription document, at most `limit` documents. */
async function walk(prefix: string, format: Format, limit = Infinity): Promise<FeedDoc[]> {
  const docs: FeedDoc[] = [];
  let url: string | undefined = `${baseUrl}${prefix}/feed.${extension[format]}`;
  while (url && docs.length < limit) {
    const doc = await fetchFeed(url, format);
    docs.push(doc);
    url = doc.links["prev-archive"];
  }
  return docs;
}

function expectNewestFirstWithoutRepeats(docs: FeedDoc[]) {
  const items = docs.flatMap((doc) => doc.items);
  expect(new Set(items.map((item) => item.url)).size).toBe(items.length);
  const dates = items.map((item) => item.published);
  expect(dates).toEqual([...dates].sort((a, b) => b - a));
}

let writer: TestUser;
let editor: TestUser;
let tagSlug: string;
let stories: ApiStory[];
const TAGGED = 105; // the newest 50, a full archive page of 50, and 5 on a second one

async function publishStory(tag: string, n: number): Promise<ApiStory> {
  const story = await makeStory(writer, {
    headline: unique(`Archive story ${n}`),
    body: `<p>Archived story number ${n}.</p>`,
    tags: [{ name: tag, type: "topic" }],
  });
  const published = await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
  expect(published.status).toBe(200);
  return story;
}

beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser("writer"), makeUser("editor")]);
  const tag = unique("Archivetag");
  // The first makes the tag; the rest go eight at a time.
  stories = [await publishStory(tag, 0)];
  for (let n = 1; n < TAGGED; n += 8) {
    const batch = Array.from({ length: Math.min(8, TAGGED - n) }, (_, i) => publishStory(tag, n + i));
    stories.push(...(await Promise.all(batch)));
  }
  tagSlug = stories[0].tags[0].slug;
}, 120_000);

describe("feed formats", () => {
  it("serves the site's and a tag's feed as RSS, Atom and JSON Feed, each listing the same newest 50", async () => {
    const tagFeeds = await Promise.all((["rss", "atom", "json"] as const).map((format) => fetchFeed(`${baseUrl}/tags/${tagSlug}/feed.${extension[format]}`, format)));
    const [rss, atom, json] = tagFeeds.map((doc) => doc.items.map((item) => item.url));
    expect(rss).toHaveLength(50);
    expect(atom).toEqual(rss);
    expect(json).toEqual(rss);
    expect(rss).toContain(`${baseUrl}/stories/${stories.at(-1)!.slug}`);
    expect(rss).not.toContain(`${baseUrl}/stories/${stories[0].slug}`);
    for (const doc of tagFeeds) {
      expect(doc.archived).toBe(false);
      expect(doc.links["prev-archive"]).toMatch(new RegExp(`^${baseUrl}/tags/${tagSlug}/feed/archive/[A-Za-z0-9_-]+\\.(xml|atom|json)$`));
      expect(doc.links.current).toBeUndefined();
    }
    for (const format of ["rss", "atom", "json"] as const) {
      const site = await fetchFeed(`${baseUrl}/feed.${extension[format]}`, format);
      expect(site.items).toHaveLength(50);
      expect(site.links["prev-archive"]).toMatch(new RegExp(`^${baseUrl}/feed/archive/[A-Za-z0-9_-]+\\.${extension[format]}$`));
    }
  });

  it("gives Atom and JSON Feed items the full text, permalink ids, tags and both dates", async () => {
    const story = stories[stories.length - 1];
    const atomText = (await getPage(`/tags/${tagSlug}/feed.atom`)).text;
    const atom = await atomParser.parseString(atomText);
    const entry = atom.items.find((item) => item.link === `${baseUrl}/stories/${story.slug}`)!;
    expect(entry).toBeTruthy();
    expect(entry.id).toBe(entry.link);
    expect(entry.title).toBe(story.headline);
    expect(entry.content).toContain("Archived story number");
    expect(atomText).toMatch(/<updated>\d{4}-\d{2}-\d{2}T[^<]+<\/updated>/);
    expect(atom.title).toContain("Archivetag");

    const json = JSON.parse((await getPage(`/tags/${tagSlug}/feed.json`)).text) as JsonFeed;
    const item = json.items.find((each) => each.url === `${baseUrl}/stories/${story.slug}`)!;
    expect(item.title).toBe(story.headline);
    expect(item.content_html).toContain("Archived story number");
    expect(item.tags).toEqual([stories[0].tags[0].name]);
    expect(Date.parse(item.date_modified)).toBeGreaterThanOrEqual(Date.parse(item.date_published));
    expect(json.language).toMatch(/^[a-z]{2}/);
  });

  it("is advertised in every format in the <head> of the home, tag and article pages", async () => {
    const article = stories[0];
    const pages = {
      "/": ["/feed"],
      [`/tags/${tagSlug}`]: [`/tags/${tagSlug}/feed`, "/feed"],
      [`/stories/${article.slug}`]: ["/feed", `/tags/${tagSlug}/feed`],
    };
    for (const [path, feeds] of Object.entries(pages)) {
      const html = (await getPage(path)).text;
      for (const feed of feeds) {
        for (const format of ["rss", "atom", "json"] as const) {
          const type = contentType[format].replace("+", "\\+");
          expect(html, `${path} → ${feed}.${extension[format]}`).toMatch(
            new RegExp(`<link rel="alternate" type="${type}"[^>]*href="[^"]*${feed}\\.${extension[format]}"`),
          );
        }
      }
    }
  });
});

describe("feed archives (RFC 5005)", () => {
  it("walks a tag's feed back to its oldest story in every format, each item once, newest first", async () => {
    const expected = new Set(stories.map((story) => `${baseUrl}/stories/${story.slug}`));
    for (const format of ["rss", "atom", "json"] as const) {
      const docs = await walk(`/tags/${tagSlug}`, format);
      expect(docs.map((doc) => doc.items.length)).toEqual([50, 50, 5]);
      expectNewestFirstWithoutRepeats(docs);
      expect(new Set(docs.flatMap((doc) => doc.items.map((item) => item.url)))).toEqual(expected);
      if (format === "json") continue;
      const [current, first, second] = docs;
      expect(current.archived).toBe(false);
      for (const archive of [first, second]) {
        expect(archive.archived).toBe(true);
        expect(archive.links.current).toBe(`${baseUrl}/tags/${tagSlug}/feed.${extension[format]}`);
      }
      // The newest archive page is followed by the subscription document; the next one by the newest.
      expect(first.links["next-archive"]).toBeUndefined();
      expect(second.links["next-archive"]).toBe(current.links["prev-archive"]);
      expect(second.links["prev-archive"]).toBeUndefined();
    }
  });

  it("walks the site's feed back through at least two archive pages, each item once, newest first", async () => {
    for (const format of ["rss", "atom", "json"] as const) {
      const docs = await walk("", format, 3);
      expect(docs).toHaveLength(3);
      expect(docs[1].items).toHaveLength(50);
      expect(docs[2].items.length).toBeGreaterThan(0);
      // Other tests publish and kill meanwhile: new stories land above the walk and never in it.
      expectNewestFirstWithoutRepeats(docs);
    }
  });

  it("answers 404, not an error, for a cursor that is malformed or past the oldest story", async () => {
    const valid = encodeCursor(new Date(), randomUUID());
    const pastTheOldest = encodeCursor(new Date(0), randomUUID());
    const notAUuid = Buffer.from(JSON.stringify([new Date().toISOString(), "x"])).toString("base64url");
    const paths = [
      "/feed/archive/not-a-cursor.xml",
      `/feed/archive/${notAUuid}.atom`,
      `/feed/archive/${pastTheOldest}.json`,
      `/feed/archive/${valid}.html`,
      `/feed/archive/${valid}`,
      `/tags/${tagSlug}/feed/archive/garbage.json`,
      `/tags/${tagSlug}/feed/archive/${pastTheOldest}.xml`,
      `/tags/no-such-tag-${randomUUID()}/feed/archive/${valid}.atom`,
      `/tags/no-such-tag-${randomUUID()}/feed.atom`,
      `/tags/no-such-tag-${randomUUID()}/feed.json`,
    ];
    for (const path of paths) expect((await getPage(path)).status, path).toBe(404);
    expect((await getPage(`/feed/archive/${valid}.atom`)).status).toBe(200);
  });
});
