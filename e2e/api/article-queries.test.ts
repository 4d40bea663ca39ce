import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, makeStory, makeUser, type TestUser } from "@/e2e/fixtures/factories";

// Counted in this process against the same database: the data an article render needs.
process.env.DATELINE_SQL_EVENTS = "1";
const { db } = await import("@/lib/db");
const { getLiveStory } = await import("@/lib/reader/get-live-story");

let editor: TestUser;
const queries: string[] = [];

beforeAll(async () => {
  editor = await makeUser("editor");
  db.$on("query" as never, (event: { query: string }) => queries.push(event.query));
});

afterAll(async () => {
  await db.$disconnect();
});

describe("an article render", () => {
  it("costs one SQL query for a live story, tags and corrections included", async () => {
    const story = await makeStory(editor, { tags: ["One", "Two", { name: "Three", type: "place" }] });
    await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    await api("POST", `/api/v1/stories/${story.id}/corrections`, { key: editor.apiKey, body: { kind: "update", note: "Counted." } });
    queries.length = 0;
    const lookup = await getLiveStory(story.slug);
    expect(lookup && "story" in lookup && lookup.story.tags.map((t) => t.name)).toEqual(["One", "Two", "Three"]);
    expect(lookup && "story" in lookup && lookup.story.corrections.map((c) => c.note)).toEqual(["Counted."]);
    expect(queries).toHaveLength(1);
  });

  it("costs two for a slug that is not live (the second looks for a redirect)", async () => {
    queries.length = 0;
    expect(await getLiveStory("no-such-story-anywhere")).toBeNull();
    expect(queries).toHaveLength(2);
  });
});
