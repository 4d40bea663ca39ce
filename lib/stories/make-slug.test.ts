import { describe, expect, it } from "vitest";
import { firstFreeSlug, makeSlug, slugPattern } from "@/lib/stories/make-slug";

describe("makeSlug", () => {
  it("makes lower-case hyphenated ASCII from a headline", () => {
    expect(makeSlug("Jaishankar meets Putin and Lavrov in Moscow")).toBe("jaishankar-meets-putin-and-lavrov-in-moscow");
  });

  it("transliterates accents and drops punctuation", () => {
    expect(makeSlug("São Paulo: Zürich’s “big” día!")).toBe("sao-paulo-zurichs-big-dia");
  });

  it("keeps numbers readable", () => {
    expect(makeSlug("RBI holds key rate at 6.5% for fifth straight meeting")).toBe("rbi-holds-key-rate-at-6-5-percent-for-fifth-straight-meeting");
  });

  it("cuts long headlines at a word boundary, at most 80 characters", () => {
    const slug = makeSlug("word ".repeat(40) + "tail");
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(slugPattern);
    expect(slug.endsWith("-")).toBe(false);
  });

  it("never returns an empty slug", () => {
    expect(makeSlug("!!!")).toBe("story");
    expect(makeSlug("Москва")).toMatch(slugPattern);
  });
});

describe("firstFreeSlug", () => {
  it("appends the first free number", () => {
    expect(firstFreeSlug("moscow-talks", [])).toBe("moscow-talks");
    expect(firstFreeSlug("moscow-talks", ["moscow-talks", "moscow-talks-2"])).toBe("moscow-talks-3");
  });
});
