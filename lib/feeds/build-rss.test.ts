import Parser from "rss-parser";
import { describe, expect, it } from "vitest";
import { buildRss } from "@/lib/feeds/build-rss";
import type { ReaderStory } from "@/lib/reader/reader-story";

process.env.DATABASE_URL ??= "postgresql://unused@localhost/unused";

const story = (headline: string): ReaderStory => ({
  id: "00000000-0000-4000-8000-000000000001",
  slug: "hostile",
  headline,
  standfirst: "",
  metaDescription: "",
  socialHeadline: "",
  body: "<p>Body</p>",
  byline: "A ]]> B",
  agency: null,
  credits: null,
  dateline: { location: null, country: null, date: null },
  publishedAt: "2026-03-03T10:00:00.000Z",
  lastUpdatedAt: null,
  updatedAt: "2026-03-03T10:00:00.000Z",
  tags: [{ name: "T]]>ag", slug: "tag", type: "topic" }],
  corrections: [],
  leadImage: null,
  pictures: {},
});

const parser = new Parser<Record<string, unknown>, { "content:encoded": string }>({ customFields: { item: ["content:encoded"] } });

describe("buildRss", () => {
  it("keeps a headline that tries to close CDATA, or holds markup, as exactly its text", async () => {
    const headline = 'X]]>]]></title><link>https://evil.example/</link><description><![CDATA[<img src=x onerror=alert(1)>';
    const xml = buildRss({ title: "Site", description: "d", path: "/", selfPath: "/feed.xml", stories: [story(headline)] });
    const feed = await parser.parseString(xml);
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0].link).toMatch(/\/stories\/hostile$/);
    // The would-be markup stays text inside the title; no element of it reaches the item.
    expect(feed.items[0].title).toBe(headline);
    expect(xml).not.toContain("CDATA[X");
    expect(xml).not.toContain("<img");
    expect(feed.items[0]["content:encoded"]).toBe("<p>Body</p>");
  });

  it("names the byline in dc:creator, never in <author> (an e-mail address in RSS), and drops control characters", async () => {
    const xml = buildRss({
      title: "Site \u0001<b>",
      description: "About <i>T</i>\uFFFF",
      path: "/",
      selfPath: "/feed.xml",
      stories: [{ ...story("Head\u0000line \uD800"), byline: "Jane <Reporter>\u000B" }],
    });
    expect(xml).not.toMatch(/<author>/);
    expect(xml).toContain("<dc:creator>Jane &lt;Reporter&gt;</dc:creator>");
    expect(xml).toContain("<title>Site &lt;b&gt;</title>");
    expect(xml).toContain("<description>About &lt;i&gt;T&lt;/i&gt;</description>");
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    const feed = await parser.parseString(xml);
    expect(feed.items[0].title).toBe("Headline ");
    expect(feed.items[0].creator).toBe("Jane <Reporter>");
  });

  it("appends corrections to the item as text, keeps the guid and pubDate, and moves lastBuildDate", async () => {
    const corrected: ReaderStory = {
      ...story("Corrected"),
      lastUpdatedAt: "2026-03-05T09:00:00.000Z",
      updatedAt: "2026-03-05T09:00:00.000Z",
      corrections: [
        { id: "c1", kind: "correction", note: "An earlier version gave the wrong <b>date</b> ]]> for the vote.", createdAt: "2026-03-04T08:00:00.000Z" },
        { id: "c2", kind: "update", note: "The vote passed.\nTurnout was 61%.", createdAt: "2026-03-05T09:00:00.000Z" },
      ],
    };
    const xml = buildRss({ title: "Site", description: "d", path: "/", selfPath: "/feed.xml", stories: [story("Other"), corrected] });
    const feed = await parser.parseString(xml);
    const item = feed.items[1];
    expect(item.guid).toBe(item.link);
    expect(new Date(item.pubDate!).toISOString()).toBe("2026-03-03T10:00:00.000Z");
    expect(item["content:encoded"]).toContain("<h3>Corrections and updates</h3>");
    expect(item["content:encoded"]).toContain("<strong>Correction</strong>");
    expect(item["content:encoded"]).toContain("wrong &lt;b&gt;date&lt;/b&gt; ]]&gt; for the vote.");
    expect(item["content:encoded"]).toContain("<strong>Update</strong>");
    expect(item["content:encoded"]).toContain("The vote passed.<br>Turnout was 61%.");
    expect(new Date(feed.lastBuildDate as string).toISOString()).toBe("2026-03-05T09:00:00.000Z");
  });

  it("links to its archive pages with RFC 5005 relations, and marks an archive page with fh:archive", async () => {
    const current = buildRss({ title: "Site", description: "d", path: "/", selfPath: "/feed.xml", olderPath: "/feed/archive/B.xml", stories: [story("One")] });
    expect(current).toMatch(/<atom:link href="[^"]+\/feed\.xml" rel="self" type="application\/rss\+xml"\/>/);
    expect(current).toMatch(/<atom:link href="[^"]+\/feed\/archive\/B\.xml" rel="prev-archive" type="application\/rss\+xml"\/>/);
    expect(current).not.toContain("fh:archive");

    const archive = buildRss({
      title: "Site",
      description: "d",
      path: "/",
      selfPath: "/feed/archive/B.xml",
      currentPath: "/feed.xml",
      olderPath: "/feed/archive/C.xml",
      newerPath: "/feed/archive/A.xml",
      stories: [story("Two")],
    });
    const links = [...archive.matchAll(/<atom:link href="[^"]+\/(feed[^"]*)" rel="([^"]+)"/g)].map((match) => `${match[2]} ${match[1]}`);
    expect(links).toEqual(["self feed/archive/B.xml", "current feed.xml", "prev-archive feed/archive/C.xml", "next-archive feed/archive/A.xml"]);
    expect(archive).toContain('xmlns:fh="http://purl.org/syndication/history/1.0"');
    expect(archive).toContain("<fh:archive/>");
    expect((await parser.parseString(archive)).items).toHaveLength(1);
  });
});
