import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTextItem } from "@/lib/wire/parse-text-item";

const receivedAt = new Date("2026-03-03T12:00:00Z");
const corpus = (form: string, file: string) => fs.readFileSync(path.resolve(process.cwd(), "lib/wire/corpus", form, file), "utf8");

describe("parseTextItem", () => {
  it("renders a table as <pre> and the prose around it as <p>", () => {
    const item = parseTextItem(corpus("tables", "afp-medal-table.txt"), receivedAt);
    expect(item.bodyHtml).toMatch(/^<p>Norway topped .*<\/p><p>Final medals table:<\/p><pre>               Gold  Silver  Bronze  Total\nNorway            9 .*14<\/pre>$/s);
    expect(item.parse.paragraphs[2].split("\n")).toHaveLength(4);
  });

  it("takes the agency from the sign-off when the dateline names none", () => {
    expect(parseTextItem(corpus("sign-offs", "reuter-brussels.txt"), receivedAt).parse.agency).toBe("Reuters");
    expect(parseTextItem(corpus("sign-offs", "pti-codes-no-dateline.txt"), receivedAt).parse).toMatchObject({ agency: "PTI", location: null });
  });

  it("keeps the dateline's agency over a sign-off's", () => {
    const item = parseTextItem("Mumbai, Mar 3 (UNI) Shares rose on Tuesday.\nThey fell later.\nPTI", receivedAt);
    expect(item.parse.agency).toBe("UNI");
    expect(item.parse.paragraphs).toEqual(["Shares rose on Tuesday.", "They fell later."]);
  });

  it("joins hard-wrapped lines into paragraphs in the body HTML", () => {
    const item = parseTextItem(corpus("wrapped", "uni-mumbai-tabs-crlf.txt"), receivedAt);
    expect(item.bodyHtml.match(/<p>/g)).toHaveLength(4);
    expect(item.bodyHtml).not.toContain("\r");
  });
});
