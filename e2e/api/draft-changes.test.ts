import { beforeAll, describe, expect, it } from "vitest";
import { api, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";

type Draft = { headline: string; body: string; tags: { name: string }[]; slug: string };
type StoryWithDraft = ApiStory & { draftChanges: Draft | null; draftSavedAt: string | null; draftSavedBy: { id: string; name: string } | null; draftBaseVersion: number | null };
type ApiError = { error: { code: string; message: string; fields?: Record<string, string[]> } };

let writer: TestUser;
let editor: TestUser;

beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser("writer"), makeUser("editor")]);
});

async function liveStory() {
  const story = await makeStory(editor, { headline: unique("Live headline"), body: "<p>The live text.</p>" });
  return (await api<StoryWithDraft>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey })).body;
}
const patch = (user: TestUser, id: string, body: Record<string, unknown>) => api<StoryWithDraft & ApiError>("PATCH", `/api/v1/stories/${id}`, { key: user.apiKey, body });

describe("a draft of changes to a live story", () => {
  it("keeps readers on the live copy until the story is published again; then they see the change", async () => {
    const story = await liveStory();
    const headline = unique("Corrected headline");
    const saved = await patch(editor, story.id, { asDraft: true, version: story.version, headline, body: "<p>The corrected text.</p>" });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ headline: story.headline, version: story.version, draftBaseVersion: story.version, draftSavedBy: { id: editor.id } });
    expect(saved.body.draftChanges).toMatchObject({ headline, body: "<p>The corrected text.</p>", slug: story.slug });

    const before = await getPage(`/stories/${story.slug}`);
    expect(before.status).toBe(200);
    expect(before.text).toContain(story.headline);
    expect(before.text).toContain("The live text.");
    expect(before.text).not.toContain(headline);
    expect(before.text).not.toContain("The corrected text.");

    const published = await api<StoryWithDraft>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ headline, body: "<p>The corrected text.</p>", status: "published", draftChanges: null, draftSavedAt: null });
    // Publishing again keeps the story's place in the lists.
    expect(published.body.publishedAt).toBe(story.publishedAt);

    const after = await getPage(`/stories/${story.slug}`);
    expect(after.text).toContain(headline);
    expect(after.text).toContain("The corrected text.");
    expect(after.text).not.toContain("The live text.");
  });

  it("changes only the fields sent, on top of the draft already held, which a later save must name", async () => {
    const story = await liveStory();
    const first = await patch(editor, story.id, { asDraft: true, version: story.version, headline: "Draft one", tags: ["Draft tag"] });
    expect(first.status).toBe(200);
    const blind = await patch(editor, story.id, { asDraft: true, version: story.version, body: "<p>Blind.</p>" });
    expect(blind.status).toBe(409);
    expect(blind.body.error.message).toContain("Someone else saved a draft of changes");
    const second = await patch(editor, story.id, { asDraft: true, version: story.version, draftSavedAt: first.body.draftSavedAt, body: "<p>Second body.</p>" });
    expect(second.status).toBe(200);
    expect(second.body.draftChanges).toMatchObject({ headline: "Draft one", body: "<p>Second body.</p>", tags: [{ name: "Draft tag" }] });
    const stale = await patch(editor, story.id, { asDraft: true, version: story.version, draftSavedAt: first.body.draftSavedAt, headline: "Late" });
    expect(stale.status).toBe(409);
  });

  it("is refused to writers, for stories that are not live, and for an asDraft that is not a boolean", async () => {
    const story = await liveStory();
    expect((await patch(writer, story.id, { asDraft: true, version: story.version, headline: "Writer" })).status).toBe(403);
    const draft = await makeStory(writer);
    expect((await patch(writer, draft.id, { asDraft: true, version: draft.version, headline: "x" })).status).toBe(403);
    expect((await patch(editor, draft.id, { asDraft: true, version: draft.version, headline: "x" })).status).toBe(409);
    const wrongType = await patch(editor, story.id, { asDraft: "yes", version: story.version, headline: "Must not go live" });
    expect(wrongType.status).toBe(422);
    expect(Object.keys(wrongType.body.error.fields ?? {})).toEqual(["asDraft"]);
    const stored = await api<StoryWithDraft>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
    expect(stored.body).toMatchObject({ headline: story.headline, draftChanges: null });
  });

  it("is not published over a live edit made after it was saved", async () => {
    const story = await liveStory();
    await patch(editor, story.id, { asDraft: true, version: story.version, headline: "Old draft" });
    const edited = await patch(editor, story.id, { version: story.version, headline: unique("Urgent live fix") });
    expect(edited.status).toBe(200);
    const refused = await api<ApiError>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("draft of changes saved before its latest edit");
    expect((await getPage(`/stories/${story.slug}`)).text).toContain(edited.body.headline);
  });
});
