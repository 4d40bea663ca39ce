import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { buildAtom } from "@/lib/feeds/build-atom";
import type { ReaderStory } from "@/lib/reader/reader-story";

process.env.DATABASE_URL ??= "postgresql://unused@localhost/unused";

const story = (slug: string, overrides: Partial<ReaderStory> = {}): ReaderStory => ({
  id: "00000000-0000-4000-8000-000000000001",
  slug,
  headline: `Headline ${slug}`,
  standfirst: "",
  metaDescription: "",
  socialHeadline: "",
  body: "<p>Body</p>",
  byline: null,
  agency: null,
  credits: null,
  dateline: { location: null, country: null, date: null },
  publishedAt: "2026-03-03T10:00:00.000Z",
  lastUpdatedAt: "2026-03-04T11:00:00.000Z",
  updatedAt: "2026-03-04T11:00:00.000Z",
  tags: [],
  corrections: [],
  leadImage: null,
  pictures: {},
  ...overrides,
});

type Link = { $: { rel: string; href: string } };
type AtomFeed = { links: Link[]; "fh:archive"?: unknown; lastBuildDate?: string };
type AtomEntry = { id: string; author?: string; terms: { $: { term: string } }[] };
// rss-parser reads [from, to, { keepArray }] for feed fields as it does for items (its types only say names).
const parser = new Parser<AtomFeed, AtomEntry>({
  customFields: { feed: [["link", "links", { keepArray: true }], "fh:archive"] as unknown as (keyof AtomFeed)[], item: [["category", "terms", { keepArray: true }]] },
});
const rel = (links: Link[], name: string) => links.filter((link) => link.$.rel === name).map((link) => link.$.href);

describe("buildAtom", () => {
  it("keeps hostile text as text: a headline with markup, CDATA ends and control characters", async () => {
    const headline = 'X]]></title><link href="https://evil.example/"/><title>AT&T <b>up</b>\u0001';
    const xml = buildAtom({
      title: "Site <&>",
      description: "d",
      path: "/",
      selfPath: "/feed.atom",
      stories: [story("hostile", { headline, standfirst: "Plain <i>text</i>", byline: "A </name> B", tags: [{ name: 'T"ag <x>', slug: "tag", type: "topic" }] })],
    });
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe("Site <&>");
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item.title).toBe('X]]></title><link href="https://evil.example/"/><title>AT&T <b>up</b>');
    expect(item.link).toMatch(/\/stories\/hostile$/);
    expect(item.author).toBe("A </name> B");
    expect(item.summary).toBe("Plain <i>text</i>");
    expect(item.terms.map((category) => category.$.term)).toEqual(['T"ag <x>']);
    expect(item.content).toBe("<p>Body</p>");
  });

  it("has permalink ids, published and updated dates, and the site as author of entries without a byline", async () => {
    const xml = buildAtom({ title: "Site", description: "d", path: "/", selfPath: "/feed.atom", stories: [story("one"), story("two", { byline: "Jane" })] });
    const feed = await parser.parseString(xml);
    expect(feed.items.map((item) => item.id)).toEqual(feed.items.map((item) => item.link));
    expect(xml).toContain("<published>2026-03-03T10:00:00.000Z</published>");
    expect(xml).toContain("<updated>2026-03-04T11:00:00.000Z</updated>");
    expect(feed.lastBuildDate).toBe("2026-03-04T11:00:00.000Z");
    expect(xml).toMatch(/<feed [^>]*>\n<id>[^<]+\/feed\.atom<\/id>[\s\S]*<author><name>Dateline<\/name>/);
    expect(feed.items[1].author).toBe("Jane");
  });

  it("links the subscription document to its first archive page, and an archive page to its neighbours (RFC 5005)", async () => {
    const current = await parser.parseString(
      buildAtom({ title: "Site", description: "d", path: "/", selfPath: "/feed.atom", olderPath: "/feed/archive/B.atom", stories: [story("one")] }),
    );
    expect(rel(current.links, "self")).toEqual([expect.stringMatching(/\/feed\.atom$/)]);
    expect(rel(current.links, "prev-archive")).toEqual([expect.stringMatching(/\/feed\/archive\/B\.atom$/)]);
    expect(rel(current.links, "current")).toEqual([]);
    expect(current["fh:archive"]).toBeUndefined();

    const archiveXml = buildAtom({
      title: "Site",
      description: "d",
      path: "/",
      selfPath: "/feed/archive/B.atom",
      currentPath: "/feed.atom",
      olderPath: "/feed/archive/C.atom",
      newerPath: "/feed/archive/A.atom",
      stories: [story("two")],
    });
    const archive = await parser.parseString(archiveXml);
    expect(rel(archive.links, "current")).toEqual([expect.stringMatching(/\/feed\.atom$/)]);
    expect(rel(archive.links, "prev-archive")).toEqual([expect.stringMatching(/\/feed\/archive\/C\.atom$/)]);
    expect(rel(archive.links, "next-archive")).toEqual([expect.stringMatching(/\/feed\/archive\/A\.atom$/)]);
    expect(archive["fh:archive"]).toBe("");
    expect(archiveXml).toContain('xmlns:fh="http://purl.org/syndication/history/1.0"');
    // Archive pages share the logical feed's id.
    expect(archiveXml).toMatch(/<id>[^<]+\/feed\.atom<\/id>/);
  });
});
