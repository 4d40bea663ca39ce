import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWire } from "@/lib/wire";
import type { WireParse } from "@/lib/wire/types";
import { hasSharedWire, SHARED_WIRE, sharedWireNote } from "@/lib/wire/shared-samples";

// The answer keys: shared/wire (beside the clone, as in CI) and this folder's own forms.
type ExpectedItem = Partial<Record<keyof WireParse, unknown>> & {
  file: string;
  receivedAt: string;
  paragraphs?: number;
  bodyStartsWith?: string;
  bodyEndsWith?: string;
  mustContain?: string[];
  mustNotContain?: string[];
  tagsInclude?: string[];
  tagsExclude?: string[];
};

const fields = [
  "format", "agency", "location", "country", "date", "embargoUntil", "guid", "version", "headline", "byline", "credits",
  "headlineProposed", "priority", "slugline", "category", "wordCount", "take", "envelope", "problems",
] as const;

function checkAgainstKey(folder: string) {
  const key = JSON.parse(fs.readFileSync(path.join(folder, "expected.json"), "utf8")) as { items: ExpectedItem[] };
  for (const expected of key.items) {
    it(`${expected.file} parses as its answer key says`, () => {
      const parse = parseWire(fs.readFileSync(path.join(folder, expected.file)), { receivedAt: new Date(expected.receivedAt) });
      for (const field of fields) if (field in expected) expect(parse[field], field).toEqual(expected[field]);
      // README: bodyStartsWith / bodyEndsWith and the must(Not)Contain lists apply to the paragraphs joined.
      const body = parse.paragraphs.join(" ");
      if (expected.paragraphs !== undefined) expect(parse.paragraphs, "paragraph count").toHaveLength(expected.paragraphs);
      if (expected.bodyStartsWith) expect(body.startsWith(expected.bodyStartsWith), `body starts: ${body.slice(0, 80)}`).toBe(true);
      if (expected.bodyEndsWith) expect(body.endsWith(expected.bodyEndsWith), `body ends: ${body.slice(-80)}`).toBe(true);
      for (const text of expected.mustContain ?? []) expect(body).toContain(text);
      for (const text of expected.mustNotContain ?? []) expect(body).not.toContain(text);
      const tags = parse.tags.map((tag) => tag.name);
      for (const name of expected.tagsInclude ?? []) expect(tags).toContain(name);
      for (const name of expected.tagsExclude ?? []) expect(tags).not.toContain(name);
    });
  }
}

describe.skipIf(!hasSharedWire)(`shared/wire samples${sharedWireNote}`, () => {
  if (hasSharedWire) checkAgainstKey(SHARED_WIRE);
  else it("are absent", () => {});
});

describe("further forms of agency copy (lib/wire/fixtures)", () => {
  checkAgainstKey(path.resolve(process.cwd(), "lib/wire/fixtures"));
});

// The corpus of real-shaped copy, one folder per form, each with its answer key (lib/wire/corpus/README.md).
const CORPUS = path.resolve(process.cwd(), "lib/wire/corpus");
for (const form of fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).sort() : []) {
  if (!fs.existsSync(path.join(CORPUS, form, "expected.json"))) continue;
  describe(`the corpus: ${form}`, () => checkAgainstKey(path.join(CORPUS, form)));
}

describe.skipIf(!hasSharedWire)(`tag types of the seed stories${sharedWireNote}`, () => {
  it("types the ANI seed story's names as place, person and organisation, without junk", () => {
    const parse = parseWire(fs.readFileSync(path.join(SHARED_WIRE, "ani-moscow-2023-12-27.txt")), { receivedAt: new Date("2023-12-27T14:05:00Z") });
    const types = Object.fromEntries(parse.tags.map((tag) => [tag.name, tag.type]));
    expect(types).toMatchObject({
      India: "place",
      Russia: "place",
      "S Jaishankar": "person",
      "Sergey Lavrov": "person",
      "Vladimir Putin": "person",
      BRICS: "organisation",
      "Eurasian Economic Union": "organisation",
    });
    const names = parse.tags.map((tag) => tag.name);
    for (const junk of ["North-South International", "UN.", "Chennai Vladivostok", "Jaishankar", "Lavrov", "Minister S Jaishankar", "India-Russia", "Russia India", "Russia’s", "Gaza."]) {
      expect(names).not.toContain(junk);
    }
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    // The dateline's country is the item's own tag and leads.
    expect(parse.tags[0]).toEqual({ name: "Russia", type: "place" });
  });

  it("types the NINJS sample's subjects from their scheme", () => {
    const parse = parseWire(fs.readFileSync(path.join(SHARED_WIRE, "ninjs-sample.json")), { receivedAt: new Date("2026-03-03T10:15:00Z") });
    expect(parse.tags.slice(0, 3)).toEqual([
      { name: "energy", type: "topic" },
      { name: "European Union", type: "organisation" },
      { name: "Brussels", type: "place" },
    ]);
  });
});

describe("wire parse output", () => {
  it("prints the README's fields in its order, then the ones issue 12 adds", () => {
    const parse = parseWire("Paris (AFP) - Hello.", { receivedAt: new Date("2026-03-03T10:15:00Z") });
    expect(Object.keys(parse)).toEqual([...fields.slice(0, 11), "paragraphs", "tags", ...fields.slice(11)]);
  });
});
