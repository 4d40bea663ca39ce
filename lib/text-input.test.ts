import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cleanText, isCleanText, NUL_MESSAGE, optionalTextSchema, textSchema } from "@/lib/text-input";

// Every character a hostile client has sent us that broke a feed or the database.
const HOSTILE = ["\u0000", "\u0001", "\u0008", "\u000B", "\u000C", "\u001F", "\u007F", "\u0085", "\u009F", "\uFFFE", "\uFFFF", "\uFDD0", "\uD800", "\uDFFF", "\u{1FFFF}", "\u{10FFFE}"];

describe("cleanText", () => {
  it("removes control characters, lone surrogates and noncharacters, whatever their place", () => {
    for (const bad of HOSTILE) {
      expect(cleanText(`a${bad}b`), JSON.stringify(bad)).toBe("ab");
      expect(cleanText(`${bad}${bad}`), JSON.stringify(bad)).toBe("");
    }
  });

  it("removes bidirectional embeddings and overrides, keeping marks and isolates", () => {
    expect(cleanText("Brussels\u202Ex")).toBe("Brusselsx");
    expect(cleanText("a\u202Ab\u202Bc\u202Cd\u202De", { multiline: true })).toBe("abcde");
    expect(cleanText("\u200Fعربي\u2067x\u2069")).toBe("\u200Fعربي\u2067x\u2069");
  });

  it("keeps every visible character: accents, scripts, emoji (surrogate pairs), right-to-left marks, symbols", () => {
    const text = "São Paulo — Δ 東京 मुंबई 👩🏽‍💻 \u200F«quote» € ½ ✓ \uFEFF";
    expect(cleanText(text)).toBe(text);
    expect(isCleanText(text)).toBe(true);
  });

  it("turns line breaks and tabs into spaces in one-line text, and keeps them (CR LF as LF) in multi-line text", () => {
    expect(cleanText("one\ntwo\tthree\r\nfour\rfive")).toBe("one two three four five");
    expect(cleanText("one\r\ntwo\u0000\n\tthree\r", { multiline: true })).toBe("one\ntwo\n\tthree\n");
    expect(isCleanText("a\nb")).toBe(false);
    expect(isCleanText("a\nb", { multiline: true })).toBe(true);
  });
});

describe("textSchema", () => {
  it("refuses NUL, which is never text, with one message for the field", () => {
    const headline = textSchema({ message: "Headline is required" }).min(1, "Headline is required");
    for (const value of ["a\u0000b", "\u0000", " \u0000 "]) {
      expect(headline.safeParse(value).error?.issues.map((issue) => issue.message), JSON.stringify(value)).toEqual([NUL_MESSAGE]);
    }
  });

  it("cleans before it trims and before it counts, so the limits apply to what is stored", () => {
    const headline = textSchema({ message: "Headline is required" }).min(1, "Headline is required").max(5, "At most 5");
    expect(headline.parse(" a\u0001b\uD800 ")).toBe("ab");
    expect(headline.safeParse("\u0001\u0002 \uFFFF").error?.issues[0].message).toBe("Headline is required");
    expect(headline.safeParse(`abcde${"\u0001".repeat(50)}`).data).toBe("abcde");
    expect(headline.safeParse(42).error?.issues[0].message).toBe("Headline is required");
  });

  it("stores an optional field left empty, or holding only what is removed, as null", () => {
    const byline = optionalTextSchema(10);
    expect(byline.parse(undefined)).toBeNull();
    expect(byline.parse("\u0001 \u000B")).toBeNull();
    expect(byline.parse(" Jane\u0007 ")).toBe("Jane");
    expect(byline.safeParse("x".repeat(11)).success).toBe(false);
  });

  it("is a string schema like any other inside objects", () => {
    const schema = z.object({ name: textSchema().min(1), note: textSchema({ multiline: true }) });
    expect(schema.parse({ name: "\tTag\u001F", note: "Line 1\r\nLine 2\u0008" })).toEqual({ name: "Tag", note: "Line 1\nLine 2" });
  });
});
