import { describe, expect, it } from "vitest";
import { bodyPlainText, countCharacters, countWords, formatStoryLength, storyLength, WORDS_PER_MINUTE } from "@/lib/stories/word-count";

describe("words in a story", () => {
  it("counts words, not punctuation, numbers with their separators as one", () => {
    expect(countWords("Ministers agree on a new trade corridor.")).toBe(7);
    expect(countWords("1,200 people")).toBe(2);
    expect(countWords("“We will meet again,” she said — at 14:05, with 6.5% more.")).toBe(11);
    expect(countWords("")).toBe(0);
    expect(countWords("  … — !")).toBe(0);
  });

  it("counts words in scripts that put no spaces between them", () => {
    expect(countWords("नई दिल्ली में बैठक हुई")).toBe(5);
    expect(countWords("東京で会議が開かれた")).toBeGreaterThan(3);
    expect(countWords("ประชุมที่กรุงเทพ")).toBeGreaterThan(1);
  });

  it("counts characters as a reader sees them", () => {
    expect(countCharacters("café")).toBe(4);
    expect(countCharacters("cafe\u0301")).toBe(4);
    expect(countCharacters("🇮🇳 India")).toBe(7);
    expect(countCharacters("  two   words \n")).toBe(9);
  });
});

describe("a story's length", () => {
  it("reads the body's text out of its markup, blocks kept apart", () => {
    expect(bodyPlainText("<p>One <strong>two</strong></p><p>three&nbsp;four &amp; five</p><blockquote><p>six</p></blockquote>")).toMatch(/^\s*One two\s+three four & five\s+six\s*$/);
    expect(countWords(bodyPlainText("<p>end</p><p>start</p>"))).toBe(2);
    expect(bodyPlainText("<p>&#8220;Hi&#x201D;</p>").trim()).toBe("“Hi”");
  });

  it("adds headline, standfirst and body, and rounds reading time to whole minutes, at least one", () => {
    const length = storyLength({ headline: "Trade deal signed", standfirst: "Both sides agree.", body: "<p>It takes effect next year.</p>" });
    expect(length).toEqual({ words: 11, characters: "Trade deal signed Both sides agree. It takes effect next year.".length, readingMinutes: 1 });
    const long = storyLength({ body: `<p>${"word ".repeat(WORDS_PER_MINUTE * 3)}</p>` });
    expect(long.readingMinutes).toBe(3);
    expect(storyLength({ headline: "", standfirst: "", body: "" })).toEqual({ words: 0, characters: 0, readingMinutes: 0 });
  });

  it("says it as the editor reads it", () => {
    expect(formatStoryLength({ words: 412, characters: 2318, readingMinutes: 2 })).toBe("412 words · 2,318 characters · 2 min read");
    expect(formatStoryLength({ words: 1, characters: 5, readingMinutes: 1 })).toBe("1 word · 5 characters · 1 min read");
    expect(formatStoryLength({ words: 0, characters: 0, readingMinutes: 0 })).toBe("0 words · 0 characters · nothing to read");
  });
});

describe("a long story, counted in pieces", () => {
  it("counts as one piece would: no word or character is lost or split where the pieces meet", () => {
    const text = "word 14:05 ".repeat(1_000) + "नमस्ते दुनिया ".repeat(100);
    wholeSegmenter ??= { words: new Intl.Segmenter("en", { granularity: "word" }), graphemes: new Intl.Segmenter("en", { granularity: "grapheme" }) };
    const whole = [...wholeSegmenter.words.segment(text.replace(/(\d)[:.,](?=\d)/g, "$1"))].filter((segment) => segment.isWordLike).length;
    expect(countWords(text)).toBe(whole);
    expect(countWords(text)).toBe(2_200);
    expect(countCharacters(text)).toBe([...wholeSegmenter.graphemes.segment(text.trim())].length);
  });
});
let wholeSegmenter: { words: Intl.Segmenter; graphemes: Intl.Segmenter } | undefined;
