import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { WordCount } from "@/components/admin/word-count";
import { PrepublishChecklist } from "@/components/admin/prepublish-checklist";
import { ZonedDateInput, ZonedDateTimeInput } from "@/components/admin/zoned-date-time-input";

// The desk's parts as the server first renders them (what an editor sees before typing); typing
// into them is covered in the browser (e2e/embargo-form.spec.ts).

const text = (html: string) => html.replace(/&#x27;/g, "'").replace(/<[^>]+>/g, "").replace(/\s+/g, " ").trim();

describe("WordCount", () => {
  it("says words, characters and reading time of the story as typed", () => {
    const html = renderToStaticMarkup(<WordCount headline="Trade deal signed" standfirst="" body={`<p>${"word ".repeat(470)}</p>`} />);
    expect(text(html)).toBe("473 words · 2,367 characters · 2 min read");
  });
});

describe("PrepublishChecklist", () => {
  const story = { headline: "Trade deal signed", standfirst: "", tags: [], slug: "", headlineProposed: true, embargoUntil: null };

  it("warns of what is missing when the newsroom requires nothing", () => {
    const html = renderToStaticMarkup(<PrepublishChecklist story={story} rules={{ require: [], headlineMaxLength: 110 }} timeZone="UTC" />);
    expect(text(html)).toContain("Ready to publish, 3 things to check");
    expect(html).toContain('data-state="warn" data-testid="check-standfirst"');
    expect(text(html)).toContain("Headline written (Check): Headline needs writing: it was proposed from the agency's copy.");
    expect(text(html)).toContain("Slug (Done): /trade-deal-signed");
  });

  it("says what stops publishing when the newsroom requires it", () => {
    const html = renderToStaticMarkup(<PrepublishChecklist story={story} rules={{ require: ["tags", "headlineWritten"], headlineMaxLength: 110 }} timeZone="UTC" />);
    expect(text(html)).toContain("2 items stop publishing");
    expect(html).toContain('data-state="block" data-testid="check-tags"');
    expect(text(html)).toContain("Tags (Required): Add at least one tag.");
  });
});

describe("ZonedDateTimeInput", () => {
  it("shows a stored instant in the newsroom's zone and format, and posts its wall-clock time", () => {
    const html = renderToStaticMarkup(<ZonedDateTimeInput name="publishAt" label="Publish at" timeZone="Asia/Kolkata" defaultValue="2023-12-27T08:35:00.000Z" describe="Goes live" id="publish-at" />);
    expect(html).toContain('value="27 Dec 2023"');
    expect(html).toContain('value="14:05"');
    expect(html).toContain('type="hidden" name="publishAt" value="2023-12-27T14:05"');
    expect(text(html)).toContain("Time (IST)");
    expect(text(html)).toContain("Goes live Wed 27 Dec 2023, 14:05 IST.");
  });

  it("names the zone, and says what to type, when empty", () => {
    const html = renderToStaticMarkup(<ZonedDateTimeInput name="embargoUntil" label="Embargo until" timeZone="Europe/London" />);
    expect(text(html)).toMatch(/Time \((GMT|BST)\)/);
    expect(text(html)).toContain("Newsroom time (Europe/London), 24-hour.");
    expect(html).toContain('type="hidden" name="embargoUntil" value=""');
  });
});

describe("ZonedDateInput", () => {
  it("shows a day the newsroom's way with its weekday, and posts it as YYYY-MM-DD", () => {
    const html = renderToStaticMarkup(<ZonedDateInput name="datelineDate" label="Date" defaultValue="2023-12-27" />);
    expect(html).toContain('value="27 Dec 2023"');
    expect(html).toContain('type="hidden" name="datelineDate" value="2023-12-27"');
    expect(text(html)).toContain("Wed 27 Dec 2023");
  });
});
