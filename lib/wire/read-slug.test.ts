import { describe, expect, it } from "vitest";
import { readSlugLine, slugKey } from "@/lib/wire/read-slug";

describe("readSlugLine", () => {
  it.each([
    ["BC-BAHIA-COCOA-REVIEW   02-26 0105", "BC-BAHIA-COCOA-REVIEW", null, 105],
    ["BC-Cocoa-Review,1st add", "BC-Cocoa-Review", { kind: "add", number: 1, note: null }, null],
    ["BC-Election-Results 2ndLd-Writethru", "BC-Election-Results", { kind: "writethru", number: 2, note: null }, null],
    ["BC-BKN--Heat-Hawks, 1st Ld-Writethru,416", "BC-BKN--Heat-Hawks", { kind: "writethru", number: 1, note: null }, 416],
    ["BC-BKN--Heat-Hawks 1stLd-Writethru   02-20 0500", "BC-BKN--Heat-Hawks", { kind: "writethru", number: 1, note: null }, 500],
    ["PTI-WB-BJP 1STADD", "PTI-WB-BJP", { kind: "add", number: 1, note: null }, null],
    ["DEL23 WB-POLL 2ND ADD", "WB-POLL", { kind: "add", number: 2, note: null }, null],
    ["DEL12 BIZ RBI-POLICY", "RBI-POLICY", null, null],
    ["BC-Britain-Economy", "BC-Britain-Economy", null, null],
    ["UK-EU-TRADE", "UK-EU-TRADE", null, null],
    ["BC-Chile-Earthquake,Kill", "BC-Chile-Earthquake", { kind: "kill", number: null, note: null }, null],
  ])("%j (plain text) → %s", (line, slugline, take, wordCount) => {
    expect(readSlugLine(line, { strict: true })).toEqual({ slugline, take, wordCount });
  });

  it.each([
    "Shares rose on Tuesday.",
    "US-China talks resume",
    "COVID-19",
    "Anti-war protesters marched",
    "BC-Britain-Economy Britain's economy grew",
    "ADD 1",
    `BC-${"X".repeat(300)}`,
  ])("%j is no slug line in plain text", (line) => {
    expect(readSlugLine(line, { strict: true })).toBeNull();
  });

  it("keeps any keyword of an envelope, and the words it cannot read do not stop it", () => {
    expect(readSlugLine("Yemen/conflict/", { strict: false })).toEqual({ slugline: "Yemen/conflict", take: null, wordCount: null });
    expect(readSlugLine("BC-Markets Adv26   02-26 0300", { strict: false })).toEqual({ slugline: "BC-Markets", take: null, wordCount: 300 });
  });

  it("gives a story and its takes the same slug line", () => {
    const lines = ["BC-Cocoa-Review", "BC-Cocoa-Review,1st add", "BC-Cocoa-Review 2ndLd-Writethru", "BC-Cocoa-Review, CORRECTED", "BC-Cocoa-Review,Kill"];
    expect(new Set(lines.map((line) => readSlugLine(line, { strict: true })?.slugline))).toEqual(new Set(["BC-Cocoa-Review"]));
  });
});

describe("slugKey", () => {
  it("matches slug lines however their case and spacing differ", () => {
    expect(slugKey(" BC-Cocoa-Review ")).toBe("BC-COCOA-REVIEW");
    expect(slugKey("BC-COCOA-REVIEW")).toBe(slugKey("bc-cocoa-review"));
    expect(slugKey("Portugal / wildfires")).toBe("PORTUGAL / WILDFIRES");
    expect(slugKey("Portugal  /\twildfires")).toBe("PORTUGAL / WILDFIRES");
  });
});
