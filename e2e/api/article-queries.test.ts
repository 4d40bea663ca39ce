import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, makeStory, makeUser, type TestUser } from "@/e2e/fixtures/factories";
import { getLiveStory, type Queryable } from "@/lib/reader/get-live-story";

// What an article costs and answers, counted on a client of this process's own against the
// database the site uses: whatever the slug, one round trip.
let editor: TestUser;
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
const queries: string[] = [];
const counted: Queryable = { query: (text, values) => (queries.push(text), client.query(text, values)) };

beforeAll(async () => {
  editor = await makeUser("editor");
  await client.connect();
});

afterAll(async () => {
  await client.end();
});

async function lookUp(slug: string) {
  queries.length = 0;
  const lookup = await getLiveStory(counted, slug);
  expect(queries).toHaveLength(1);
  return lookup;
}

describe("an article lookup", () => {
  it("is one SQL query for a live story, its tags in order and its corrections included", async () => {
    const story = await makeStory(editor, { tags: ["One", "Two", { name: "Three", type: "place" }] });
    await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    await api("POST", `/api/v1/stories/${story.id}/corrections`, { key: editor.apiKey, body: { kind: "update", note: "Counted." } });
    const lookup = await lookUp(story.slug);
    expect(lookup && "story" in lookup && lookup.story.tags.map((t) => t.name)).toEqual(["One", "Two", "Three"]);
    expect(lookup && "story" in lookup && lookup.story.corrections.map((c) => c.note)).toEqual(["Counted."]);
    expect(lookup && "story" in lookup && lookup.story.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("is one query for a slug nobody has, a draft's slug, a former slug and a killed story", async () => {
    expect(await lookUp("no-such-story-anywhere")).toBeNull();

    const draft = await makeStory(editor, {});
    expect(await lookUp(draft.slug)).toBeNull();

    const moved = await makeStory(editor, {});
    await api("POST", `/api/v1/stories/${moved.id}/publish`, { key: editor.apiKey });
    const { body: live } = await api<{ version: number }>("GET", `/api/v1/stories/${moved.id}`, { key: editor.apiKey });
    const renamed = await api("PATCH", `/api/v1/stories/${moved.id}`, { key: editor.apiKey, body: { version: live.version, slug: `${moved.slug}-renamed` } });
    expect(renamed.status).toBe(200);
    expect(await lookUp(moved.slug)).toEqual({ redirectTo: `${moved.slug}-renamed` });

    await api("POST", `/api/v1/stories/${moved.id}/kill`, { key: editor.apiKey });
    expect(await lookUp(moved.slug)).toEqual({ gone: true });
    expect(await lookUp(`${moved.slug}-renamed`)).toEqual({ gone: true });
  });
});
