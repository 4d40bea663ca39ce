import { describe, expect, it } from "vitest";
import { parseWireItem, suggestTags, TagVocabulary } from "@/lib/wire";
import { cleanEntityText, withoutTitles } from "@/lib/wire/clean-entity-name";

const receivedAt = new Date("2026-03-03T09:00:00Z");
const item = (text: string) => parseWireItem(text, { receivedAt });

describe("suggestTags", () => {
  it("puts the item's own tags first, then vocabulary tags in order of mention, without NLP unless asked", () => {
    const vocabulary = new TagVocabulary([
      { name: "BRICS", type: "organisation", aliases: [] },
      { name: "India", type: "place", aliases: [] },
    ]);
    const parsed = item("Moscow [Russia], March 2 (ANI): India and Russia discussed BRICS. Sergey Lavrov spoke.");
    expect(suggestTags(parsed, { vocabulary })).toEqual([
      { name: "Russia", type: "place" },
      { name: "India", type: "place" },
      { name: "BRICS", type: "organisation" },
    ]);
  });

  it("gives NLP names that the vocabulary knows under another spelling the vocabulary's name", () => {
    const vocabulary = new TagVocabulary([{ name: "Sergey Viktorovich Lavrov", type: "person", aliases: ["Sergey Lavrov"] }]);
    const tags = suggestTags(item("LONDON (Reuters) - Sergey Lavrov met Vladimir Putin in Moscow on Monday."), { vocabulary, nlp: true });
    expect(tags.filter((tag) => tag.type === "person")).toEqual([
      { name: "Sergey Viktorovich Lavrov", type: "person" },
      { name: "Vladimir Putin", type: "person" },
    ]);
  });

  it("cleans compromise's names: titles, possessives, punctuation, glued and hyphenated places, surnames alone", () => {
    const text = [
      "Moscow [Russia], December 27 (ANI): External Affairs Minister S Jaishankar on Wednesday met Russian President Vladimir Putin in Moscow.",
      "Russian Foreign Minister Sergey Lavrov said India-Russia ties were strong. Lavrov praised Jaishankar.",
      "He called Russia India’s partner and spoke of Gaza. They backed the Chennai Vladivostok route and BRICS.",
    ].join("\n");
    const tags = suggestTags(item(text), { nlp: true });
    const names = tags.map((tag) => tag.name);
    expect(tags).toEqual(expect.arrayContaining([
      { name: "S Jaishankar", type: "person" },
      { name: "Vladimir Putin", type: "person" },
      { name: "Sergey Lavrov", type: "person" },
      { name: "India", type: "place" },
      { name: "Gaza", type: "place" },
      { name: "BRICS", type: "organisation" },
    ]));
    for (const junk of ["Minister S Jaishankar", "President Vladimir Putin", "Jaishankar", "Lavrov", "India-Russia", "Russia India", "Gaza.", "Chennai Vladivostok"]) expect(names).not.toContain(junk);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    expect(tags[0]).toEqual({ name: "Russia", type: "place" });
  });

  it("completes an organisation compromise cut short, and leaves a day off the end", () => {
    const tags = suggestTags(item("Paris (AFP) - Work on the North-South International Transport Corridor will resume, the European Union said Tuesday."), { nlp: true });
    const names = tags.map((tag) => tag.name);
    expect(names).not.toContain("North-South International");
    expect(names).toContain("European Union");
    expect(names).not.toContain("European Union Tuesday");
  });

  it("does not tag the dateline city unless the body names it again", () => {
    expect(suggestTags(item("NAIROBI, Kenya (AP) — Voting began on Tuesday."), { nlp: true }).map((tag) => tag.name)).not.toContain("Nairobi");
    expect(suggestTags(item("NAIROBI, Kenya (AP) — Voting began in Nairobi on Tuesday."), { nlp: true }).map((tag) => tag.name)).toContain("Nairobi");
  });

  it("is deterministic", () => {
    const parsed = item("Moscow [Russia], December 27 (ANI): Jaishankar met Sergey Lavrov in Moscow and discussed BRICS and Gaza.");
    expect(suggestTags(parsed, { nlp: true })).toEqual(suggestTags(parsed, { nlp: true }));
  });
});

describe("cleanEntityText and withoutTitles", () => {
  it.each([
    ["Russia’s", ["Russia"]],
    ["Gaza.", ["Gaza"]],
    ["Eurasian Economic Union,”", ["Eurasian Economic Union"]],
    ["Moscow [Russia],", ["Moscow", "Russia"]],
    ["SCO”.", ["SCO"]],
    ["‘Made In India’", ["Made In India"]],
    ["We", []],
  ])("cleans %s", (raw, names) => {
    expect(cleanEntityText(raw)).toEqual(names);
  });

  it.each([
    ["Minister S Jaishankar", "S Jaishankar"],
    ["President Vladimir Putin", "Vladimir Putin"],
    ["Russian Foreign Minister Sergey Lavrov", "Sergey Lavrov"],
    ["External Affairs Minister S Jaishankar", "S Jaishankar"],
    ["Mr. Rishi Sunak", "Rishi Sunak"],
    ["Amartya Sen", "Amartya Sen"],
  ])("takes the titles off %s", (name, expected) => {
    expect(withoutTitles(name)).toBe(expected);
  });
});
