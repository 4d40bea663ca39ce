import { beforeAll, describe, expect, it } from "vitest";
import { api, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";

// Review both ways (issue 11): a writer takes a story back from review; the desk sends one back
// with a note the writer sees until they submit it again.

type Reviewed = ApiStory & { reviewNote: { note: string; by: { id: string; name: string }; at: string } | null };

let writer: TestUser;
let editor: TestUser;

beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser("writer"), makeUser("editor")]);
});

async function inReview() {
  const story = await makeStory(writer, { headline: unique("In review") });
  const submitted = await api<Reviewed>("POST", `/api/v1/stories/${story.id}/submit`, { key: writer.apiKey });
  expect(submitted.body.status).toBe("in_review");
  return submitted.body;
}

describe("review", () => {
  it("lets the writer take a story back from review, to go on working on it", async () => {
    const story = await inReview();
    const withdrawn = await api<Reviewed>("POST", `/api/v1/stories/${story.id}/withdraw`, { key: writer.apiKey });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe("draft");
    const edited = await api<Reviewed>("PATCH", `/api/v1/stories/${story.id}`, { key: writer.apiKey, body: { version: withdrawn.body.version, headline: unique("Reworked") } });
    expect(edited.status).toBe(200);
    // A draft is not in review: nothing to take back.
    expect((await api("POST", `/api/v1/stories/${story.id}/withdraw`, { key: writer.apiKey })).status).toBe(409);
  });

  it("lets the desk send a story back with a note the writer sees, until they submit it again", async () => {
    const story = await inReview();
    expect((await api("POST", `/api/v1/stories/${story.id}/return`, { key: writer.apiKey, body: { note: "Mine" } })).status).toBe(403);
    const noNote = await api<{ error: { fields: Record<string, string[]> } }>("POST", `/api/v1/stories/${story.id}/return`, { key: editor.apiKey, body: { note: "  " } });
    expect(noNote.status).toBe(422);
    expect(Object.keys(noNote.body.error.fields)).toEqual(["note"]);

    const returned = await api<Reviewed>("POST", `/api/v1/stories/${story.id}/return`, { key: editor.apiKey, body: { note: "Needs a second source for the figures." } });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe("draft");
    const seen = await api<Reviewed>("GET", `/api/v1/stories/${story.id}`, { key: writer.apiKey });
    expect(seen.body.reviewNote?.note).toBe("Needs a second source for the figures.");
    expect(seen.body.reviewNote?.by.id).toBe(editor.id);

    const again = await api<Reviewed>("POST", `/api/v1/stories/${story.id}/submit`, { key: writer.apiKey });
    expect(again.body.status).toBe("in_review");
    expect(again.body.reviewNote).toBeNull();
  });

  it("sends back once of twenty at once, one audit entry", async () => {
    const story = await inReview();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => api("POST", `/api/v1/stories/${story.id}/return`, { key: editor.apiKey, body: { note: `Note ${i}` } })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, ...Array(19).fill(409)]);
  });
});
