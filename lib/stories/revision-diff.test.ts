import { describe, expect, it } from "vitest";
import { bodyParagraphs, diffSnapshots, summarizeChange } from "@/lib/stories/revision-diff";
import type { RevisionSnapshot } from "@/lib/stories/revision-snapshot";

const base: RevisionSnapshot = {
  headline: "Talks in Moscow end without a deal",
  standfirst: "",
  body: "<p>Ministers met on Wednesday.</p><p>No deal was signed.</p>",
  byline: "Staff Reporter",
  agency: "ANI",
  credits: null,
  dateline: { location: "Moscow", country: "Russia", date: "2023-12-27" },
  slug: "talks-in-moscow-end-without-a-deal",
  status: "draft",
  embargoUntil: null,
  tags: [{ name: "Russia", slug: "russia", type: "place" }],
};

const shown = (parts: { text: string; change: string | null }[]) =>
  parts.map((p) => (p.change === "added" ? `[+${p.text}]` : p.change === "removed" ? `[-${p.text}]` : p.text)).join("");

describe("bodyParagraphs", () => {
  it("gives the text of each block, separated by blank lines, without tags or entities", () => {
    expect(bodyParagraphs('<h2>Why</h2><p>Tom &amp; Jerry <strong>met</strong>.</p><ul><li>one</li><li><a href="https://x.test">two</a></li></ul><blockquote><p>"Quote"</p></blockquote>'))
      .toBe('Why\n\nTom & Jerry met.\n\n• one\n\n• two\n\n"Quote"');
  });
});

describe("diffSnapshots", () => {
  it("diffs the headline word by word and the body as text with its paragraphs", () => {
    const after = { ...base, headline: "Talks in Moscow end with a deal", body: "<p>Ministers met on Thursday.</p><p>A deal was signed.</p><p>It starts in May.</p>" };
    const diff = diffSnapshots(base, after);
    expect(diff.map((d) => d.label)).toEqual(["headline", "body"]);
    expect(shown(diff[0].parts)).toBe("Talks in Moscow end [-without][+with] a deal");
    expect(diff[1].layout).toBe("block");
    expect(shown(diff[1].parts)).toContain("[-Wednesday][+Thursday].\n\n");
    expect(shown(diff[1].parts)).toContain("[+\n\nIt starts in May.]");
    expect(shown(diff[1].parts)).not.toContain("<p>");
  });

  it("shows tags kept, added and removed, and other fields as whole values", () => {
    const after = { ...base, tags: [{ name: "Russia", slug: "russia", type: "place" }, { name: "Trade", slug: "trade", type: "topic" }], byline: null, slug: "moscow-talks" };
    const diff = diffSnapshots({ ...base, tags: [...base.tags, { name: "BRICS", slug: "brics", type: "organisation" }] }, after);
    expect(Object.fromEntries(diff.map((d) => [d.label, shown(d.parts)]))).toEqual({
      byline: "[-Staff Reporter]",
      tags: "Russia (place)[+Trade (topic)][-BRICS (organisation)]",
      slug: "[-talks-in-moscow-end-without-a-deal][+moscow-talks]",
    });
  });

  it("finds nothing between equal snapshots", () => {
    expect(diffSnapshots(base, structuredClone(base))).toEqual([]);
  });
});

describe("summarizeChange", () => {
  it("names what changed in one line", () => {
    expect(summarizeChange(null, base)).toBe("created");
    expect(summarizeChange(base, { ...base, headline: "New", tags: [] })).toBe("headline, tags");
    expect(summarizeChange(base, { ...base, status: "published" })).toBe("status (draft → published)");
    expect(summarizeChange(base, base)).toBe("no change to the copy");
  });
});
