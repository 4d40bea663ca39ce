import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWireItem, WireError } from "@/lib/wire";
import { readEnvelope } from "@/lib/wire/read-envelope";
import { readWireInput } from "@/lib/wire/read-input";

const receivedAt = new Date("2026-03-05T15:00:00Z");
const CORPUS = path.resolve(process.cwd(), "lib/wire/corpus");
const envelopeOf = (form: string, file: string) => readEnvelope(readWireInput(fs.readFileSync(path.join(CORPUS, form, file))).text, receivedAt);
const parse = (raw: string | Uint8Array) => parseWireItem(raw, { receivedAt });
const FRAMING = /[\x01-\x04\x16\x1F]/;

describe("readEnvelope: ANPA 1312", () => {
  it("reads the Reuters header (selector, priority, category, keyword, date, word count) and the headline line after STX", () => {
    const envelope = envelopeOf("anpa", "reuters-cocoa-routine.anpa")!;
    expect(envelope).toMatchObject({
      kind: "anpa-1312",
      priority: "routine",
      category: "f",
      slugline: "BC-BRAZIL-COCOA-HARVEST",
      wordCount: 118,
      take: null,
      headline: "BRAZIL COCOA HARVEST SEEN LATE AFTER DRY JANUARY",
      problems: [],
    });
    expect(envelope.text.startsWith("   SALVADOR, Feb 26 - Rains returned")).toBe(true);
    expect(envelope.text).not.toMatch(FRAMING);
  });

  it("reads the take in the keyword, and gives an add without a headline line none", () => {
    expect(envelopeOf("anpa", "reuters-cocoa-first-add.anpa")).toMatchObject({ slugline: "BC-BRAZIL-COCOA-HARVEST", take: { kind: "add", number: 1 }, headline: null });
    expect(envelopeOf("anpa", "reuters-rate-first-lead.anpa")).toMatchObject({ slugline: "BC-NORDLAND-CENBANK-RATE", take: { kind: "lead", number: 1 } });
  });

  it("reads AP's two header lines and its ^ head lines: keyword, headline, advisory, byline; the dispatch stamp goes", () => {
    const envelope = envelopeOf("anpa", "ap-election-writethru.anpa")!;
    expect(envelope).toMatchObject({
      priority: "routine",
      category: "a",
      slugline: "BC-Election-Results",
      wordCount: 230,
      take: { kind: "writethru", number: 2, note: "Updates with final count, comment from governor. With AP Photos." },
      headline: "Opposition wins most seats in Lakeland regional vote",
    });
    expect(envelope.text.startsWith("By DANIEL OKAFOR, Associated Press\n\t   LAKE CITY (AP)")).toBe(true);
    expect(envelope.text).not.toMatch(/\^|AP-WF|AP Photo/);
  });

  it("reads an AP keyword line whose words are no take mark as the keyword, not the headline", () => {
    const envelope = readEnvelope("\x16\x16\x01W2870asian\nf l BC-LT--Argentina-CancerB     11-13 1049\n\x02^BC-LT--Argentina-Cancer Beauty,466<\n^For chemo patients, mirrors can hurt <\n\t   BUENOS AIRES, Argentina (AP) _ Text.\n\x03", receivedAt);
    expect(envelope).toMatchObject({ priority: "flash", category: "l", slugline: "BC-LT--Argentina-CancerB", wordCount: 1049, headline: "For chemo patients, mirrors can hurt" });
  });

  it("maps the priority codes onto our four, and says which it does not know", () => {
    expect(envelopeOf("anpa", "reuters-flash.anpa")?.priority).toBe("flash");
    expect(envelopeOf("anpa", "ap-quake-bulletin.anpa")?.priority).toBe("bulletin");
    expect(envelopeOf("anpa", "reuters-rate-urgent.anpa")?.priority).toBe("urgent");
    expect(envelopeOf("anpa", "reuters-unknown-priority.anpa")).toMatchObject({ priority: null, category: "f", problems: ['unknown ANPA priority code "q"'] });
  });

  it("reads a kill", () => {
    expect(envelopeOf("anpa", "ap-quake-kill.anpa")?.take).toEqual({ kind: "kill", number: null, note: "KILL the BC-Chile-Earthquake story sent at 1412 GMT. It gave the wrong region." });
  });
});

describe("readEnvelope: IPTC 7901", () => {
  it("reads the header line, the keyword line under it and the headline closed with ' ='", () => {
    const envelope = envelopeOf("iptc7901", "dpa-wildfires-routine.7901")!;
    expect(envelope).toMatchObject({ kind: "iptc-7901", priority: "routine", category: "i", wordCount: 211, slugline: "Portugal/wildfires", headline: "Wildfires force evacuation of villages in central Portugal", problems: [] });
    expect(envelope.text.trimStart().startsWith("Lisbon (dpa) - Firefighters")).toBe(true);
  });

  it("reads take lines under the keyword, and a keyword on the header line", () => {
    expect(envelopeOf("iptc7901", "dpa-wildfires-first-lead.7901")).toMatchObject({ priority: "urgent", take: { kind: "lead", number: 1 } });
    expect(envelopeOf("iptc7901", "afp-add-keyword-on-header.7901")).toMatchObject({ category: "ECO", slugline: "France-Budget", take: { kind: "add", number: 2 }, headline: null });
    expect(envelopeOf("iptc7901", "ansa-government-flash.7901")).toMatchObject({ priority: "flash", category: "POL", slugline: "Italy-Government" });
  });

  it("says what it could not read", () => {
    expect(envelopeOf("iptc7901", "priority-out-of-range.7901")).toMatchObject({ priority: null, problems: ['unknown IPTC 7901 priority "9"'] });
    expect(envelopeOf("iptc7901", "unreadable-header.7901")).toMatchObject({ kind: "iptc-7901", priority: null, slugline: null, problems: ['the envelope header could not be read ("XX/??? routing hold")'] });
    expect(envelopeOf("iptc7901", "ctk-eot-no-etx.7901")?.problems).toEqual(["no ETX: read to the EOT"]);
  });
});

describe("readEnvelope on broken envelopes", () => {
  it("is null for copy without one", () => {
    expect(readEnvelope("LONDON, March 3 (Reuters) - Shares rose.", receivedAt)).toBeNull();
  });

  it("reads STX without ETX to the end", () => {
    const envelope = readEnvelope("\x01f0001 reute u f BC-X 03-05 0010\x02 HEADLINE HERE\nSANTIAGO, March 5 - Text.", receivedAt);
    expect(envelope).toMatchObject({ slugline: "BC-X", headline: "HEADLINE HERE", problems: ["no ETX: read to the end of the item"] });
    expect(envelope?.text).toBe("SANTIAGO, March 5 - Text.");
  });

  it("reads SOH without STX from the line after the header", () => {
    const envelope = readEnvelope("\x01f0001 reute r f BC-X 03-05 0010\nSANTIAGO, March 5 - Text.\n\x03", receivedAt);
    expect(envelope).toMatchObject({ priority: "routine", slugline: "BC-X", text: "SANTIAGO, March 5 - Text.", problems: ["no STX: the text is read from the line after the header"] });
  });

  it("reads SOH alone as an envelope with nothing in it", () => {
    expect(readEnvelope("\x01", receivedAt)?.problems).toEqual(["no STX: the text is read from the line after the header", "the envelope has no header", "no ETX: read to the end of the item", "the envelope holds no text"]);
  });

  it("reads only the start of a header line of 100 KB, and a headline line that long is no headline", () => {
    const started = performance.now();
    const header = `f0001 reute u f BC-LONG ${" x".repeat(50_000)}`;
    const envelope = readEnvelope(`\x16\x16\x01${header}\x02   ${"A ".repeat(50_000)}\nSANTIAGO, March 5 - Text.\n\x03`, receivedAt);
    expect(envelope).toMatchObject({ priority: "urgent", slugline: "BC-LONG", headline: null, problems: [`the envelope header is ${header.length} characters long: read its first 1000`] });
    const keyword = readEnvelope(`\x01dpa0001 4 i 10\n${"Yemen/".repeat(20_000)}\n\x02${" ".repeat(100_000)}=\n\x03`, receivedAt);
    expect(keyword?.slugline?.length).toBeLessThanOrEqual(200);
    const ap = readEnvelope(`\x01a0001 -----\nr a BC-X 03-05 0010\n\x02${"^ <\n".repeat(200_000)}Text.\x03`, receivedAt);
    expect(ap?.text.endsWith("Text.")).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("parseWireItem on envelopes", () => {
  it("keeps every envelope code out of the body and reports problems on the item", () => {
    const item = parseWireItem(fs.readFileSync(path.join(CORPUS, "anpa", "reuters-latin1.anpa")), { receivedAt });
    expect(item.parse).toMatchObject({ format: "text", envelope: "anpa-1312", headline: "SOCCER-PEÑAROL NAME SÃO PAULO'S RIBEIRO AS COACH", headlineProposed: false, problems: ["decoded as Windows-1252: the bytes are not UTF-8"] });
    expect(item.bodyHtml).not.toMatch(/[\x01-\x04\x16\x1F]|reute|BC-SOCCER/);
  });

  it("refuses 1 MB of control bytes as not text, and an envelope with no text as empty", () => {
    const started = performance.now();
    for (const raw of [new Uint8Array(1024 * 1024).fill(0x16), "\x01\x02\x03\x04".repeat(262_144), "\x01"]) {
      expect(() => parse(raw)).toThrow(WireError);
    }
    expect(performance.now() - started).toBeLessThan(1000);
    expect(() => parse("\x16\x16\x01\x02\n\n\x03")).toThrow("the item is not text");
  });

  it("returns a parse or a WireError for any mix of envelope bytes and copy", () => {
    const parts = ["\x16", "\x01", "\x02", "\x03", "\x04", "\x1f", "f0704 ", "reute u f ", "BC-X ", "02-26 0105", "\n", "HEADLINE\n", "LONDON, Feb 26 (Reuters) - Text. ", "^Eds: KILL<\n", "1ST LEAD\n", "=", "\t   "];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % parts.length;
    for (let run = 0; run < 500; run++) {
      const raw = Array.from({ length: 5 + (run % 40) }, () => parts[next()]).join("");
      try {
        const item = parse(raw);
        expect(item.parse.paragraphs.join(" ")).not.toMatch(FRAMING);
      } catch (error) {
        expect(error).toBeInstanceOf(WireError);
      }
    }
  });
});

describe("an ETX in mid-text", () => {
  it("says that the text after it was left out, while a dispatch stamp after ETX is no loss", () => {
    const message = (tail: string) => `\x16\x16\x01f0704\x1freute r f BC-TEST-ETX 02-26 0050\x1f\x02   TEST HEADLINE\n   SALVADOR, Feb 26 - First paragraph of the story.\n\x03${tail}`;
    const cut = readEnvelope(message("   Second paragraph, after a stray ETX.\n Reuter\n"), new Date("2026-02-26T18:00:00Z"))!;
    expect(cut.problems).toEqual([expect.stringMatching(/^text after ETX was left out \(\d+ characters\)/)]);
    const stamped = readEnvelope(message("AP-WF-02-26-26 1431GMT<\n\x04"), new Date("2026-02-26T18:00:00Z"))!;
    expect(stamped.problems).toEqual([]);
  });
});
