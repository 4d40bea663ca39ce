import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { xmlText } from "@/lib/feeds/xml-text";

const HOSTILE = 'A & B <b>x</b> "q" \' ]]> \u0000\u0001\u0008\u000B\u000C\u001F\u007F\uFFFE\uFFFF\uD800\uDC00x\uDFFF end\ttab\r\nline';

const document = (text: string) => `<?xml version="1.0" encoding="utf-8"?>\n<doc a="${xmlText(text)}">${xmlText(text)}</doc>\n`;

describe("xmlText", () => {
  it("escapes markup characters, so a value is always character data", () => {
    expect(xmlText('<a href="x">&amp;</a>')).toBe("&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;");
  });

  it("drops every character XML 1.0 forbids, and keeps a surrogate pair", () => {
    const out = xmlText(HOSTILE);
    expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(out).toContain("\uD800\uDC00x");
  });

  it("makes a well-formed document of any value, element content and attribute alike", () => {
    const xml = document(HOSTILE);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, processEntities: true, trimValues: false }).parse(xml) as { doc: { "#text": string; "@_a": string } };
    expect(parsed.doc["#text"]).toContain('A & B <b>x</b> "q" \' ]]> ');
    expect(parsed.doc["@_a"]).toContain("<b>x</b>");
  });

  it("passes libxml2 (xmllint --noout) where it is installed", (context) => {
    try {
      execFileSync("xmllint", ["--version"], { stdio: "ignore" });
    } catch {
      context.skip("xmllint is not installed (apt-get install libxml2-utils)");
    }
    expect(() => execFileSync("xmllint", ["--noout", "-"], { input: document(HOSTILE), stdio: ["pipe", "ignore", "pipe"] })).not.toThrow();
    // The check can fail: the raw value is not well-formed.
    expect(() => execFileSync("xmllint", ["--noout", "-"], { input: `<doc>${HOSTILE}</doc>`, stdio: ["pipe", "ignore", "pipe"] })).toThrow();
  });
});
