import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseWire } from "@/lib/wire";
import { checkItem, KEY_FIELDS, parseKeyItem, readAnswerKey } from "@/lib/wire/check-answer-key";
import { hasSharedWire, SHARED_WIRE, sharedWireNote } from "@/lib/wire/shared-samples";

// The answer keys: shared/wire (beside the clone, as in CI), this folder's own forms and the corpus,
// checked exactly as `wire check` checks them (lib/wire/check-answer-key.ts).
function checkAgainstKey(folder: string) {
  for (const expected of readAnswerKey(folder) ?? []) {
    it(`${expected.file} parses as its answer key says`, () => {
      const misses = checkItem(expected, parseKeyItem(folder, expected)).filter((result) => !result.ok);
      expect(misses.map(({ check, expected: want, actual }) => `${check}: expected ${JSON.stringify(want)}, got ${JSON.stringify(actual)}`)).toEqual([]);
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
  if (!readAnswerKey(path.join(CORPUS, form))) continue;
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
    expect(Object.keys(parse)).toEqual([...KEY_FIELDS.slice(0, 11), "paragraphs", "tags", ...KEY_FIELDS.slice(11)]);
  });
});
