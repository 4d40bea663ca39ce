import { beforeAll, describe, expect, it } from "vitest";
import { XMLParser } from "fast-xml-parser";
import { api, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { feedparser, xmllint } from "@/e2e/fixtures/feed-readers";

// Issue 10, finding 8: a control character (U+0001, U+000B, U+FFFE …) in a headline, byline,
// credits, standfirst, tag, correction or dateline made /feed.xml and its tag feeds unreadable for
// every subscriber. Text is cleaned where it enters, and every XML document goes through one
// escaping function. Here: every feed (RSS, Atom, JSON Feed; the site's and a tag's) and every
// sitemap, read by libxml2 (xmllint --noout) and by a real feed reader (Debian's python3-feedparser),
// with hostile text sent through the API and, bypassing the schemas, written into the database.

const { db } = await import("@/lib/db");

// Every sort of character that broke a feed: C0 controls, DEL, C1, noncharacters, lone surrogates
// (NUL is refused outright, 422: see hostile-input.test.ts).
const BAD = "\u0001\u0008\u000B\u000C\u001F\u007F\u0085\u009F\uFFFE\uFFFF\uFDD0\uDFFF\uD800";
// What PostgreSQL can hold of them (not NUL; a lone surrogate is stored as U+FFFD): for rows
// written behind the schemas' back, as a row stored before this fix would be.
const STORABLE = "\u0001\u0008\u000B\u000C\u001F\u007F\u0085\u009F\uFFFE\uFFFF\uFDD0";
const hostile = (label: string, bad = BAD) => `${label} ]]> & "q" <i>x</i>${bad} end`;
const cleaned = (label: string) => `${label} ]]> & "q" <i>x</i> end`;

// Characters a conforming XML or JSON document may not carry, or should not hand to a reader.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\uFDD0]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

let writer: TestUser;
let editor: TestUser;
let viaApi: ApiStory;
let viaDatabase: ApiStory;

beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser("writer"), makeUser("editor")]);
  // Through the API: every text field hostile; the schemas clean them.
  viaApi = await makeStory(writer, {
    headline: unique(hostile("Headline")),
    standfirst: hostile("Standfirst"),
    byline: hostile("Byline"),
    credits: hostile("Credits"),
    agency: `ANI${BAD}`,
    dateline: { location: hostile("Location"), country: hostile("Country"), date: "2026-03-03" },
    tags: [{ name: unique(hostile("Tag")), type: "topic" }],
    body: `<p>Body ${BAD} &#1;&#x0B;&#xFFFF; text</p><p>${BAD}</p>`,
  });
  expect((await api("POST", `/api/v1/stories/${viaApi.id}/publish`, { key: editor.apiKey })).status).toBe(200);
  const correction = await api("POST", `/api/v1/stories/${viaApi.id}/corrections`, { key: editor.apiKey, body: { kind: "correction", note: hostile("Correction\nnote") } });
  expect(correction.status).toBe(201);

  // Behind the schemas' back (as rows stored before this fix): the output must still be clean.
  viaDatabase = await makeStory(writer, { headline: unique("Stored story"), tags: [{ name: unique("Stored tag"), type: "topic" }] });
  await db.story.update({
    where: { id: viaDatabase.id },
    data: {
      headline: hostile(`Stored headline ${viaDatabase.id.slice(0, 8)}`, STORABLE),
      standfirst: hostile("Stored standfirst", STORABLE),
      byline: hostile("Stored byline", STORABLE),
      credits: hostile("Stored credits", STORABLE),
      datelineLocation: hostile("Stored location", STORABLE),
      body: `<p>Stored body ${STORABLE} text</p>`,
    },
  });
  await db.tag.update({ where: { slug: viaDatabase.tags[0].slug }, data: { name: hostile("Stored tag", STORABLE) } });
  expect((await api("POST", `/api/v1/stories/${viaDatabase.id}/publish`, { key: editor.apiKey })).status).toBe(200);
  await db.storyCorrection.create({ data: { storyId: viaDatabase.id, kind: "update", note: hostile("Stored note", STORABLE), authorId: editor.id } });
  // The correction written behind the API's back announces nothing: a change through it does.
  expect((await api("POST", `/api/v1/stories/${viaDatabase.id}/corrections`, { key: editor.apiKey, body: { kind: "update", note: "Second note." } })).status).toBe(201);
});

describe("hostile text where it enters", () => {
  it("is stored clean: every field of the story, its tag and its correction", async () => {
    const story = await api<ApiStory & { standfirst: string; byline: string; credits: string; agency: string; corrections: { note: string }[] }>("GET", `/api/v1/stories/${viaApi.id}`, { key: editor.apiKey });
    expect(story.body.headline).toMatch(/^Headline \]\]> & "q" <i>x<\/i> end [0-9a-f]{8}$/);
    expect(story.body.standfirst).toBe(cleaned("Standfirst"));
    expect(story.body.byline).toBe(cleaned("Byline"));
    expect(story.body.credits).toBe(cleaned("Credits"));
    expect(story.body.agency).toBe("ANI");
    expect(story.body.dateline).toEqual({ location: cleaned("Location"), country: cleaned("Country"), date: "2026-03-03" });
    expect(story.body.tags[0].name).toMatch(/^Tag \]\]> & "q" <i>x<\/i> end [0-9a-f]{8}$/);
    expect(story.body.body).toMatch(/^<p>Body\s+text<\/p>$/);
    expect(story.body.corrections[0].note).toBe(cleaned("Correction\nnote"));
    expect(JSON.stringify(story.body)).not.toMatch(/\\u00[01]|\\u007f|\\ufff[ef]|\\ud[89a-f]/i);
  });
});

describe("feeds and sitemaps with hostile text", () => {
  const xmlDocuments = () => [
    "/feed.xml",
    "/feed.atom",
    `/tags/${viaApi.tags[0].slug}/feed.xml`,
    `/tags/${viaApi.tags[0].slug}/feed.atom`,
    `/tags/${viaDatabase.tags[0].slug}/feed.xml`,
    `/tags/${viaDatabase.tags[0].slug}/feed.atom`,
    "/sitemap.xml",
    "/news-sitemap.xml",
    "/sitemaps/stories-1.xml",
    "/sitemaps/tags-1.xml",
  ];

  it("are well-formed XML for libxml2, with nothing XML forbids", async () => {
    for (const path of xmlDocuments()) {
      const { status, text } = await getPage(path);
      expect(status, path).toBe(200);
      expect(xmllint(text), path).toBeNull();
      expect(FORBIDDEN.test(text), path).toBe(false);
    }
    // The check can fail: a raw control character is refused.
    expect(xmllint(`<?xml version="1.0"?><rss>\u0001</rss>`)).not.toBeNull();
  });

  it("are read by feedparser without a complaint (bozo 0), with each hostile story as its text", async () => {
    for (const story of [viaApi, viaDatabase]) {
      for (const format of ["xml", "atom"]) {
        const path = `/tags/${story.tags[0].slug}/feed.${format}`;
        const feed = feedparser((await getPage(path)).text);
        expect(feed.bozo, `${path}: ${feed.exception}`).toBe(0);
        expect(feed.version, path).toBe(format === "xml" ? "rss20" : "atom10");
        expect(feed.entries, path).toHaveLength(1);
        expect(feed.entries[0].link, path).toBe(story.url);
        expect(feed.entries[0].author, path).toMatch(/Byline|Stored byline/);
        expect(FORBIDDEN.test(JSON.stringify(feed)), path).toBe(false);
      }
    }
    for (const path of ["/feed.xml", "/feed.atom"]) {
      const feed = feedparser((await getPage(path)).text);
      expect(feed.bozo, `${path}: ${feed.exception}`).toBe(0);
    }
  });

  it("give RSS titles, descriptions and names as text, never markup, and names in dc:creator", async () => {
    const xml = (await getPage(`/tags/${viaApi.tags[0].slug}/feed.xml`)).text;
    expect(xml).not.toContain("<![CDATA[");
    expect(xml).not.toMatch(/<author>/);
    expect(xml).not.toContain("<i>");
    const rss = new XMLParser({ processEntities: true, trimValues: false }).parse(xml) as {
      rss: { channel: { title: string; description: string; item: { title: string; "dc:creator": string; description: string; "content:encoded": string } } };
    };
    const { channel } = rss.rss;
    expect(channel.title).toBe(`Dateline: ${viaApi.tags[0].name}`);
    expect(channel.description).toContain(viaApi.tags[0].name);
    expect(channel.item.title).toBe(viaApi.headline);
    expect(channel.item["dc:creator"]).toBe(cleaned("Byline"));
    // The standfirst is HTML in RSS's description: escaped once more, it reads as its text.
    expect(channel.item.description).toBe(cleaned("Standfirst").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"));
    expect(channel.item["content:encoded"]).toContain("Correction\nnote ]]&gt; &amp; &quot;q&quot; &lt;i&gt;x&lt;/i&gt; end".replace("\n", "<br>"));
  });

  it("give the JSON Feed the same clean text", async () => {
    for (const story of [viaApi, viaDatabase]) {
      const text = (await getPage(`/tags/${story.tags[0].slug}/feed.json`)).text;
      expect(text).not.toMatch(/\\u00[01][0-9a-f]|\\u007f|\\u00[89][0-9a-f]|\\ufff[ef]|\\ufdd0|\\ud[89a-f][0-9a-f]{2}/i);
      const feed = JSON.parse(text) as { title: string; items: { title: string; authors?: { name: string }[]; content_html: string }[] };
      expect(FORBIDDEN.test(JSON.stringify(feed))).toBe(false);
      expect(feed.items[0].title).toContain(' ]]> & "q" <i>x</i> end');
    }
    const site = (await getPage("/feed.json")).text;
    expect(() => JSON.parse(site)).not.toThrow();
  });
});
