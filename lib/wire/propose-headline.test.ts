import { describe, expect, it } from "vitest";
import { MAX_PROPOSED_HEADLINE, proposeHeadline } from "@/lib/wire/propose-headline";

// Ledes of real agency copy (the shared samples' and others), and the headline a desk would start from.
const cases: [string, string][] = [
  [
    "External Affairs Minister S Jaishankar on Wednesday held a meeting with Russian President Vladimir Putin in Moscow. Russian Foreign Minister Sergey Lavrov and Indian Ambassador to Russia Pavan Kapoor were present at the meeting.",
    "External Affairs Minister S Jaishankar meets Russian President Vladimir Putin",
  ],
  [
    "The Louvre will extend its opening hours on Friday evenings from next month to cope with record visitor numbers, the museum's director said on Wednesday.",
    "Louvre to extend its opening hours on Friday evenings from next month",
  ],
  [
    "The Union Health Ministry will launch a nationwide screening campaign for non-communicable diseases covering people aged 30 and above, officials said on Monday.",
    "Union Health Ministry to launch a nationwide screening campaign",
  ],
  [
    "Kenya's electoral commission said Tuesday it would begin publishing polling-station results online within hours of voting closing, a move aimed at easing tensions after disputes over past elections.",
    "Kenya's electoral commission to begin publishing polling-station results online",
  ],
  [
    "The Reserve Bank of India on Tuesday kept its key lending rate unchanged at 6.5 per cent for the fifth consecutive meeting, citing sticky food inflation and a steady recovery in rural demand.",
    "Reserve Bank of India keeps its key lending rate unchanged at 6.5 per cent",
  ],
  [
    "European shares edged higher on Tuesday as investors weighed stronger-than-expected factory data from Germany against lingering worries over energy prices heading into spring.",
    "European shares edge higher",
  ],
  ["Police on Sunday arrested three men in connection with the theft of paintings from a gallery in Kolkata, officials said.", "Police arrest three men in connection with the theft of paintings from a gallery"],
];

describe("a headline proposed from a lede", () => {
  it.each(cases)("%s", (lede, headline) => {
    expect(proposeHeadline(lede)).toBe(headline);
  });

  it("stays within the limit and never ends on a dangling word or an ellipsis", () => {
    for (const [lede] of cases) {
      const headline = proposeHeadline(lede)!;
      expect(headline.length).toBeLessThanOrEqual(MAX_PROPOSED_HEADLINE);
      expect(headline).not.toMatch(/[…,;:-]$|\s(?:to|of|with|and|the|a)$/);
    }
  });

  it("keeps a day that is part of the news, and proposes nothing for no text", () => {
    expect(proposeHeadline("Ministers will meet on Friday evenings to discuss the budget.")).toBe("Ministers to meet on Friday evenings to discuss the budget");
    expect(proposeHeadline("  ")).toBeNull();
  });
});

describe("the main verb of a proposed headline", () => {
  const cases: [string, string][] = [
    ["India and Russia agreed on Tuesday to speed up talks on a free trade pact, officials said.", "India and Russia agree to speed up talks on a free trade pact"],
    ["The Assam government will set up flood shelters on raised platforms in 12 districts, officials said.", "Assam government to set up flood shelters on raised platforms in 12 districts"],
    ["Hungary will cut its value-added tax on basic foods to 5 percent from July, the government said on Wednesday.", "Hungary to cut its value-added tax on basic foods to 5 percent from July"],
    ["Nepal will reopen two Himalayan trekking routes closed after last year's landslides, the ministry said.", "Nepal to reopen two Himalayan trekking routes closed"],
    ["The Office for National Statistics said construction output dropped 1.1 percent in January.", "Office for National Statistics says construction output dropped 1.1 percent"],
    ["European Union farm ministers failed to agree on a cut in export subsidies on Monday.", "European Union farm ministers failed to agree on a cut in export subsidies"],
  ];
  for (const [lede, headline] of cases) it(`"${headline}"`, () => expect(proposeHeadline(lede)).toBe(headline));
});
