import { describe, expect, it } from "vitest";
import { readByline, readGluedByline } from "@/lib/wire/read-byline";

const receivedAt = new Date("2026-03-03T09:00:00Z");
const read = (text: string) => {
  const glued = readGluedByline(text, receivedAt);
  return glued && { byline: glued.byline, location: glued.dateline.location, country: glued.dateline.country, agency: glued.dateline.agency, rest: glued.dateline.rest };
};

describe("readGluedByline", () => {
  it.each([
    ["By Shirish B Pradhan Kathmandu, Oct 17 (PTI) India and Nepal", { byline: "Shirish B Pradhan", location: "Kathmandu", country: null, agency: "PTI", rest: "India and Nepal" }],
    ["By Ananya Sen New Delhi, Mar 3 (PTI) The court", { byline: "Ananya Sen", location: "New Delhi", country: null, agency: "PTI", rest: "The court" }],
    ["By Tom Hale NEW YORK, March 3 (Reuters) - Stocks rose.", { byline: "Tom Hale", location: "New York", country: null, agency: "Reuters", rest: "Stocks rose." }],
    ["By TOM HALE LONDON, March 3 (Reuters) - Stocks rose.", { byline: "Tom Hale", location: "London", country: null, agency: "Reuters", rest: "Stocks rose." }],
    ["By Priya Menon Moscow [Russia], December 27 (ANI): India and Russia", { byline: "Priya Menon", location: "Moscow", country: "Russia", agency: "ANI", rest: "India and Russia" }],
    ["By Ana Souza Rio de Janeiro, March 2 (AFP) - Rain fell.", { byline: "Ana Souza", location: "Rio de Janeiro", country: null, agency: "AFP", rest: "Rain fell." }],
    ["By Luis Ortega Mexico City, March 2 (AP) — Rain fell.", { byline: "Luis Ortega", location: "Mexico City", country: null, agency: "AP", rest: "Rain fell." }],
    ["By Ananya Sen in New Delhi, Mar 3 (PTI) The court", { byline: "Ananya Sen", location: "New Delhi", country: null, agency: "PTI", rest: "The court" }],
    ["By Karl Weber Frankfurt am Main, March 2 (dpa) - Rain fell.", { byline: "Karl Weber", location: "Frankfurt am Main", country: null, agency: "dpa", rest: "Rain fell." }],
  ])("takes %s apart", (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    "By Tuesday, Mar 3 (PTI) the talks had ended.",
    "By the end of March, officials said (PTI) the work would be done.",
    "Kathmandu, Oct 17 (PTI) India and Nepal",
    "By Shirish Pradhan Kathmandu, Oct 17 the talks went on.",
    "By Kathmandu, Oct 17 (PTI) India and Nepal",
  ])("finds no byline and dateline in %s", (text) => {
    expect(readGluedByline(text, receivedAt)).toBeNull();
  });
});

describe("readByline", () => {
  it("reads a byline line and refuses prose", () => {
    expect(readByline("By PRIYA NAIR")).toBe("Priya Nair");
    expect(readByline("By Tom Hale, Reuters correspondent")).toBe("Tom Hale, Reuters correspondent");
    expect(readByline("By the end of the month the work was done")).toBeNull();
  });
});
