import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWireItem, WireError } from "@/lib/wire";
import mediaTopics from "@/lib/wire/iptc/media-topics.json";
import subjectCodes from "@/lib/wire/iptc/subject-codes.json";
import { parseWireItems } from "@/lib/wire/parse-wire-item";

const CORPUS = path.resolve(process.cwd(), "lib/wire/corpus/newsml");
const receivedAt = new Date("2026-03-13T11:00:00Z");
const corpus = (file: string) => fs.readFileSync(path.join(CORPUS, file));
const items = (xml: string | Buffer) => parseWireItems(xml, { receivedAt });
const one = (xml: string) => parseWireItem(xml, { receivedAt });

const BODY = `<p>BRUSSELS, March 3 - European ministers met on Tuesday.</p><p>They agreed.</p>`;

/** A newsItem with the given parts, in the default namespace as real feeds send it. */
function newsItem(parts: { attributes?: string; itemMeta?: string; contentMeta?: string; contentSet?: string } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" ${parts.attributes ?? 'guid="urn:test:1" version="1"'}>
  <itemMeta><itemClass qcode="ninat:text"/>${parts.itemMeta ?? ""}</itemMeta>
  <contentMeta>${parts.contentMeta ?? "<headline>Ministers meet</headline>"}</contentMeta>
  <contentSet>${parts.contentSet ?? `<inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>${BODY}</body></html></inlineXML>`}</contentSet>
</newsItem>`;
}

function wireError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WireError);
    return (error as Error).message;
  }
  throw new Error("expected a WireError");
}

describe("NewsML-G2: messages and packages", () => {
  it("reads each newsItem of a newsMessage as its own item", () => {
    const parsed = items(corpus("message-three-items.xml"));
    expect(parsed.map((item) => [item.parse.guid, item.parse.version, item.parse.location, item.parse.priority])).toEqual([
      ["urn:newsml:afp.com:20260312:TX-NBO-1", 1, "Nairobi", "routine"],
      ["urn:newsml:afp.com:20260312:TX-TYO-2", 1, "Tokyo", "bulletin"],
      ["urn:newsml:afp.com:20260312:TX-OSL-3", 3, "Oslo", "routine"],
    ]);
    expect(parsed.every((item) => item.parse.format === "newsml" && item.parse.agency === "AFP")).toBe(true);
    expect(parsed[2].parse.headline).toBe("Norway sets aside new marine reserve in the Barents Sea");
    expect(parsed[0].parse.paragraphs).toEqual(["Kenya's main teachers' union called off a nine-day strike on Thursday after the government agreed to a 7 percent pay rise.", "Schools will reopen on Monday."]);
    expect(wireError(() => parseWireItem(corpus("message-three-items.xml"), { receivedAt }))).toBe("the delivery holds 3 items, not one");
  });

  it("relates the members of a package in the same message and skips its picture", () => {
    const parsed = items(corpus("message-package.xml"));
    expect(parsed.map((item) => item.parse.guid)).toEqual(["tag:reuters.com,2026:newsml_FLOODS_MAIN", "tag:reuters.com,2026:newsml_FLOODS_FACTBOX"]);
    expect(parsed[0].related).toEqual(["tag:reuters.com,2026:newsml_FLOODS_FACTBOX", "tag:reuters.com,2026:pic_FLOODS_01"]);
    expect(parsed[1].related).toEqual(["tag:reuters.com,2026:newsml_FLOODS_MAIN", "tag:reuters.com,2026:pic_FLOODS_01"]);
    expect(parsed[0].parse).toMatchObject({ agency: "Reuters", location: "Milan", date: "2026-03-13", priority: "urgent" });
    expect(parsed[1].bodyHtml).toContain("<ul><li>2000: the Po burst its banks in Piedmont.</li>");
  });

  it("leaves related empty for items no package groups", () => {
    expect(one(newsItem()).related).toEqual([]);
  });

  it("refuses a lone picture, a lone package and a message with no story", () => {
    expect(wireError(() => items(corpus("lone-picture.xml")))).toBe("the item is a picture newsItem (itemClass ninat:picture), not a story");
    expect(wireError(() => items(corpus("lone-package.xml")))).toBe("the item is a packageItem: it carries no copy, only references to 2 items");
    const pictures = `<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>
      <newsItem guid="p1"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta></newsItem>
      <newsItem guid="p2"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta></newsItem>
      <packageItem guid="k"/></itemSet></newsMessage>`;
    expect(wireError(() => items(pictures))).toBe("the newsMessage holds no text newsItem (2 picture newsItems, 1 packageItem)");
    expect(wireError(() => items(`<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header/></newsMessage>`))).toBe("the newsMessage holds no text newsItem (no items)");
  });
});

describe("NewsML-G2: what is not a story, or not XML", () => {
  it("refuses XML that is not NewsML-G2, naming its root", () => {
    expect(wireError(() => one(`<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>`))).toBe("the item is XML but not NewsML-G2: its root is <rss>");
    expect(wireError(() => one(`<conceptItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="c"/>`))).toBe("the item is a NewsML-G2 conceptItem, which carries no copy");
  });

  it("names the line where invalid XML breaks", () => {
    const lines = newsItem({ contentMeta: "<headline>Ministers meet</headline>\n<slugline>EU-ENERGY</headline>" }).split("\n");
    const at = lines.findIndex((line) => line.includes("<slugline>")) + 1;
    expect(wireError(() => one(lines.join("\n")))).toBe(`the item is not valid XML: line ${at}: Expected closing tag 'slugline' (opened in line ${at}, col 1) instead of closing tag 'headline'.`);
    expect(wireError(() => one(newsItem({ contentMeta: "<headline>Tom & Jerry</headline>" })))).toMatch(/^the item is not valid XML: line 4: /);
    expect(wireError(() => one(`<?xml version="1.0"?>\n<newsItem guid="a">\n<contentMeta>\n`))).toBe("the item is not valid XML: line 4: the document ends with <newsItem>, <contentMeta> not closed");
    expect(wireError(() => one(`<?xml version="1.0"?>\n<newsItem guid="a">\n<contentMeta/>`))).toBe("the item is not valid XML: line 2: Unclosed tag 'newsItem'.");
  });

  it("keeps copy that only starts with markup for the plain-text reader", () => {
    const item = one(`<p>CAIRO, March 4 (Reuters) - Egypt's central bank raised rates.</p>`);
    expect(item.parse).toMatchObject({ format: "text", agency: "Reuters", location: "Cairo" });
    expect(one(`<SOH>BC-EGYPT-RATES\nCAIRO, March 4 (Reuters) - Rates rose.`).parse.format).toBe("text");
  });

  it("refuses entity declarations (billion laughs, external entities) and expands only XML's own entities", () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<newsItem guid="x"><contentMeta><headline>&c;&c;&c;</headline></contentMeta></newsItem>`;
    expect(wireError(() => one(laughs))).toBe("the item declares entities of its own in a DOCTYPE, which are not expanded: NewsML-G2 needs none");
    const external = `<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY x SYSTEM "file:///etc/passwd">]><newsItem guid="x"><contentMeta><headline>&x;</headline></contentMeta></newsItem>`;
    expect(wireError(() => one(external))).toMatch(/^the item (?:is not valid XML|declares entities)/);
    const item = one(newsItem({ contentMeta: "<headline>Caf&#233; &amp; bar&#x2019;s &lt;plan&gt; &nbsp;opens</headline>" }));
    expect(item.parse.headline).toBe("Café & bar’s <plan> &nbsp;opens");
    expect(item.parse.problems).toContain("the entity &nbsp; is not defined in XML: kept as written");
    const controls = one(newsItem({ contentMeta: "<slugline>EU&#1;-&#x202E;GAS&#xD800;&#x110000;</slugline><headline>H</headline>" }));
    expect(controls.parse.slugline).toBe("EU-GAS");
  });

  it("refuses elements nested deeper than 100 levels", () => {
    const deep = newsItem({ contentSet: `<inlineXML><html><body>${"<div>".repeat(120)}x${"</div>".repeat(120)}</body></html></inlineXML>` });
    expect(wireError(() => one(deep))).toBe("the item nests its elements more than 100 levels deep");
  });

  it("returns a parse or a WireError for every truncation of a real item", () => {
    const xml = corpus("reuters-bank-shares.xml").toString("utf8");
    for (let end = 1; end < xml.length; end += 37) {
      try {
        one(xml.slice(0, end));
      } catch (error) {
        expect(error, `cut at ${end}`).toBeInstanceOf(WireError);
      }
    }
  });
});

describe("NewsML-G2: the newsItem's metadata", () => {
  it("reads guid and version, and says what is wrong with them", () => {
    expect(one(newsItem({ attributes: 'guid=" urn:test:7 " version="12"' })).parse).toMatchObject({ guid: "urn:test:7", version: 12, problems: [] });
    for (const bad of ["v2", "-1", "1.2"]) expect(() => one(newsItem({ attributes: `guid="g" version="${bad}"` })), bad).toThrow(`the newsItem g has version "${bad}": a version is a whole number from 0`);
    expect(one(newsItem({ attributes: "" })).parse).toMatchObject({ guid: null, version: null, problems: ["the newsItem has no guid"] });
  });

  it("maps pubStatus", () => {
    const status = (qcode: string) => one(newsItem({ itemMeta: `<pubStatus qcode="${qcode}"/>` })).pubstatus;
    expect([status("stat:usable"), status("stat:withheld"), status("stat:canceled"), status("stat:cancelled")]).toEqual(["usable", "withheld", "canceled", "canceled"]);
    expect(one(newsItem()).pubstatus).toBeNull();
    expect(status("stat:constructor")).toBeNull();
    expect(one(corpus("reuters-canceled.xml").toString()).pubstatus).toBe("canceled");
  });

  it("prefers the headline with no role or the main role, then the first, then itemMeta's title", () => {
    const headline = (contentMeta: string, itemMeta = "") => one(newsItem({ contentMeta, itemMeta })).parse.headline;
    expect(headline(`<headline role="hld:short">Short</headline><headline>Main one</headline>`)).toBe("Main one");
    expect(headline(`<headline role="hld:short">Short</headline><headline role="hld:main">Marked main</headline>`)).toBe("Marked main");
    expect(headline(`<headline role="hld:short">Only short</headline><headline role="hld:sub">Sub</headline>`)).toBe("Only short");
    expect(headline("", "<title>The item's title</title>")).toBe("The item's title");
    const proposed = one(newsItem({ contentMeta: "" })).parse;
    expect(proposed).toMatchObject({ headline: "European ministers meet", headlineProposed: true });
  });

  it("reads slugline, genre as category, and urgency as priority", () => {
    const parse = one(newsItem({ contentMeta: `<urgency>1</urgency><slugline>EU-ENERGY/</slugline><genre qcode="genre:Analysis"/><headline>H</headline>` })).parse;
    expect(parse).toMatchObject({ priority: "flash", slugline: "EU-ENERGY/", category: "genre:Analysis" });
    const priority = (urgency: string) => one(newsItem({ contentMeta: `<urgency>${urgency}</urgency>` })).parse;
    expect(["1", "2", "3", "4", "5", "9"].map((urgency) => priority(urgency).priority)).toEqual(["flash", "bulletin", "urgent", "routine", "routine", "routine"]);
    expect(priority("0")).toMatchObject({ priority: null, problems: ['urgency "0" is not 1 to 9: no priority set'] });
  });

  it("reads located as location and country, and the dateline element for the date", () => {
    const parse = one(
      newsItem({
        contentMeta: `<located type="loctype:city"><name>SÃO PAULO</name><broader type="loctype:region"><name>São Paulo state</name></broader><broader type="loctype:country"><name>Brazil</name></broader></located><dateline>SAO PAULO, March 2</dateline>`,
        contentSet: `<inlineXML><html><body><p>Prices rose.</p></body></html></inlineXML>`,
      }),
    ).parse;
    expect(parse).toMatchObject({ location: "São Paulo", country: "Brazil", date: "2026-03-02" });
    expect(parse.tags).toContainEqual({ name: "Brazil", type: "place" });
    const unread = one(newsItem({ contentMeta: "<dateline>sometime</dateline>" })).parse;
    expect(unread.problems).toContain('dateline "sometime" could not be read: no place or date taken from it');
    expect(unread).toMatchObject({ location: "Brussels", date: "2026-03-03" });
  });

  it("types subjects by concept nature or scheme, naming IPTC codes from the lists kept here", () => {
    const tags = one(
      newsItem({
        contentMeta: `<subject qcode="medtop:15000000"/>
          <subject qcode="subj:15000000"><name xml:lang="fr">sport</name></subject>
          <subject qcode="medtop:20000106"><name xml:lang="de">Justiz</name></subject>
          <subject uri="http://cv.iptc.org/newscodes/mediatopic/11000000"/>
          <subject qcode="medtop:04000000"><name xml:lang="en-GB">money matters</name></subject>
          <subject type="cpnat:person" qcode="x:1"><name>Ana Souza</name></subject>
          <subject type="cpnat:organisation" literal="World Health Organization"/>
          <subject type="cpnat:geoArea"><name>Amazonas</name></subject>
          <subject qcode="afpperson:991"><name>Rui Costa</name></subject>
          <subject qcode="iso3166-1a2:BR"><name>Brazil</name></subject>
          <subject type="constructor"><name>Carnival</name></subject>`,
      }),
    ).parse.tags;
    expect(tags).toEqual([
      { name: "sport", type: "topic" },
      { name: "judiciary", type: "topic" },
      { name: "politics", type: "topic" },
      { name: "money matters", type: "topic" },
      { name: "Ana Souza", type: "person" },
      { name: "World Health Organization", type: "organisation" },
      { name: "Amazonas", type: "place" },
      { name: "Rui Costa", type: "person" },
      { name: "Brazil", type: "place" },
      { name: "Carnival", type: "topic" },
    ]);
  });

  it("reads the byline from by (without its By) or the creators", () => {
    expect(one(newsItem({ contentMeta: "<by>By Lena Ruiz and Omar Haddad</by><creator><name>X</name></creator>" })).parse.byline).toBe("Lena Ruiz and Omar Haddad");
    expect(one(newsItem({ contentMeta: `<creator><name>Lena Ruiz</name></creator><creator literal="Omar Haddad"/>` })).parse.byline).toBe("Lena Ruiz, Omar Haddad");
  });

  it("reads the agency from provider, copyright holder or credit line, canonically where known", () => {
    const agency = (itemMeta: string, contentMeta = "", rights = "") =>
      one(newsItem({ itemMeta, contentMeta, contentSet: `<inlineXML><html><body>${rights}<p>Text.</p></body></html></inlineXML>` })).parse.agency;
    expect(agency(`<provider qcode="nprov:REUTERS"/>`)).toBe("Reuters");
    expect(agency(`<provider literal="Agence France-Presse"/>`)).toBe("AFP");
    expect(agency(`<provider literal="Example Wire"/>`, "<creditline>Associated Press</creditline>")).toBe("AP");
    expect(agency(`<provider literal="Example Wire"/>`)).toBe("Example Wire");
    expect(agency("")).toBeNull();
    expect(items(corpus("reuters-bank-shares.xml"))[0].parse.agency).toBe("Reuters");
  });

  it("reads embargoed from itemMeta or contentMeta as UTC", () => {
    const embargo = (where: "itemMeta" | "contentMeta", value: string) => one(newsItem({ [where]: `<embargoed>${value}</embargoed>` })).parse;
    expect(embargo("itemMeta", "2026-03-10T00:01:00+05:30").embargoUntil).toBe("2026-03-09T18:31:00Z");
    expect(embargo("contentMeta", "2026-03-10T09:00:00Z").embargoUntil).toBe("2026-03-10T09:00:00Z");
    expect(embargo("itemMeta", "2026-03-10T09:00:00.500+0100").embargoUntil).toBe("2026-03-10T08:00:00.500Z");
    expect(embargo("itemMeta", "2026-03-10T09:00")).toMatchObject({ embargoUntil: "2026-03-10T09:00:00Z", problems: ['embargoed "2026-03-10T09:00" gives no time zone: read as UTC'] });
    expect(embargo("itemMeta", "")).toMatchObject({ embargoUntil: null, problems: ["embargoed gives no time (held until further notice): no embargo time set"] });
    expect(embargo("itemMeta", "2026-02-30T09:00:00Z")).toMatchObject({ embargoUntil: null, problems: ['embargoed "2026-02-30T09:00:00Z" is not an ISO 8601 date-time: left out'] });
  });
});

describe("NewsML-G2: the body", () => {
  it("reads an XHTML body the way NINJS body_html is read: sanitised, dateline off, one paragraph per block", () => {
    const item = one(
      newsItem({
        contentSet: `<inlineXML contenttype="application/xhtml+xml" wordcount="9"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Not body</title></head><body>
          <h1>Subhead</h1><p>BRUSSELS, March 3 - Ministers <em>met</em> &amp; <a href="javascript:alert(1)">agreed</a>.</p><script>evil()</script><p>Second<br/>line.</p><img src="x.jpg"/></body></html></inlineXML>`,
      }),
    );
    expect(item.parse).toMatchObject({ location: "Brussels", date: "2026-03-03", wordCount: 9 });
    expect(item.parse.paragraphs).toEqual(["Subhead", "Ministers met & agreed.", "Secondline."]);
    expect(item.bodyHtml).toBe("<h2>Subhead</h2><p>Ministers <em>met</em> &amp; <a>agreed</a>.</p><p>Secondline.</p>");
  });

  it("reads inlineData text as NINJS body_text: embargo line, byline, dateline and trailer taken off", () => {
    const item = parseWireItem(
      newsItem({
        contentMeta: "",
        contentSet: `<inlineData contenttype="text/plain">EMBARGOED UNTIL 00:01 IST, March 10
By Priya Menon
New Delhi, Mar 9 (PTI) The budget was passed.
It had 12 amendments.
PTI ABC XYZ</inlineData>`,
      }),
      { receivedAt: new Date("2026-03-09T12:00:00Z") },
    );
    expect(item.parse).toMatchObject({ agency: "PTI", location: "New Delhi", date: "2026-03-09", embargoUntil: "2026-03-09T18:31:00Z", byline: "Priya Menon" });
    expect(item.parse.paragraphs).toEqual(["The budget was passed.", "It had 12 amendments."]);
    expect(item.bodyHtml).toBe("<p>The budget was passed.</p><p>It had 12 amendments.</p>");
  });

  it("reads a CDATA HTML body in inlineData and a NITF body in inlineXML", () => {
    const cdata = items(corpus("cdata-and-entities.xml"))[0];
    expect(cdata.bodyHtml).toContain("<p>Bonds of the Cape Town café chain <strong>Koffie &amp; Co</strong> rallied");
    expect(cdata.bodyHtml).not.toContain("track(");
    const nitf = items(corpus("ap-nitf-body.xml"))[0];
    expect(nitf.parse.paragraphs[0]).toBe("An ice storm coated trees and power lines across northwest Oregon on Thursday, leaving more than 60,000 homes and businesses without electricity.");
  });

  it("reads prefixed elements as the default namespace", () => {
    const item = items(corpus("prefixed-namespaces.xml"))[0];
    expect(item.parse).toMatchObject({ agency: "dpa", headline: "EU proposes to halve pesticide use on farms by 2035", byline: "Jonas Weber", location: "Brussels" });
    expect(item.bodyHtml).toContain("<strong>halving</strong>");
  });

  it("says so when there is no body to read", () => {
    expect(one(newsItem({ contentSet: `<remoteContent href="https://example.org/story.html"/>` })).parse).toMatchObject({
      paragraphs: [],
      problems: ["the body is not inline (remoteContent only): no paragraphs"],
    });
    expect(one(newsItem({ contentSet: "" })).parse.problems).toEqual(["the item has no body (no inlineXML or inlineData)"]);
    expect(one(newsItem({ contentSet: `<inlineXML wordcount="many"><html><body><p> </p></body></html></inlineXML>` })).parse.problems).toEqual([
      "the inlineXML body holds no text",
      'wordcount "many" is not a whole number: left out',
    ]);
  });

  it("reads a body of nearly 1 MB in well under a second", () => {
    const paragraph = "<p>The committee heard evidence from 14 witnesses over three days of hearings in the capital.</p>\n";
    const body = paragraph.repeat(Math.floor((1024 * 1024 - 2000) / paragraph.length));
    const started = performance.now();
    const item = one(newsItem({ contentSet: `<inlineXML><html><body>${body}</body></html></inlineXML>` }));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(item.parse.paragraphs.length).toBe(Math.floor((1024 * 1024 - 2000) / paragraph.length));
    const line = one(newsItem({ contentSet: `<inlineData>${"a ".repeat(500_000)}</inlineData>` }));
    expect(line.parse.paragraphs).toHaveLength(1);
    expect(wireError(() => one(newsItem({ contentSet: `<inlineData>${"a".repeat(1024 * 1024)}</inlineData>` })))).toBe("the item is larger than 1 MB");
  });
});

describe("the IPTC code lists kept in lib/wire/iptc", () => {
  it("hold the 17 top-level Media Topics and Subject Codes, each file saying where it comes from", () => {
    for (const list of [mediaTopics, subjectCodes]) {
      expect(list.source).toMatch(/^https:\/\/cv\.iptc\.org\/newscodes\//);
      expect(list.licence).toContain("CC BY 4.0");
      const top = Object.keys(list.codes).filter((qcode) => qcode.endsWith("000000"));
      expect(top).toHaveLength(17);
    }
    expect(mediaTopics.codes["medtop:17000000"]).toBe("weather");
    expect(subjectCodes.codes["subj:16000000"]).toBe("unrest, conflicts and war");
    for (const qcode of Object.keys(mediaTopics.codes)) expect(qcode).toMatch(/^medtop:(?:\d{2}000000|200\d{5})$/);
  });
});
