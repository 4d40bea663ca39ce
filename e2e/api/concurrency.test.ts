import { beforeAll, describe, expect, it } from "vitest";
import { api, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";

let editor: TestUser;

beforeAll(async () => {
  editor = await makeUser("editor");
});

describe("saves racing each other", () => {
  it("lets exactly one of many saves of the same version win; the rest get 409 and the story holds the winner", async () => {
    const story = await makeStory(editor);
    const attempts = Array.from({ length: 50 }, (_, i) =>
      api<ApiStory>("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: story.version, headline: `Attempt ${i}`, tags: [`Race ${i}`] } }),
    );
    const results = await Promise.all(attempts);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const winner = results.findIndex((r) => r.status === 200);
    const stored = await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
    expect(stored.body.headline).toBe(`Attempt ${winner}`);
    expect(stored.body.tags.map((tag) => tag.name)).toEqual([`Race ${winner}`]);
    expect(stored.body).toEqual(results[winner].body);
    expect(stored.body.version).toBe(story.version + 1);
    // One save, one revision: the refused ones left no trace.
    const revisions = await api<{ items: { version: number }[] }>("GET", `/api/v1/stories/${story.id}/revisions`, { key: editor.apiKey });
    expect(revisions.body.items.map((r) => r.version)).toEqual([2, 1]);
  });

  it("gives stories created at once with one headline and one new tag distinct slugs and a single tag", async () => {
    const headline = unique("Same headline");
    const tag = unique("Same new tag");
    const results = await Promise.all(
      Array.from({ length: 6 }, () => api<ApiStory>("POST", "/api/v1/stories", { key: editor.apiKey, body: { headline, body: "<p>x</p>", tags: [tag] } })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(results.map((r) => r.body.slug)).size).toBe(6);
    expect(new Set(results.map((r) => r.body.tags[0].slug)).size).toBe(1);
  });
});

describe("edge cases of input", () => {
  it("matches tag names exactly, so SQL wildcards in a name are only characters", async () => {
    const base = `G2${Date.now()}`;
    const real = await makeStory(editor, { tags: [base] });
    const wild = await makeStory(editor, { tags: [base.replace("2", "_")] });
    // A name needs a letter or digit; beside one, "%" is only a character too.
    const percent = await makeStory(editor, { tags: [`${base}%`] });
    expect(wild.tags[0].slug).not.toBe(real.tags[0].slug);
    expect(wild.tags[0].name).toBe(base.replace("2", "_"));
    expect(percent.tags[0].name).toBe(`${base}%`);
    expect(percent.tags[0].slug).not.toBe(real.tags[0].slug);
  });

  it("answers ids that are not UUIDs with 404, on every story route", async () => {
    for (const [method, path] of [["GET", ""], ["PATCH", ""], ["POST", "/publish"], ["POST", "/unpublish"], ["POST", "/kill"]] as const) {
      const response = await api(method, `/api/v1/stories/not-a-uuid${path}`, { key: editor.apiKey, body: method === "GET" ? undefined : { version: 1 } });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
  });

  it("reads empty query parameters as no filter, as in the contract's example", async () => {
    const response = await api<{ items: ApiStory[] }>("GET", "/api/v1/stories?status=&tag=&q=&cursor=", { key: editor.apiKey });
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body.items)).toBe(true);
  });

  it("answers a malformed cursor with 422, never 500", async () => {
    const cursor = Buffer.from(JSON.stringify(["2026-01-01T00:00:00Z", "-".repeat(36)])).toString("base64url");
    expect((await api("GET", `/api/v1/stories?cursor=${cursor}`, { key: editor.apiKey })).status).toBe(422);
  });
});
