import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readWireInput } from "@/lib/wire/read-input";
import { WireError } from "@/lib/wire/wire-error";

const ENCODINGS = path.resolve(process.cwd(), "lib/wire/corpus/encodings");
const bytesOf = (file: string) => new Uint8Array(fs.readFileSync(path.join(ENCODINGS, file)));
const WINDOWS_1252 = "decoded as Windows-1252: the bytes are not UTF-8";

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof WireError) return error.message;
    throw error;
  }
  throw new Error("expected a WireError");
}

describe("readWireInput decodes the bytes", () => {
  it("reads UTF-8 as UTF-8, with or without a byte order mark, and says nothing", () => {
    expect(readWireInput(bytesOf("utf-8-no-bom.txt"))).toEqual({ text: expect.stringContaining("Le musée d’Orsay"), problems: [] });
    const bom = readWireInput(bytesOf("utf-8-bom.txt"));
    expect(bom.text.startsWith("SÃO PAULO")).toBe(true);
    expect(bom.problems).toEqual([]);
  });

  it("reads UTF-16 little- and big-endian by their byte order mark", () => {
    expect(readWireInput(bytesOf("utf-16le-bom.txt"))).toEqual({ text: expect.stringMatching(/^MUNICH, March 7 \(Reuters\) - Bayern München .* – the club’s/), problems: [] });
    expect(readWireInput(bytesOf("utf-16be-bom.txt")).text).toContain("Κρήτη (Crete)");
  });

  it("reads bytes that are not UTF-8 as Windows-1252: curly quotes, dashes and the euro sign, not C1 controls", () => {
    const quotes = readWireInput(bytesOf("windows-1252-quotes-dash.txt"));
    expect(quotes.text).toContain("Paris’s oldest café, said on Tuesday it would stay open “for as long as people want coffee” through the 2026–27 season.");
    expect(quotes.problems).toEqual([WINDOWS_1252]);
    expect(readWireInput(bytesOf("windows-1252-euro-ellipsis.txt")).text).toContain("€4.5 billion on buybacks — more than analysts had expected … and");
  });

  it("reads Latin-1 the same way (its letters are Windows-1252's)", () => {
    const latin = readWireInput(bytesOf("latin-1-umlaut-enye.txt"));
    expect(latin.text).toContain("ZÜRICH, March 5 (Reuters) - Müller Pharma said on Thursday its chief executive, José Peñalosa");
    expect(latin.problems).toEqual([WINDOWS_1252]);
  });

  it("keeps UTF-8 with a stray byte as UTF-8, the byte replaced, rather than turn its accents to mojibake", () => {
    const damaged = readWireInput(bytesOf("utf-8-one-stray-byte.txt"));
    expect(damaged.text).toContain("Portugal’s São João festival will run for fi\uFFFDve days");
    expect(damaged.problems).toEqual(["some bytes are not UTF-8: each shows as the replacement character"]);
  });

  it("drops the five bytes Windows-1252 leaves undefined", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("Copy with odd bytes: A"), 0x81, 0x42, 0x8d, 0xe9]);
    expect(readWireInput(bytes)).toEqual({ text: "Copy with odd bytes: ABé", problems: [WINDOWS_1252] });
  });

  it("leaves a string as it is: mojibake already in it is not undone", () => {
    expect(readWireInput("cafÃ© “ok”")).toEqual({ text: "cafÃ© “ok”", problems: [] });
  });
});

describe("readWireInput and control characters", () => {
  it("keeps an envelope's framing (SOH, STX, ETX, EOT, SYN, US) for the envelope reader, and drops the rest", () => {
    const body = "LONDON, Feb 26 (Reuters) - The body of the story goes here, long enough to be copy.\n";
    const text = readWireInput(`\x16\x16\x01f0704\x1freute u f BC-X\x13\x11 02-26 0105\x1f\x02 HEAD\x07LINE\n${body}\x03\x04`).text;
    expect(text).toBe(`\x16\x16\x01f0704\x1freute u f BC-X 02-26 0105\x1f\x02 HEADLINE\n${body}\x03\x04`);
  });

  it("drops the same characters from copy that does not open with an envelope, as before", () => {
    expect(readWireInput("LONDON, March 3 (Reuters) - A\x02B\x03 rose.").text).toBe("LONDON, March 3 (Reuters) - AB rose.");
  });

  it("refuses a run of control bytes as not text, at once", () => {
    const started = performance.now();
    expect(errorOf(() => readWireInput(new Uint8Array(1024 * 1024).fill(0x01)))).toBe("the item is not text");
    expect(errorOf(() => readWireInput("\x16\x01\x02\x03".repeat(250_000)))).toBe("the item is not text");
    expect(errorOf(() => readWireInput("\x01"))).toBe("the item is not text");
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("refuses bytes that are neither UTF-8 nor mostly ASCII", () => {
    const noise = new Uint8Array(4096).map((_, index) => 0x80 + ((index * 37) % 128));
    expect(errorOf(() => readWireInput(noise))).toBe("the item is not text");
  });

  it("refuses UTF-16 without a byte order mark (its NUL bytes) and an empty UTF-16 item", () => {
    expect(errorOf(() => readWireInput(new Uint8Array([0x41, 0x00, 0x42, 0x00])))).toBe("the item is not text");
    expect(errorOf(() => readWireInput(new Uint8Array([0xff, 0xfe, 0x20, 0x00])))).toBe("the item is empty");
  });
});
