import { describe, expect, it } from "vitest";
import { parseWireItem, WireError } from "@/lib/wire";

const receivedAt = new Date("2026-03-03T09:00:00Z");
const parse = (raw: string | Uint8Array, at = receivedAt) => parseWireItem(raw, { receivedAt: at });

function errorOf(run: () => unknown): WireError {
  try {
    run();
  } catch (error) {
    if (error instanceof WireError) return error;
    throw error;
  }
  throw new Error("expected a WireError");
}

describe("parseWireItem on plain text", () => {
  it("makes one paragraph per non-empty line, trimmed, and the body one <p> each, escaped", () => {
    const item = parse("LONDON, March 3 (Reuters) - Shares rose.\n\n   Bonds & gilts <fell>.  \r\nThe pound \"held\".");
    expect(item.parse.paragraphs).toEqual(["Shares rose.", "Bonds & gilts .", 'The pound "held".']);
    expect(item.bodyHtml).toBe("<p>Shares rose.</p><p>Bonds &amp; gilts .</p><p>The pound &quot;held&quot;.</p>");
    expect(item.pubstatus).toBeNull();
    expect(item.parse.format).toBe("text");
  });

  it("strips markup to its text, drops scripts and styles, decodes entities, and breaks paragraphs at blocks", () => {
    const item = parse('<p>PARIS (AFP) - A <b>bold</b> &amp; <i>new</i> plan&nbsp;was &#8220;unveiled&#8221;.</p><script>alert("x")</script><style>p{}</style><p>Second</p>Third<br>Fourth');
    expect(item.parse.agency).toBe("AFP");
    expect(item.parse.paragraphs).toEqual(["A bold & new plan\u00a0was “unveiled”.", "Second", "Third", "Fourth"]);
    expect(item.bodyHtml).not.toMatch(/script|alert|<b>/);
  });

  it("keeps text without markup exactly as sent, curly quotes and odd spacing included", () => {
    const line = "He said, “We agree.”The talks  continue next year.The end";
    expect(parse(`Paris (AFP) - ${line}`).parse.paragraphs).toEqual([line]);
  });

  it("gives copy without a dateline null dateline fields and keeps all of it as body", () => {
    const item = parse("The council met on Tuesday.\nIt agreed.");
    expect(item.parse).toMatchObject({ agency: null, location: null, country: null, date: null, paragraphs: ["The council met on Tuesday.", "It agreed."] });
    expect(item.parse.tags).toEqual([]);
  });

  it("lifts an embargo line from the head of the copy", () => {
    const item = parse("EMBARGOED UNTIL 00:01 IST, March 10\n\nNew Delhi [India], March 9 (ANI): Text.", new Date("2026-03-09T12:00:00Z"));
    expect(item.parse.embargoUntil).toBe("2026-03-09T18:31:00Z");
    expect(item.parse.paragraphs).toEqual(["Text."]);
    expect(item.parse.tags).toEqual([{ name: "India", type: "place" }]);
  });

  it("finds a dateline below a byline and keeps the byline", () => {
    const item = parse("By Tom Hale\nLONDON, March 3 (Reuters) - Shares rose.");
    expect(item.parse).toMatchObject({ byline: "Tom Hale", location: "London", agency: "Reuters", paragraphs: ["Shares rose."] });
  });

  it("takes the line above a signed dateline as the headline, with the slug above it", () => {
    const item = parse("DEL12 BIZ RBI-POLICY\nRBI keeps repo rate unchanged at 6.5%\nNew Delhi, Mar 3 (PTI) The Reserve Bank held rates.\nMore follows.");
    expect(item.parse).toMatchObject({ headline: "RBI keeps repo rate unchanged at 6.5%", slugline: "RBI-POLICY", agency: "PTI", paragraphs: ["The Reserve Bank held rates.", "More follows."] });
  });

  it("accepts bytes as well as a string, and strips a byte-order mark", () => {
    const bytes = new TextEncoder().encode("\uFEFFSÃO PAULO, Brazil (AP) — Rain.");
    expect(parse(bytes).parse).toMatchObject({ location: "São Paulo", country: "Brazil", paragraphs: ["Rain."] });
  });
});

describe("parseWireItem refuses what is not copy", () => {
  it.each([
    ["", "the item is empty"],
    ["  \n\t ", "the item is empty"],
    ["abc\u0000def", "the item is not text"],
    ["\u0001\u0002\u0003\u0004 text", "the item is not text"],
  ])("%j: %s", (raw, message) => {
    expect(errorOf(() => parse(raw)).message).toBe(message);
  });

  it("refuses binary bytes", () => {
    expect(errorOf(() => parse(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).message).toBe("the item is not text");
    expect(errorOf(() => parse(new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x80 + (i % 60) : 0xff))))).message).toBe("the item is not text");
  });

  it("refuses an item over 1 MB, as text or bytes", () => {
    expect(errorOf(() => parse("a".repeat(1024 * 1024 + 1))).message).toBe("the item is larger than 1 MB");
    expect(errorOf(() => parse("é".repeat(600_000))).message).toBe("the item is larger than 1 MB");
    expect(errorOf(() => parse(new Uint8Array(1024 * 1024 + 1).fill(0x61))).message).toBe("the item is larger than 1 MB");
  });

  it("refuses a receivedAt that is not a date", () => {
    expect(errorOf(() => parse("Paris (AFP) - x", new Date("not a date"))).message).toBe("receivedAt is not a valid date");
  });

  it("answers with a one-line message", () => {
    const error = errorOf(() => parse('{\n  "uri": \n}'));
    expect(error.message).toMatch(/^the item is not valid JSON: /);
    expect(error.message).not.toContain("\n");
    expect(error.name).toBe("WireError");
  });
});

describe("parseWireItem on heads and encodings", () => {
  it("reads the marker lines above the dateline into priority, slug line and take", () => {
    const item = parse("BULLETIN\nBC-Britain-Economy,2nd add\nLONDON, March 3 (Reuters) - Britain's economy grew.");
    expect(item.parse).toMatchObject({ priority: "bulletin", slugline: "BC-Britain-Economy", take: { kind: "add", number: 2, note: null }, envelope: null, location: "London", paragraphs: ["Britain's economy grew."] });
  });

  it("says on any item, NINJS too, that its bytes were read as Windows-1252", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"uri": "urn:x", "headline": "Caf'), 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94, ...new TextEncoder().encode('", "body_text": "Paris (AFP) - Text."}')]);
    expect(parse(bytes).parse).toMatchObject({ format: "ninjs", headline: "Café “ok”", problems: ["decoded as Windows-1252: the bytes are not UTF-8"] });
  });
});
