import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findTableLines } from "@/lib/wire/find-table-lines";
import { joinWrappedLines, readWrap, type HeadLine } from "@/lib/wire/join-wrapped-lines";
import { hasSharedWire, SHARED_WIRE } from "@/lib/wire/shared-samples";

const corpus = (form: string, file: string) => fs.readFileSync(path.resolve(process.cwd(), "lib/wire/corpus", form, file), "utf8").split(/\r?\n/);
const noHead = { table: null, headLines: 0, opens: (): HeadLine => null, receivedAt: new Date("2026-03-03T12:00:00Z") };
const texts = (lines: string[]) => {
  const wrap = readWrap(lines, null);
  if (!wrap) throw new Error("not read as wrapped");
  return joinWrappedLines(lines, wrap, noHead).map((block) => block.text);
};

describe("readWrap", () => {
  it.each([
    ["pti-delhi-metro-indent.txt", 67, true],
    ["reuters-london-bonds-blank.txt", 63, false],
    ["ap-senate-short-lines.txt", 70, false],
    ["uni-mumbai-tabs-crlf.txt", 63, true],
  ])("measures the wrap of %s", (file, width, indents) => {
    expect(readWrap(corpus("wrapped", file), null)).toEqual({ width, margin: 0, indents });
  });

  it("knows a short item by its sentences running on into lower-case lines", () => {
    const lines = ["  MUMBAI, March 3 (Reuters) - The rupee ended little changed", "against the dollar on Tuesday as importers' demand offset", "inflows into local equities, traders said."];
    expect(readWrap(lines, null)).not.toBeNull();
  });

  it.each(fs.readdirSync(path.resolve(process.cwd(), "lib/wire/fixtures")).filter((file) => file.endsWith(".txt")))("leaves fixture %s, sent one paragraph to a line, unwrapped", (file) => {
    const lines = fs.readFileSync(path.resolve(process.cwd(), "lib/wire/fixtures", file), "utf8").split("\n");
    expect(readWrap(lines, findTableLines(lines))).toBeNull();
  });

  it.skipIf(!hasSharedWire)("leaves every shared/wire sample unwrapped", () => {
    for (const file of fs.readdirSync(SHARED_WIRE).filter((name) => name.endsWith(".txt"))) {
      expect(readWrap(fs.readFileSync(path.join(SHARED_WIRE, file), "utf8").split("\n"), null), file).toBeNull();
    }
  });

  it.each([
    ["short one-sentence paragraphs", ["The council met on Tuesday.", "It approved the budget for the year.", "The vote was 31 to 9 in favour of it.", "Work starts in June."]],
    ["a digest of headlines", ["Sensex up 200 points", "Nifty closes at a record high on bank stocks", "Rupee flat", "Gold rises Rs 350 on wedding demand", "Crude steady"]],
    ["a few lines", ["A line of copy that stops", "and runs on"]],
  ])("finds no wrap in %s", (_, lines) => {
    expect(readWrap(lines, null)).toBeNull();
  });
});

describe("joinWrappedLines", () => {
  it("opens a paragraph at each indent when the copy indents its paragraphs", () => {
    const joined = texts(corpus("wrapped", "pti-delhi-metro-indent.txt"));
    expect(joined).toHaveLength(8);
    expect(joined[1]).toBe(
      "New Delhi, Mar 3 (PTI) The Delhi Metro will run trains every two and a half minutes on its busiest corridor from next month, officials said on Tuesday, as ridership crossed seven million journeys a day for the first time.",
    );
  });

  it("ends a paragraph after a sentence that stops well short of the wrap width, and only there", () => {
    const joined = texts(corpus("wrapped", "ap-senate-short-lines.txt"));
    expect(joined).toHaveLength(5);
    expect(joined[1]).toBe("The measure passed 71-27 after a week of debate in which senators from both parties told stories of stranded constituents.");
  });

  it("keeps a word broken at its own hyphen whole, and joins other lines with a space", () => {
    const lines = ["DENVER (AP) — A well-", "known Colorado brewery will close its original taproom in the city's", "River North district at the end of the month, its owners said", "Monday, blaming a rent increase of nearly 60% -- the third in four", "years."];
    expect(texts(lines)[0]).toBe(
      "DENVER (AP) — A well-known Colorado brewery will close its original taproom in the city's River North district at the end of the month, its owners said Monday, blaming a rent increase of nearly 60% -- the third in four years.",
    );
  });

  it("sets a sign-off or a mark after a sentence's end apart, even after a full line", () => {
    const joined = texts(corpus("sign-offs", "reuter-wrapped-full-line.txt").filter(Boolean));
    expect(joined.slice(-3)).toEqual([expect.stringMatching(/the managers said\.$/), "Reuter", "031020 GMT Mar 26"]);
  });

  it("opens a paragraph where the head says the dateline begins", () => {
    const lines = ["Night train between Paris and Berlin to return in", "December after nine-year gap", "PARIS, March 3 (AFP) - France's national railway will run overnight", "sleeper trains between Paris and Berlin three times a week from", "December, its chief executive said on Tuesday."];
    const wrap = { width: 66, margin: 0, indents: false };
    const opens = (line: string): HeadLine => (line.startsWith("PARIS") ? "start" : null);
    expect(joinWrappedLines(lines, wrap, { ...noHead, headLines: 5, opens }).map((block) => block.text)).toEqual([
      "Night train between Paris and Berlin to return in December after nine-year gap",
      "PARIS, March 3 (AFP) - France's national railway will run overnight sleeper trains between Paris and Berlin three times a week from December, its chief executive said on Tuesday.",
    ]);
  });

  it("measures indents from the margin the prose keeps, whatever the tables' indent", () => {
    const lines = ["  LONDON, March 3 (Reuters) - Shares in Europe rose on Tuesday after", "  factory data from Germany beat forecasts and energy prices eased", "  for a second day.", "Index        Close    Change", "STOXX 600    512.4    +0.4%", "     Miners led the gains, with copper at a three-week high after", "  a rise in Chinese demand for wire and cable, dealers said."];
    const table = findTableLines(lines);
    const wrap = readWrap(lines, table);
    expect(wrap).toMatchObject({ margin: 2, indents: true });
    expect(joinWrappedLines(lines, wrap!, { ...noHead, table }).map((block) => block.kind)).toEqual(["paragraph", "preformatted", "paragraph"]);
  });

  it("lays each run of table lines out as one preformatted block", () => {
    const lines = corpus("tables", "ap-league-table.txt");
    const table = findTableLines(lines);
    const wrap = readWrap(lines, table);
    expect(wrap).not.toBeNull();
    const blocks = joinWrappedLines(lines, wrap!, { ...noHead, table });
    expect(blocks.map((block) => block.kind)).toEqual(["paragraph", "paragraph", "paragraph", "preformatted", "paragraph"]);
    expect(blocks[3].text.split("\n")[1]).toBe("Harbourside        26  19   4   3  58  21   61");
  });
});
