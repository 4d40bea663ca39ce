import { describe, expect, it } from "vitest";
import { readDateline } from "@/lib/wire/read-dateline";
import { placeNameCase } from "@/lib/wire/place-name-case";

const receivedAt = new Date("2026-03-03T09:00:00Z");
const read = (text: string) => {
  const dateline = readDateline(text, receivedAt);
  return dateline && { location: dateline.location, country: dateline.country, date: dateline.date, agency: dateline.agency, rest: dateline.rest };
};

describe("readDateline", () => {
  it.each([
    ["Moscow [Russia], December 27 (ANI): The bank", { location: "Moscow", country: "Russia", date: "2025-12-27", agency: "ANI" }],
    ["New Delhi, Mar 3 (PTI) The bank", { location: "New Delhi", country: null, date: "2026-03-03", agency: "PTI" }],
    ["New Delhi, March 3 (IANS) The bank", { location: "New Delhi", country: null, date: "2026-03-03", agency: "IANS" }],
    ["Mumbai, Mar 3 (UNI) The bank", { location: "Mumbai", country: null, date: "2026-03-03", agency: "UNI" }],
    ["LONDON, March 3 (Reuters) - The bank", { location: "London", country: null, date: "2026-03-03", agency: "Reuters" }],
    ["LONDON, March 3 (REUTERS) – The bank", { location: "London", country: null, date: "2026-03-03", agency: "Reuters" }],
    ["NAIROBI, Kenya (AP) — The bank", { location: "Nairobi", country: "Kenya", date: null, agency: "AP" }],
    ["WASHINGTON (AP) — The bank", { location: "Washington", country: null, date: null, agency: "AP" }],
    ["Paris (AFP) - The bank", { location: "Paris", country: null, date: null, agency: "AFP" }],
    ["BERLIN, March 2 (dpa) - The bank", { location: "Berlin", country: null, date: "2026-03-02", agency: "dpa" }],
    ["BEIJING, March 2 (Xinhua) -- The bank", { location: "Beijing", country: null, date: "2026-03-02", agency: "Xinhua" }],
    ["MADRID, 2 March 2026 (EFE) - The bank", { location: "Madrid", country: null, date: "2026-03-02", agency: "EFE" }],
    ["NEW YORK, March 2 (Bloomberg) - The bank", { location: "New York", country: null, date: "2026-03-02", agency: "Bloomberg" }],
    ["SÃO PAULO, Brazil (AP) — The bank", { location: "São Paulo", country: "Brazil", date: null, agency: "AP" }],
    ["RIO DE JANEIRO, March 1, 2026 (Reuters) - The bank", { location: "Rio de Janeiro", country: null, date: "2026-03-01", agency: "Reuters" }],
    ["BRUSSELS, March 3 - The bank", { location: "Brussels", country: null, date: "2026-03-03", agency: null }],
    ["SPRINGFIELD, Ill. (AP) — The bank", { location: "Springfield", country: "Illinois", date: null, agency: "AP" }],
    ["Ahmedabad/New Delhi, Jan 22 (PTI) The bank", { location: "Ahmedabad/New Delhi", country: null, date: "2026-01-22", agency: "PTI" }],
    ["DALLAS/FORT WORTH, Texas, March 3 - The bank", { location: "Dallas/Fort Worth", country: "Texas", date: "2026-03-03", agency: null }],
    ["PARIS/LA PAZ, March 2 (AFP) - The bank", { location: "Paris/La Paz", country: null, date: "2026-03-02", agency: "AFP" }],
    ["PORTLAND, Ore., Feb 26 - The bank", { location: "Portland", country: "Oregon", date: "2026-02-26", agency: null }],
    ["PORTLAND, Ore., Sept. 26 - The bank", { location: "Portland", country: "Oregon", date: "2025-09-26", agency: null }],
    ["SALEM, Ore., Sept 26 - The bank", { location: "Salem", country: "Oregon", date: "2025-09-26", agency: null }],
    ["CHARLESTON, W. Va., September 26 - The bank", { location: "Charleston", country: "West Virginia", date: "2025-09-26", agency: null }],
    ["TORONTO, Ont., May 4 (CP) - The bank", { location: "Toronto", country: "Ontario", date: "2025-05-04", agency: "CP" }],
    ["VANCOUVER, B.C., Sept. 26 (CP) - The bank", { location: "Vancouver", country: "British Columbia", date: "2025-09-26", agency: "CP" }],
    ["CHARLOTTETOWN, P.E.I., Feb. 2 (CP) - The bank", { location: "Charlottetown", country: "Prince Edward Island", date: "2026-02-02", agency: "CP" }],
    ["ST. JOHN'S, N.L., Jan. 9 (CP) - The bank", { location: "St. John's", country: "Newfoundland and Labrador", date: "2026-01-09", agency: "CP" }],
    ["YELLOWKNIFE, N.W.T., Jan 9 (CP) - The bank", { location: "Yellowknife", country: "Northwest Territories", date: "2026-01-09", agency: "CP" }],
    ["Guwahati, September 14 (PTI) The bank", { location: "Guwahati", country: null, date: "2025-09-14", agency: "PTI" }],
    ["LONDON, March 3 (Reuter) - The bank", { location: "London", country: null, date: "2026-03-03", agency: "Reuters" }],
  ])("reads %s", (text, expected) => {
    expect(read(text)).toEqual({ ...expected, rest: "The bank" });
  });

  it("reads abbreviated months with and without a full stop, Sept and Sep.", () => {
    expect(read("Kolkata, Dec. 1 (PTI) x")?.date).toBe("2025-12-01");
    expect(read("Kolkata, Sept 1 (PTI) x")?.date).toBe("2025-09-01");
    expect(read("Kolkata, Sep. 1 (PTI) x")?.date).toBe("2025-09-01");
    expect(read("KOLKATA, FEB 28 (PTI) x")?.date).toBe("2026-02-28");
  });

  it("takes the first of two agencies", () => {
    expect(read("KYIV (Reuters/AFP) - x")?.agency).toBe("Reuters");
  });

  it("gives an empty rest when the dateline stands alone", () => {
    expect(read("NEW DELHI, March 3 (IANS)")).toMatchObject({ location: "New Delhi", agency: "IANS", rest: "" });
  });

  it("keeps an impossible date out of the dateline's date but still reads the dateline", () => {
    expect(read("London, Feb 30 (Reuters) - x")).toMatchObject({ location: "London", date: null, agency: "Reuters" });
  });

  it.each([
    "The Louvre will extend its opening hours (AFP) said.",
    "Officials told ANI that the bridge would reopen.",
    "A statement shared with ANI said the talks went well.",
    "Nvidia (NVDA) rose 3% in early trade.",
    "BRUSSELS - European ministers met.",
    "Brussels, March 3 European ministers met.",
  ])("finds no dateline in %s", (text) => {
    expect(readDateline(text, receivedAt)).toBeNull();
  });

  it("accepts only a known agency's dateline when told to be strict (a line that is not the first)", () => {
    expect(readDateline("LAGOS (NAN) - Shares fell.", receivedAt)?.agency).toBe("NAN");
    expect(readDateline("LAGOS (NAN) - Shares fell.", receivedAt, { strict: true })).toBeNull();
    expect(readDateline("LAGOS (Reuters) - Shares fell.", receivedAt, { strict: true })?.agency).toBe("Reuters");
  });
});

describe("placeNameCase", () => {
  it.each([
    ["NEW DELHI", "New Delhi"],
    ["SÃO PAULO", "São Paulo"],
    ["RIO DE JANEIRO", "Rio de Janeiro"],
    ["STRATFORD-UPON-AVON", "Stratford-upon-Avon"],
    ["LA PAZ", "La Paz"],
    ["N'DJAMENA", "N'Djamena"],
    ["UAE", "UAE"],
    ["Rio de Janeiro", "Rio de Janeiro"],
    ["McAllen", "McAllen"],
  ])("writes %s as %s", (raw, expected) => {
    expect(placeNameCase(raw)).toBe(expected);
  });
});
