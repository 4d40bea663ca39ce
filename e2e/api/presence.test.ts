import { beforeAll, describe, expect, it } from "vitest";
import { api, makeStory, makeUser, type TestUser } from "@/e2e/fixtures/factories";

type Presence = { others: { id: string; name: string; role: string }[] };

let editor: TestUser;
let writer: TestUser;

beforeAll(async () => {
  [editor, writer] = await Promise.all([makeUser("editor"), makeUser("writer")]);
});

const touch = (user: TestUser, storyId: string) => api<Presence>("POST", `/api/v1/stories/${storyId}/presence`, { key: user.apiKey });

describe("who else has a story open", () => {
  it("shows each of two people the other, never themselves, until one leaves", async () => {
    const story = await makeStory(editor);
    const first = await touch(editor, story.id);
    expect(first.status).toBe(200);
    expect(first.body.others).toEqual([]);

    const second = await touch(writer, story.id);
    expect(second.body.others.map((other) => [other.id, other.role])).toEqual([[editor.id, "editor"]]);
    expect(second.body.others[0].name).toMatch(/^Test editor /);
    expect((await touch(editor, story.id)).body.others.map((other) => other.id)).toEqual([writer.id]);

    const left = await api("DELETE", `/api/v1/stories/${story.id}/presence`, { key: writer.apiKey });
    expect(left.status).toBe(204);
    expect((await touch(editor, story.id)).body.others).toEqual([]);
  });

  it("keeps stories apart", async () => {
    const [one, two] = await Promise.all([makeStory(editor), makeStory(editor)]);
    await touch(writer, one.id);
    expect((await touch(editor, two.id)).body.others).toEqual([]);
  });

  it("refuses the anonymous, and answers 404 for a story that does not exist", async () => {
    const story = await makeStory(editor);
    expect((await api("POST", `/api/v1/stories/${story.id}/presence`)).status).toBe(401);
    expect((await api("DELETE", `/api/v1/stories/${story.id}/presence`)).status).toBe(401);
    expect((await touch(editor, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await touch(editor, "not-a-story")).status).toBe(404);
  });
});
