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
});
