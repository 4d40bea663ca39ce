import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWireItem, WireError } from "@/lib/wire";
import { hasSharedWire, SHARED_WIRE, sharedWireNote } from "@/lib/wire/shared-samples";

const receivedAt = new Date("2026-03-03T10:15:00Z");
const parse = (item: unknown) => parseWireItem(typeof item === "string" ? item : JSON.stringify(item), { receivedAt });

describe("parseWireItem on NINJS", () => {
  it.skipIf(!hasSharedWire)(`maps the shared sample's fields and takes the dateline off the body${sharedWireNote}`, () => {
    const item = parseWireItem(fs.readFileSync(path.join(SHARED_WIRE, "ninjs-sample.json")), { receivedAt });
    expect(item.parse).toMatchObject({
      format: "ninjs",
      agency: null,
      location: "Brussels",
      country: null,
      date: "2026-03-03",
      embargoUntil: null,
      guid: "urn:newsml:wire.example.org:20260303:ec-energy-0412",
      version: 2,
      headline: "EU ministers agree joint gas purchasing for next winter",
      byline: "Marta Kowalski",
      credits: null,
    });
    expect(item.parse.paragraphs).toEqual([
      "European Union energy ministers on Tuesday agreed to extend a voluntary joint gas purchasing scheme for another year.",
      '"Buying together gives us a stronger hand," said the ministers\' chair, Jan Verbeek.',
      "The scheme helped refill storage to 90% of capacity last autumn.",
    ]);
    expect(item.bodyHtml.startsWith("<p>European Union energy ministers")).toBe(true);
    expect(item.pubstatus).toBe("usable");
  });

  it("reads version as a string or a number, and refuses one that is not a whole number", () => {
    expect(parse({ uri: "u", version: "7" }).parse.version).toBe(7);
    expect(parse({ uri: "u", version: 3 }).parse.version).toBe(3);
    expect(parse({ uri: "u", version: null }).parse.version).toBeNull();
    expect(parse({ uri: "u" }).parse.version).toBeNull();
    for (const version of ["v2", 1.5, "", [2], { n: 2 }, true]) expect(() => parse({ uri: "u", version }), JSON.stringify(version)).toThrow(/version must be a whole number/);
  });

  it("refuses a uri that is not a non-empty string: no later version could match it", () => {
    for (const uri of [5, "", "   ", ["u"], {}]) expect(() => parse({ uri, headline: "h", body_text: "NEW DELHI, Dec 1 (PTI) Text." }), JSON.stringify(uri)).toThrow(/uri must be a non-empty string/);
    expect(parse({ uri: null, headline: "h", body_text: "NEW DELHI, Dec 1 (PTI) Text." }).parse.guid).toBeNull();
  });

  it("normalises embargoed to a UTC instant ending in Z", () => {
    expect(parse({ uri: "u", embargoed: "2026-03-10T00:01:00+05:30" }).parse.embargoUntil).toBe("2026-03-09T18:31:00Z");
    expect(parse({ uri: "u", embargoed: "soon" }).parse.embargoUntil).toBeNull();
  });

  it("passes pubstatus through, canceled included", () => {
    expect(parse({ uri: "u", pubstatus: "canceled" }).pubstatus).toBe("canceled");
    expect(parse({ uri: "u", pubstatus: "withheld" }).pubstatus).toBe("withheld");
    expect(parse({ uri: "u", pubstatus: "odd" }).pubstatus).toBeNull();
  });

  it("sanitises body_html and reads its dateline, agency and country", () => {
    const item = parse({
      uri: "u",
      body_html: '<p>MOSCOW [Russia], March 2 (Reuters) - Talks <b>ended</b>.<script>alert(1)</script></p><p onclick="x">Second <a href="javascript:alert(1)">link</a></p>',
    });
    expect(item.parse).toMatchObject({ agency: "Reuters", location: "Moscow", country: "Russia", date: "2026-03-02", paragraphs: ["Talks ended.", "Second link"] });
    expect(item.bodyHtml).toBe("<p>Talks <strong>ended</strong>.</p><p>Second <a>link</a></p>");
    expect(item.parse.tags).toEqual([{ name: "Russia", type: "place" }]);
  });

  it("takes a dateline wrapped in <strong> off the first paragraph", () => {
    const item = parse({ uri: "u", body_html: "<p><strong>LONDON (Reuters)</strong> - Shares rose.</p>" });
    expect(item.parse).toMatchObject({ location: "London", agency: "Reuters", paragraphs: ["Shares rose."] });
    expect(item.bodyHtml).toBe("<p>Shares rose.</p>");
  });

  it("drops a first paragraph that held only the dateline", () => {
    expect(parse({ uri: "u", body_html: "<p>LONDON (Reuters) -</p><p>Shares rose.</p>" }).bodyHtml).toBe("<p>Shares rose.</p>");
  });

  it("names the agency from copyrightholder or provider when the dateline has none", () => {
    expect(parse({ uri: "u", copyrightholder: "Thomson Reuters", body_html: "<p>LONDON, March 3 - Shares rose.</p>" }).parse.agency).toBe("Reuters");
    expect(parse({ uri: "u", provider: { name: "Example Wire" } }).parse.agency).toBe("Example Wire");
  });

  it("uses body_text when there is no body_html", () => {
    const item = parse({ uri: "u", body_text: "PARIS (AFP) - First line.\nSecond line. (AFP)" });
    expect(item.parse).toMatchObject({ agency: "AFP", location: "Paris", paragraphs: ["First line.", "Second line."] });
    expect(item.bodyHtml).toBe("<p>First line.</p><p>Second line.</p>");
  });

  it("types subject tags by scheme and place entries as places, the item's order kept", () => {
    const item = parse({
      uri: "u",
      subject: [
        { name: "elections", scheme: "http://cv.iptc.org/newscodes/mediatopic/" },
        { name: "Ruth Wanjiku", scheme: "person" },
        { name: "Electoral Commission", scheme: "organisation" },
      ],
      place: [{ name: "Kenya" }],
    });
    expect(item.parse.tags).toEqual([
      { name: "elections", type: "topic" },
      { name: "Ruth Wanjiku", type: "person" },
      { name: "Electoral Commission", type: "organisation" },
      { name: "Kenya", type: "place" },
    ]);
  });

  it.each([
    ["{ not json", /^the item is not valid JSON: /],
    ["[1, 2]", /not a NINJS object/],
    ['[{"uri": "u"}]', /not a NINJS object/],
    ['{"type": "text", "language": "en"}', /none of uri, headline, body_html, body_text/],
  ])("refuses %s", (raw, message) => {
    expect(() => parse(raw)).toThrow(WireError);
    expect(() => parse(raw)).toThrow(message);
  });

  it("cleans the text it returns of control characters and lone surrogates, as every input is cleaned", () => {
    const bad = "\u0000\u0001\u000B\u001F\uFFFE\uFFFF\uD800";
    const item = parse({
      uri: "urn:clean",
      headline: `Head${bad}line`,
      byline: `By${bad} line`,
      located: `Par${bad}is`,
      copyrightholder: `Agen${bad}cy`,
      subject: [{ name: `Ener${bad}gy` }, { name: bad }],
      body_html: `<p>PARIS, March 3 - Body${bad} text &#1;here.</p><p>${bad}</p>`,
    });
    expect(item.parse).toMatchObject({ headline: "Headline", byline: "By line", location: "Paris", agency: "Agency", paragraphs: ["Body text here."] });
    expect(item.parse.tags.map((tag) => tag.name)).toEqual(["Energy"]);
    expect(JSON.stringify(item)).not.toMatch(/\\u00[01]|\\ud8|\\uff/i);
    expect(item.bodyHtml).toBe("<p>Body text here.</p>");
  });
});

describe("pubstatus from the copy", () => {
  it("is one of the three, whatever else the agency writes (\"constructor\" is not a status)", () => {
    for (const pubstatus of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const item = parseWireItem(JSON.stringify({ uri: "urn:x", headline: "H", body_text: "Text.", pubstatus }), { receivedAt: new Date("2026-03-03T10:00:00Z") });
      expect(item.pubstatus, pubstatus).toBeNull();
    }
  });
});

describe("markup in NINJS text fields", () => {
  it("is read as text, as in plain copy: never tags on a page, a feed or a tag's name", () => {
    const item = parse({
      uri: "urn:x:markup",
      headline: "<img src=x onerror=alert('h')>Ninjs <b>bold</b> head",
      byline: "<b>Evil</b>   byline",
      located: "<i>London</i>",
      subject: [{ name: "<img src=x onerror=alert(9)>Trade", code: "medtop:1" }],
      body_text: "LONDON, March 3 (Reuters) - The talks went on late into the night, officials said.",
    });
    expect(item.parse.headline).toBe("Ninjs bold head");
    expect(item.parse.byline).toBe("Evil byline");
    expect(item.parse.location).toBe("London");
    expect(item.parse.tags.map((tag) => tag.name)).toContain("Trade");
    expect(JSON.stringify(item.parse)).not.toMatch(/<|onerror/);
  });
});
