import { describe, expect, it } from "vitest";
import { BANDS, MINHASH_SIZE, SAME_EVENT_SIMILARITY, bandsOf, minhashOf, similarity } from "./near-duplicates";

const ani = `External Affairs Minister S Jaishankar on Wednesday held a meeting with Russian Foreign
Minister Sergey Lavrov in Moscow and discussed bilateral ties, the situation in Ukraine, the
Israel-Hamas conflict and cooperation within BRICS and the Shanghai Cooperation Organisation.
Jaishankar, who is on a five-day visit to Russia, also said that negotiations on a free trade area
between India and the Eurasian Economic Union would begin in January.`;

// The same dispatch as another agency files it: reworded in places, a sentence added.
const ians = `External Affairs Minister S Jaishankar held a meeting with Russian Foreign Minister Sergey
Lavrov in Moscow on Wednesday and discussed bilateral ties, the situation in Ukraine, the
Israel-Hamas conflict and cooperation within BRICS and the Shanghai Cooperation Organisation.
Jaishankar, on a five-day visit to Russia, said negotiations on a free trade area between India and
the Eurasian Economic Union would begin in January. He will also meet Deputy Prime Minister Denis Manturov.`;

const other = `The Reserve Bank of India on Tuesday kept its key lending rate unchanged at 6.5 per cent for
the seventh meeting in a row, as the monetary policy committee weighed sticky food inflation
against signs that growth is slowing in the manufacturing sector and in rural demand.`;

describe("near-duplicate copy", () => {
  it("finds the same dispatch filed by two agencies similar, and an unrelated story not", () => {
    const a = minhashOf(ani)!;
    const b = minhashOf(ians)!;
    const c = minhashOf(other)!;
    expect(a).toHaveLength(MINHASH_SIZE);
    expect(similarity(a, b)).toBeGreaterThanOrEqual(SAME_EVENT_SIMILARITY);
    expect(similarity(a, c)).toBeLessThan(0.1);
    // Candidates through the index: the rewrite shares a band, the other story none.
    const bandsA = new Set(bandsOf(a));
    expect(bandsOf(b).some((band) => bandsA.has(band))).toBe(true);
    expect(bandsOf(c).some((band) => bandsA.has(band))).toBe(false);
  });

  it("gives the same signature for the same words whatever their case, spacing and punctuation", () => {
    expect(minhashOf(ani.toUpperCase().replace(/\n/g, "  "))).toEqual(minhashOf(ani));
  });

  it("is stable from release to release: signatures are stored", () => {
    expect(minhashOf(ani)!.slice(0, 4)).toMatchInlineSnapshot(`
      [
        32706141,
        24069662,
        77870706,
        108029298,
      ]
    `);
  });

  it("does not match a text too short to say anything (a one-line flash)", () => {
    expect(minhashOf("FLASH: Earthquake hits Tokyo")).toBeNull();
  });

  it("keeps band numbers apart, so a row repeated in two bands never makes a candidate", () => {
    const bands = bandsOf(minhashOf(ani)!);
    expect(bands).toHaveLength(BANDS);
    expect(new Set(bands.map((band) => band >> 32n)).size).toBe(BANDS);
  });
});
