import { describe, expect, it } from "vitest";
import { combineTakes, readTake } from "@/lib/wire/read-take";

describe("readTake", () => {
  it.each([
    ["ADD 1", "add", 1, null],
    ["2ND ADD", "add", 2, null],
    ["1STADD", "add", 1, null],
    ["1st add", "add", 1, null],
    ["third add", "add", 3, null],
    ["1ST LEAD", "lead", 1, null],
    ["1STLD", "lead", 1, null],
    ["NEW LEAD", "lead", null, null],
    ["WRITETHRU", "writethru", null, null],
    ["2ND LD-WRITETHRU", "writethru", 2, null],
    ["1stLd-Writethru", "writethru", 1, null],
    ["3rd Ld-Writethru", "writethru", 3, null],
    ["UPDATE 2", "writethru", 2, null],
    ["CORRECTED", "correction", null, null],
    ["Correction", "correction", null, null],
    ["CORRECTS spelling of name in para 3", "correction", null, "CORRECTS spelling of name in para 3"],
    ["(Corrects to fix spelling of minister's name in paragraph 3)", "correction", null, "Corrects to fix spelling of minister's name in paragraph 3"],
    ["(Fixes typo in paragraph 2)", "correction", null, "Fixes typo in paragraph 2"],
    ["EDS: Corrects the date in the third paragraph", "correction", null, "Corrects the date in the third paragraph"],
    ["(Adds comment from minister in paragraph 4)", "writethru", null, "Adds comment from minister in paragraph 4"],
    ["KILL", "kill", null, null],
    ["KILL KILL KILL", "kill", null, null],
    ["ELIMINATION", "kill", null, null],
    ["MANDATORY KILL", "kill", null, null],
    ["EDITORS: KILL the story sent at 1412 GMT", "kill", null, "KILL the story sent at 1412 GMT"],
    ["Editors: Please kill BC-Foo. It was sent in error.", "kill", null, "Please kill BC-Foo. It was sent in error."],
  ])("%j → %s %s", (text, kind, number, note) => {
    expect(readTake(text)).toEqual({ kind, number, note });
  });

  it.each([
    "Add a cup of flour",
    "Corrects course after a difficult year",
    "Kill Bill returns to cinemas",
    "Adds up to a record",
    "The lead singer left the band",
    "LONDON, March 3 (Reuters) - Shares rose.",
    "EDS: Updates with reaction",
    "",
    `CORRECTS ${"x".repeat(400)}`,
  ])("%j is no take", (text) => {
    expect(readTake(text)).toBeNull();
  });
});

describe("combineTakes", () => {
  it("keeps the weightier kind, with the first number and note given", () => {
    const writethru = { kind: "writethru" as const, number: 1, note: null };
    const correction = { kind: "correction" as const, number: null, note: "Corrects para 3" };
    expect(combineTakes(writethru, correction)).toEqual({ kind: "correction", number: 1, note: "Corrects para 3" });
    expect(combineTakes({ kind: "lead", number: 1, note: null }, { kind: "writethru", number: null, note: "Adds quotes" })).toEqual({ kind: "lead", number: 1, note: "Adds quotes" });
    expect(combineTakes(null, writethru)).toBe(writethru);
    expect(combineTakes(null, null)).toBeNull();
  });
});
