import { describe, expect, it } from "vitest";
import { applyRules, type RuleItem } from "@/lib/wire-sources/wire-rules";
import { wireRulesSchema } from "@/lib/wire-sources/source-settings";

const item: RuleItem = { agency: "PTI", category: "Sports", priority: "routine", headline: "India win the Test at Lord's", slugline: "CRI-IND-ENG", text: "Rohit Sharma led the side.\nPrime\nMinister Modi congratulated them." };
const rules = (value: unknown) => wireRulesSchema.parse(value);

describe("applyRules", () => {
  it("applies every matching rule in order: later priority and desk win, tags add up once", () => {
    const verdict = applyRules(
      rules([
        { when: { agency: ["pti", "ANI"] }, then: { setPriority: "urgent", desk: "National", addTags: [{ name: "Cricket", type: "topic" }] } },
        { when: { category: ["sports"], keyword: ["prime minister"] }, then: { desk: "Sports", addTags: [{ name: "cricket", type: "topic" }, { name: "Narendra Modi", type: "person" }] } },
        { when: { agency: ["Reuters"] }, then: { setPriority: "flash" } },
      ]),
      item,
    );
    expect(verdict).toEqual({ drop: false, priority: "urgent", desk: "Sports", tags: [{ name: "Cricket", type: "topic" }, { name: "Narendra Modi", type: "person" }] });
  });

  it("matches keywords as whole words, any case", () => {
    const tagged = (keyword: string) => applyRules(rules([{ when: { keyword: [keyword] }, then: { desk: "X" } }]), item).desk;
    expect(tagged("modi")).toBe("X");
    expect(tagged("Lord's")).toBe("X");
    expect(tagged("rohit")).toBe("X");
    expect(tagged("mod")).toBeNull();
    expect(tagged("ind")).toBe("X"); // the slug line "CRI-IND-ENG" holds IND as a word
    expect(tagged("indi")).toBeNull();
  });

  it("needs every condition (AND), any value within one (OR); an empty condition matches all", () => {
    const desk = (when: unknown) => applyRules(rules([{ when, then: { desk: "D" } }]), item).desk;
    expect(desk({})).toBe("D");
    expect(desk({ agency: ["PTI"], priority: ["flash", "routine"] })).toBe("D");
    expect(desk({ agency: ["PTI"], priority: ["flash"] })).toBeNull();
    expect(applyRules(rules([{ when: { priority: ["routine"] }, then: { desk: "D" } }]), { ...item, priority: null }).desk).toBe("D");
    expect(applyRules(rules([{ when: { category: ["Cricket"] }, then: { desk: "D" } }]), { ...item, category: ["Sports", "Cricket"] }).desk).toBe("D");
  });

  it("lets a drop win over everything", () => {
    const verdict = applyRules(rules([{ then: { setPriority: "flash" } }, { when: { keyword: ["Lord's"] }, then: { drop: true } }, { then: { desk: "Late" } }]), item);
    expect(verdict.drop).toBe(true);
  });
});
