import { describe, expect, it } from "vitest";
import { findTableLines, preformattedText } from "@/lib/wire/find-table-lines";

describe("findTableLines", () => {
  it("marks a scorecard, its header and its short total lines", () => {
    const lines = [
      "Scores:",
      "INDIA 1st innings                          R    B   4s  6s",
      "R Iyer c Mahmood b Qadir                  48   71    6   1",
      "V Rathore not out                        104  162   11   2",
      "Extras (b 4, lb 6, w 3, nb 2)             15",
      "The visitors need 218 to win.",
    ];
    expect(findTableLines(lines)).toEqual([false, true, true, true, true, false]);
  });

  it("marks tab-separated cells and rows of figures with single spaces", () => {
    expect(findTableLines(["Item\tRate (Rs)\tChange", "Gold 99.9\t64,150\t+350"])).toEqual([true, true]);
    expect(findTableLines(["USD 83.1425 83.0950", "EUR 90.2210 90.4105"])).toEqual([true, true]);
  });

  it("reads gaps of tabs and spaces mixed", () => {
    expect(findTableLines(["Gold\t  64,150\t +350", "Silver \t\t 75,800 \t +500"])).toEqual([true, true]);
  });

  it.each([
    ["indented paragraph starts", ["   The Delhi Metro will run trains every two and a half minutes", "on its busiest corridor from next month, officials said.", "   The change follows the delivery of 24 new trains."]],
    ["two-space sentence spacing", ["data showed on Tuesday.  Economists had expected a fall.  The rise", "was driven by orders.  Domestic demand rose 1.1 percent.  Orders"]],
    ["a single row", ["Copper       9,412.50  9,455.00   +62.00"]],
    ["prose sent one paragraph to a line", ["The committee will next meet in June.", "“Quoted,” he said.The next sentence  keeps   its spacing."]],
  ])("finds no table in %s", (_, lines) => {
    expect(findTableLines(lines)).toBeNull();
  });
});

describe("preformattedText", () => {
  it("expands tabs to stops of 8 columns, takes off the indent the lines share and keeps the columns", () => {
    expect(preformattedText(["    Metal   Cash", "    Zinc\t2,705.25   "])).toBe("Metal   Cash\nZinc        2,705.25");
  });
});
