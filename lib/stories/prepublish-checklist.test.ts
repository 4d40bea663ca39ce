import { describe, expect, it } from "vitest";
import { publishSettings } from "@/lib/env";
import { blockingItems, prepublishChecklist, type ChecklistStory, type PublishRules } from "@/lib/stories/prepublish-checklist";
import { assertPublishable } from "@/lib/stories/assert-publishable";
import { AppError } from "@/lib/errors";

const ready: ChecklistStory = {
  headline: "Ministers agree on new trade corridor",
  standfirst: "The corridor cuts shipping time by a third.",
  tags: [{ name: "Trade" }],
  slug: "ministers-agree-on-new-trade-corridor",
  headlineProposed: false,
  embargoUntil: null,
};
const warnOnly: PublishRules = { require: [], headlineMaxLength: 110 };
const zone = { timeZone: "Asia/Kolkata", now: new Date("2023-12-27T08:00:00Z") };
const item = (story: Partial<ChecklistStory>, key: string, rules = warnOnly) => prepublishChecklist({ ...ready, ...story }, rules, zone).find((found) => found.key === key)!;

describe("the pre-publish checklist", () => {
  it("passes a story that is ready, and says so item by item", () => {
    const items = prepublishChecklist(ready, warnOnly, zone);
    expect(items.map((found) => [found.key, found.state])).toEqual([
      ["headline", "ok"], ["headlineWritten", "ok"], ["standfirst", "ok"], ["tags", "ok"], ["slug", "ok"], ["embargo", "ok"],
    ]);
    expect(item({}, "headline").message).toBe("37 of 110 characters.");
    expect(item({}, "tags").message).toBe("1 tag.");
    expect(item({}, "embargo").message).toBe("No embargo.");
  });

  it("warns of a missing or over-long headline, counting characters, not code units", () => {
    expect(item({ headline: "  " }, "headline")).toMatchObject({ state: "warn", message: "Write a headline." });
    expect(item({ headline: "x".repeat(111) }, "headline")).toMatchObject({ state: "warn", message: "111 characters: at most 110." });
    expect(item({ headline: "é".repeat(110) }, "headline").state).toBe("ok");
    expect(item({ headline: "x".repeat(60) }, "headline", { require: [], headlineMaxLength: 50 }).message).toBe("60 characters: at most 50.");
  });

  it("says a headline proposed from wire copy needs writing", () => {
    expect(item({ headlineProposed: true }, "headlineWritten")).toMatchObject({ state: "warn", message: "Headline needs writing: it was proposed from the agency's copy." });
  });

  it("warns of no standfirst and no tags", () => {
    expect(item({ standfirst: "" }, "standfirst")).toMatchObject({ state: "warn", message: "Add a standfirst." });
    expect(item({ tags: [] }, "tags")).toMatchObject({ state: "warn", message: "Add at least one tag." });
    expect(item({ tags: 3 }, "tags")).toMatchObject({ state: "ok", message: "3 tags." });
  });

  it("judges the slug, or the one the headline would make when the field is left empty", () => {
    expect(item({ slug: "" }, "slug")).toMatchObject({ state: "ok", message: "/ministers-agree-on-new-trade-corridor" });
    expect(item({ slug: "Bad Slug" }, "slug").state).toBe("warn");
    expect(item({ slug: "2023-12-27" }, "slug").state).toBe("warn");
    expect(item({ slug: "a-".repeat(40) + "b" }, "slug").message).toMatch(/shorten it to 60/);
    expect(item({ slug: "", headline: "" }, "slug").state).toBe("warn");
  });

  it("says the embargo in the newsroom's zone, and never blocks on it", () => {
    const rules: PublishRules = { require: ["headline", "headlineWritten", "standfirst", "tags", "slug"], headlineMaxLength: 110 };
    expect(item({ embargoUntil: "2023-12-27T12:30:00Z" }, "embargo", rules)).toMatchObject({ state: "warn", message: "Embargoed until 27 Dec 2023, 18:00 IST: publishing schedules it for then." });
    expect(item({ embargoUntil: new Date("2023-12-27T06:00:00Z") }, "embargo", rules)).toMatchObject({ state: "ok", message: "Embargo lifted 27 Dec 2023, 11:30 IST." });
  });

  it("blocks only the checks the newsroom requires", () => {
    const rules: PublishRules = { require: ["tags", "headlineWritten"], headlineMaxLength: 110 };
    const items = prepublishChecklist({ ...ready, tags: [], standfirst: "", headlineProposed: true }, rules, zone);
    expect(blockingItems(items).map((found) => found.key)).toEqual(["headlineWritten", "tags"]);
    expect(items.find((found) => found.key === "standfirst")?.state).toBe("warn");
  });
});

describe("pictures in the checklist", () => {
  it("blocks a story whose lead or body pictures lack alt text, whatever the newsroom requires", () => {
    expect(item({ leadImageAlt: "" }, "leadImageAlt").state).toBe("block");
    expect(item({ bodyPictureAlts: ["Police at the gate", ""] }, "bodyPicturesAlt")).toMatchObject({ state: "block", message: "Describe 1 of the 2 pictures in the body (alt text) for readers who cannot see it." });
    expect(item({ bodyPictureAlts: [" "] }, "bodyPicturesAlt").message).toBe("Describe the picture in the body (alt text) for readers who cannot see it.");
    expect(item({ bodyPictureAlts: ["a", "b"] }, "bodyPicturesAlt")).toMatchObject({ state: "ok", message: "All 2 have alt text." });
    expect(prepublishChecklist({ ...ready, bodyPictureAlts: [] }, warnOnly, zone).some((found) => found.key === "bodyPicturesAlt")).toBe(false);
  });

  it("is refused on the server on the body's field", () => {
    expect(() => assertPublishable({ ...ready, bodyPictureAlts: [""] }, warnOnly)).toThrow(expect.objectContaining({ status: 422, fields: { body: ["Describe the picture in the body (alt text) for readers who cannot see it."] } }));
  });
});

describe("the server's check before a story goes live", () => {
  it("lets through a story that fails only what warns", () => {
    expect(() => assertPublishable({ ...ready, standfirst: "" }, { require: ["tags"], headlineMaxLength: 110 })).not.toThrow();
  });

  it("refuses what blocks with a 422 naming each field", () => {
    let refused: unknown;
    try {
      assertPublishable({ ...ready, tags: [], headlineProposed: true }, { require: ["tags", "headlineWritten"], headlineMaxLength: 110 });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).status).toBe(422);
    expect((refused as AppError).message).toBe("Not ready to publish. Headline needs writing: it was proposed from the agency's copy. Add at least one tag.");
    expect((refused as AppError).fields).toEqual({ headline: ["Headline needs writing: it was proposed from the agency's copy."], tags: ["Add at least one tag."] });
  });
});

describe("the newsroom's publishing settings", () => {
  it("block nothing and allow 110-character headlines unless set", () => {
    expect(publishSettings({})).toEqual({ require: [], headlineMaxLength: 110 });
    expect(publishSettings({ PUBLISH_REQUIRE: "", HEADLINE_MAX_LENGTH: "" })).toEqual({ require: [], headlineMaxLength: 110 });
  });

  it("read the checks to require and the headline length", () => {
    expect(publishSettings({ PUBLISH_REQUIRE: "headline, tags,tags", HEADLINE_MAX_LENGTH: "80" })).toEqual({ require: ["headline", "tags"], headlineMaxLength: 80 });
  });

  it("refuse a typo with a line naming the variable and what it may hold", () => {
    expect(() => publishSettings({ PUBLISH_REQUIRE: "headline,tag" })).toThrow("Configuration error: PUBLISH_REQUIRE: PUBLISH_REQUIRE names checks from: headline, headlineWritten, standfirst, tags, slug (comma-separated)");
    expect(() => publishSettings({ HEADLINE_MAX_LENGTH: "long" })).toThrow(/^Configuration error: HEADLINE_MAX_LENGTH: /);
    expect(() => publishSettings({ HEADLINE_MAX_LENGTH: "5" })).toThrow(/20 or more/);
  });
});
