import { describe, expect, it } from "vitest";
import { TagVocabulary } from "@/lib/wire";

const vocabulary = new TagVocabulary([
  { name: "S Jaishankar", type: "person", aliases: ["Jaishankar", "Subrahmanyam Jaishankar"] },
  { name: "Sergey Lavrov", type: "person", aliases: [] },
  { name: "Lavrov", type: "person", aliases: [] },
  { name: "Russia", type: "place", aliases: ["Russian Federation"] },
  { name: "India", type: "place", aliases: [] },
  { name: "Gaza", type: "place", aliases: [] },
  { name: "Reserve Bank of India", type: "organisation", aliases: ["RBI"] },
  { name: "energy", type: "topic", aliases: ["power sector"] },
  { name: "O'Brien", type: "person", aliases: [] },
]);

describe("TagVocabulary.match", () => {
  it("finds names and aliases as whole words, in order of first mention, under the canonical name", () => {
    expect(vocabulary.match("Jaishankar met officials in Russia. The RBI said India would act.")).toEqual([
      { name: "S Jaishankar", type: "person" },
      { name: "Russia", type: "place" },
      { name: "Reserve Bank of India", type: "organisation" },
      { name: "India", type: "place" },
    ]);
  });

  it("counts an alias and the name as one tag", () => {
    expect(vocabulary.match("S Jaishankar spoke. Later Jaishankar left.")).toEqual([{ name: "S Jaishankar", type: "person" }]);
  });

  it("folds a name that is the tail of a longer matched name of the same type into it", () => {
    expect(vocabulary.match("Lavrov said… Sergey Lavrov later added.")).toEqual([{ name: "Sergey Lavrov", type: "person" }]);
  });

  it("prefers the longest spelling at a word: Reserve Bank of India, not India", () => {
    expect(vocabulary.match("The Reserve Bank of India kept rates.")).toEqual([{ name: "Reserve Bank of India", type: "organisation" }]);
  });

  it("matches names case-sensitively and only as whole words", () => {
    expect(vocabulary.match("gaza russia Russian Indiana Gazans")).toEqual([]);
  });

  it("matches topics whatever their case", () => {
    expect(vocabulary.match("Energy prices and the Power Sector")).toEqual([{ name: "energy", type: "topic" }]);
  });

  it("finds a name before a possessive or inside a hyphenated pair, and keeps apostrophes in names", () => {
    expect(vocabulary.match("Russia’s view of India-Russia ties, said O’Brien.")).toEqual([
      { name: "Russia", type: "place" },
      { name: "India", type: "place" },
      { name: "O'Brien", type: "person" },
    ]);
  });

  it("looks a spelling up, ignoring case", () => {
    expect(vocabulary.lookup("jaishankar")).toEqual({ name: "S Jaishankar", type: "person" });
    expect(vocabulary.lookup("Nobody")).toBeNull();
  });

  it("stays fast with 10,000 entries", () => {
    const big = new TagVocabulary(Array.from({ length: 10_000 }, (_, i) => ({ name: `Entry ${i} Name`, type: "organisation" as const, aliases: [`E${i}`] })));
    const text = "Entry 42 Name met E9999 and others. ".repeat(200);
    const started = performance.now();
    for (let i = 0; i < 50; i++) big.match(text);
    expect(big.match(text)).toEqual([
      { name: "Entry 42 Name", type: "organisation" },
      { name: "Entry 9999 Name", type: "organisation" },
    ]);
    // 50 texts of 7 kB: a scan per word, not per entry, keeps this far under a second.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
