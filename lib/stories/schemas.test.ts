import { describe, expect, it } from "vitest";
import { createStorySchema, updateStorySchema, listStoriesQuerySchema, storyInputFromForm } from "@/lib/stories/schemas";

const valid = { headline: "  Talks in Moscow  ", body: "<p>Text</p>" };

describe("createStorySchema", () => {
  it("accepts the contract's minimal story and trims", () => {
    const story = createStorySchema.parse(valid);
    expect(story.headline).toBe("Talks in Moscow");
    expect(story.standfirst).toBe("");
    expect(story.byline).toBeNull();
  });

  it("names every failing field", () => {
    const result = createStorySchema.safeParse({ headline: "", body: "<script>x</script>", dateline: { date: "27/12/2023" }, slug: "Bad Slug!", tags: [{ name: "x", type: "animal" }] });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["headline", "body", "dateline.date", "slug", "tags.0.type"]));
  });

  it("sanitises the body on the way in", () => {
    const story = createStorySchema.parse({ ...valid, body: '<p onclick="x()">Hi<script>alert(1)</script></p>' });
    expect(story.body).toBe("<p>Hi</p>");
  });

  it("refuses a body that is empty once sanitised", () => {
    expect(createStorySchema.safeParse({ ...valid, body: "<p> </p><img src=x>" }).success).toBe(false);
  });

  it("takes tags as names or typed objects", () => {
    const story = createStorySchema.parse({ ...valid, tags: ["BRICS", { name: "Sergey Lavrov", type: "person" }] });
    expect(story.tags).toEqual([{ name: "BRICS" }, { name: "Sergey Lavrov", type: "person" }]);
  });

  it("takes a dateline with a calendar date", () => {
    const story = createStorySchema.parse({ ...valid, dateline: { location: "Moscow", country: "Russia", date: "2023-12-27" } });
    expect(story.dateline).toEqual({ location: "Moscow", country: "Russia", date: "2023-12-27" });
  });
});

describe("updateStorySchema", () => {
  it("requires the version the change is based on", () => {
    const result = updateStorySchema.safeParse({ headline: "New" });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(["version"]);
  });

  it("lets every other field be left out", () => {
    expect(updateStorySchema.parse({ version: 3 })).toEqual({ version: 3 });
  });
});

describe("listStoriesQuerySchema", () => {
  it("refuses an unknown status and caps the page size", () => {
    expect(listStoriesQuerySchema.safeParse({ status: "live" }).success).toBe(false);
    expect(listStoriesQuerySchema.safeParse({ limit: "500" }).success).toBe(false);
    expect(listStoriesQuerySchema.parse({}).limit).toBe(25);
  });

  it("treats empty filters as none, and names each bad one", () => {
    expect(listStoriesQuerySchema.parse({ status: "", tag: "", author: "", updatedFrom: "", updatedTo: "", q: "", cursor: "", limit: "" })).toEqual({ limit: 25 });
    const result = listStoriesQuerySchema.safeParse({ author: "priya", updatedFrom: "27/12/2023", updatedTo: "2023-02-30" });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["author", "updatedFrom", "updatedTo"]);
  });

  it("refuses a date range that ends before it starts", () => {
    expect(listStoriesQuerySchema.safeParse({ updatedFrom: "2023-12-27", updatedTo: "2023-12-27" }).success).toBe(true);
    const result = listStoriesQuerySchema.safeParse({ updatedFrom: "2023-12-27", updatedTo: "2023-12-26" });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["updatedTo", "The last day comes before the first"]]);
  });
});

describe("storyInputFromForm", () => {
  it("maps the editor's fields onto the API's shape", () => {
    const form = new FormData();
    form.set("headline", "H");
    form.set("body", "<p>B</p>");
    form.set("datelineLocation", "Moscow");
    form.set("datelineDate", "2023-12-27");
    form.set("tags", JSON.stringify([{ name: "India", type: "place" }]));
    form.set("version", "4");
    const input = storyInputFromForm(form);
    expect(input).toMatchObject({ version: 4, headline: "H", dateline: { location: "Moscow", date: "2023-12-27" }, tags: [{ name: "India", type: "place" }] });
    expect(updateStorySchema.safeParse(input).success).toBe(true);
  });

  it("takes the lead picture as { id } or none, and leaves it alone when the form has no such field", () => {
    const form = new FormData();
    form.set("headline", "H");
    form.set("body", "<p>B</p>");
    expect(storyInputFromForm(form)).not.toHaveProperty("leadImage");
    const id = "4f0c2a4e-5d5b-4f7e-9a55-0b8e4b1c2d3e";
    form.set("leadImage", JSON.stringify({ id }));
    expect(createStorySchema.parse(storyInputFromForm(form)).leadImage).toEqual({ id });
    form.set("leadImage", "null");
    expect(createStorySchema.parse(storyInputFromForm(form)).leadImage).toBeNull();
    form.set("leadImage", "{not json");
    expect(createStorySchema.safeParse(storyInputFromForm(form)).error?.issues.map((issue) => issue.path.join("."))).toEqual(["leadImage"]);
  });
});

describe("hostile text", () => {
  const hostile = "a\u0008b\u0001c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h";

  it("removes control characters and lone surrogates from every text field, body markup included", () => {
    const parsed = createStorySchema.parse({
      headline: hostile,
      standfirst: hostile,
      byline: hostile,
      agency: "ANI\u007F",
      credits: hostile,
      dateline: { location: hostile, country: hostile },
      tags: [hostile, { name: `T${hostile}`, type: "topic" }],
      // A character reference to a control character is one too, once the sanitiser reads it.
      body: `<p>${hostile} x&#1;y&#xFFFF;z</p>`,
    });
    expect(parsed).toMatchObject({
      headline: "abcdefgh",
      standfirst: "abcdefgh",
      byline: "abcdefgh",
      agency: "ANI",
      credits: "abcdefgh",
      dateline: { location: "abcdefgh", country: "abcdefgh" },
      tags: [{ name: "abcdefgh" }, { name: "Tabcdefgh", type: "topic" }],
      body: "<p>abcdefgh xyz</p>",
    });
  });

  it("refuses a headline that is nothing but such characters, naming the field", () => {
    const result = createStorySchema.safeParse({ ...valid, headline: "\u0001\uD800" });
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["headline", "Headline is required"]]);
  });

  it("refuses NUL, which is no text, in any field, the body included, naming each", () => {
    const nul = "a\u0000b";
    const result = createStorySchema.safeParse({ headline: nul, body: `<p>${nul}</p>`, byline: nul, dateline: { location: nul }, tags: [nul] });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["headline", "body", "byline", "dateline.location", "tags.0.name"]);
  });

  it("refuses dates and instants a database cannot hold (year 0, year 275760), naming the field", () => {
    const result = createStorySchema.safeParse({ ...valid, dateline: { date: "0000-01-01" }, embargoUntil: "0000-01-01T00:00:00Z" });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["dateline.date", "embargoUntil"]);
    expect(createStorySchema.safeParse({ ...valid, embargoUntil: "+275760-09-13T00:00:00Z" }).success).toBe(false);
    expect(createStorySchema.safeParse({ ...valid, dateline: { date: "1851-10-14" }, embargoUntil: "2026-03-09T18:31:00+05:30" }).success).toBe(true);
    expect(listStoriesQuerySchema.safeParse({ updatedFrom: "0000-01-01" }).error?.issues.map((issue) => issue.path.join("."))).toEqual(["updatedFrom"]);
  });

  it("refuses a version no story can have", () => {
    for (const version of [2 ** 31, 1e20, 0, 1.5]) {
      expect(new Set(updateStorySchema.safeParse({ version }).error?.issues.map((issue) => issue.path.join("."))), String(version)).toEqual(new Set(["version"]));
    }
  });

  it("names a NUL in a query's tag or words as a bad filter rather than failing at the database", () => {
    expect(listStoriesQuerySchema.safeParse({ tag: "\u0000", q: "a\u0000" }).error?.issues.map((issue) => issue.path.join("."))).toEqual(["tag", "q"]);
    expect(listStoriesQuerySchema.parse({ tag: "\u0001", q: "\u000B" })).toMatchObject({ tag: "", q: "" });
  });
});
