import { describe, expect, it } from "vitest";
import { cutTrailingMatter } from "@/lib/wire/cut-trailing-matter";
import { isPageJunk } from "@/lib/wire/page-junk";

const story = "The committee will next meet in June.";

describe("cutTrailingMatter", () => {
  it.each([
    [`${story} (ANI)`, "ANI"],
    [`${story} --IANS`, "IANS"],
    [`${story} -- IANS`, "IANS"],
    [`${story} (Reuters)`, "Reuters"],
    [`${story} PTI`, "PTI"],
    [`${story} UNI`, "UNI"],
    [`${story} PTI ABC XYZ`, "PTI"],
    [`${story} PTI ABC XYZ DEF`, "PTI"],
    [`${story} UNI XC SS`, "UNI"],
  ])("takes the sign-off off %s and names its agency", (last, agency) => {
    expect(cutTrailingMatter(["First.", last])).toEqual({ paragraphs: ["First.", story], credits: null, agency });
  });

  it.each([["(ANI)"], ["--IANS"], ["-- IANS"], ["(Reuters)"], ["PTI"], ["UNI"], ["PTI ABC XYZ"], ["ABC XYZ"], ["abc/def/xyz"], ["ABC/DEF"], ["___"], ["---"], ["***"], ["###"], ["-0-"], ["POST COMMENTS (0)"], ["Comments (12)"], ["READ MORE"]])(
    "drops %s standing alone at the end",
    (line) => {
      expect(cutTrailingMatter([story, line]).paragraphs).toEqual([story]);
    },
  );

  it.each([
    ["Reuter", "Reuters"],
    ["REUTER", "Reuters"],
    ["REUTER 031530 GMT Mar 26", "Reuters"],
    ["AP", "AP"],
    ["-- AFP", "AFP"],
    ["(ANI)", "ANI"],
    ["PTI XYZ ABC", "PTI"],
    ["UNI XC SS RN", "UNI"],
    ["ap-ny-03-03-26 1530EST", "AP"],
    ["AP-NY-03-03-26 1530GMT", "AP"],
  ])("drops the sign-off line %s and names its agency", (line, agency) => {
    expect(cutTrailingMatter([story, line])).toEqual({ paragraphs: [story], credits: null, agency });
  });

  it.each([["261530 GMT Feb 87"], ["0315 GMT"], ["MORE"], ["(MORE)"], ["END"], ["(END)"], ["-0-"], ["xx/yy"]])("drops the time stamp or end mark %s, which names no agency", (line) => {
    expect(cutTrailingMatter([story, line])).toEqual({ paragraphs: [story], credits: null, agency: null });
  });

  it("names the agency of the sign-off nearest the story", () => {
    expect(cutTrailingMatter([story, "(ANI)", "Reuter", "031530 GMT Mar 26"]).agency).toBe("ANI");
  });

  it("keeps an agency ending a sentence of prose, and a mark that is not at the end", () => {
    expect(cutTrailingMatter(["He said so in an interview with Reuters."])).toEqual({ paragraphs: ["He said so in an interview with Reuters."], credits: null, agency: null });
    expect(cutTrailingMatter(["MORE", story]).paragraphs).toEqual(["MORE", story]);
  });

  it("works back through several lines of trailing matter", () => {
    expect(cutTrailingMatter([story, "(ANI)", "abc/def", "POST COMMENTS (0)"]).paragraphs).toEqual([story]);
    expect(cutTrailingMatter([`${story} (ANI)`, "POST COMMENTS (0)"]).paragraphs).toEqual([story]);
  });

  it("keeps credits apart, without their parentheses", () => {
    expect(cutTrailingMatter([story, "(Reporting by Tom Hale; Editing by Priya Nair)"])).toEqual({ paragraphs: [story], credits: "Reporting by Tom Hale; Editing by Priya Nair", agency: null });
    expect(cutTrailingMatter([story, "___", "Associated Press writer Daniel Otieno contributed to this report."])).toEqual({
      paragraphs: [story],
      credits: "Associated Press writer Daniel Otieno contributed to this report.",
      agency: null,
    });
    expect(cutTrailingMatter([story, "Additional reporting by Sam Ortiz", "Writing by Dana Wells; Editing by Mark Fisher"]).credits).toBe(
      "Additional reporting by Sam Ortiz; Writing by Dana Wells; Editing by Mark Fisher",
    );
    expect(cutTrailingMatter([story, "Compiled by Ravi Rao"]).credits).toBe("Compiled by Ravi Rao");
    expect(cutTrailingMatter([`${story} (Reporting by Tom Hale)`])).toEqual({ paragraphs: [story], credits: "Reporting by Tom Hale", agency: null });
  });

  it("leaves an agency named inside the last sentence where it is", () => {
    const last = "The figures were in a statement shared with ANI.";
    expect(cutTrailingMatter([last]).paragraphs).toEqual([last]);
    expect(cutTrailingMatter(["He told PTI"]).paragraphs).toEqual(["He told PTI"]);
  });

  it("changes nothing else in the text", () => {
    const paragraphs = ["“Quoted,” he said.The next sentence  keeps   its spacing.", story];
    expect(cutTrailingMatter(paragraphs).paragraphs).toEqual(paragraphs);
  });

  it("stops at the first line of copy, leaving a credit-like line above it", () => {
    expect(cutTrailingMatter(["Compiled by hand, the list ran to 40 pages.", story]).paragraphs).toHaveLength(2);
  });
});

describe("isPageJunk", () => {
  it.each([
    "Also Read: Rupee ends flat against dollar",
    "Read more: How the vote works",
    "READ MORE",
    "(Except for the headline, this story has not been edited by NDTV staff and is published from a syndicated feed.)",
    "This story is auto-generated from a syndicated feed and has not been edited.",
    "Disclaimer: The views expressed are the author's own.",
    "(Only the headline and picture of this report may have been reworked by the Business Standard staff; the rest of the content is auto-generated from a syndicated feed.)",
    "Copyright 2026 The Associated Press. All rights reserved. This material may not be published.",
    "abc/def/xyz",
    "-0-",
  ])("drops %s", (line) => {
    expect(isPageJunk(line)).toBe(true);
  });

  it.each(["Read more about the plan on the ministry's website, officials said.", "The reading was higher than expected.", "Comments from the minister came later."])("keeps %s", (line) => {
    expect(isPageJunk(line)).toBe(false);
  });
});

describe("a sign-off with its editors' initials in lower case", () => {
  it("names the agency and goes (\"dpa xy mk\"), while a closing line of prose stays", () => {
    expect(cutTrailingMatter(["Firefighters were deployed.", "dpa xy mk"])).toMatchObject({ paragraphs: ["Firefighters were deployed."], agency: "dpa" });
    expect(cutTrailingMatter(["Firefighters were deployed.", "Police said more would follow"]).paragraphs).toHaveLength(2);
  });
});

describe("page junk, after the quick look at how a line begins", () => {
  it("is still found in every form", () => {
    for (const line of ["ENDS", "(END)", "END OF STORY", "___", "-30-", "Also Read: more", "READ MORE", "POST COMMENTS (0)", "12 comments", "Disclaimer: none", "© 2026 AFP", "(c) 2026 AP", "Copyright 2026", "((a@b.com))", "Our Standards: x", "Follow AP on X", "abc/def/xyz", "This story has been published from a wire agency feed"]) {
      expect(isPageJunk(line), line).toBe(true);
    }
    expect(isPageJunk("The minister said the talks would go on.")).toBe(false);
  });
});
