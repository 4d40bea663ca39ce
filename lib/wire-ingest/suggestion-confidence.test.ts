import { describe, expect, it } from "vitest";
import { judgeSuggestions } from "@/lib/wire-ingest/suggestion-confidence";

const vocabulary = [
  { name: "Russia", type: "place" as const, aliases: [] },
  { name: "S Jaishankar", type: "person" as const, aliases: ["Jaishankar"] },
  { name: "energy", type: "topic" as const, aliases: [] },
  { name: "Gaza", type: "place" as const, aliases: [] },
];

describe("judgeSuggestions", () => {
  const copy = "External Affairs Minister Jaishankar met officials in Russia’s capital on energy. Gazan traders waited.";
  const judged = judgeSuggestions(
    [
      { name: "Russia", type: "place" },
      { name: "S Jaishankar", type: "person" },
      { name: "Energy", type: "topic" },
      { name: "Gaza", type: "place" },
      { name: "Pavan Kapoor", type: "person" },
    ],
    copy,
    vocabulary,
  );
  const byName = Object.fromEntries(judged.map((tag) => [tag.name, tag]));

  it("ticks an existing tag the copy names exactly, by name or by alias, and says so", () => {
    expect(byName.Russia).toMatchObject({ ticked: true, reason: "ticked: matches the tag Russia" });
    expect(byName["S Jaishankar"]).toMatchObject({ ticked: true, reason: "ticked: “Jaishankar” is an alias of the tag S Jaishankar" });
    expect(byName.Energy).toMatchObject({ ticked: true, reason: "ticked: matches the tag energy" });
  });

  it("leaves the rest unticked: a tag named only inside another word, and new names", () => {
    expect(byName.Gaza).toMatchObject({ ticked: false, reason: "the tag Gaza exists, but the copy does not name it exactly" });
    expect(byName["Pavan Kapoor"]).toMatchObject({ ticked: false, reason: "a new tag: no tag of that name yet" });
  });

  it("compares case: a name written in lower case is not the tag", () => {
    expect(judgeSuggestions([{ name: "Russia", type: "place" }], "russia", vocabulary)[0].ticked).toBe(false);
  });
});
