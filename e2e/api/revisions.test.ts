import { beforeAll, describe, expect, it } from "vitest";
import { api, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import type { Actor } from "@/lib/auth/permissions";

const { listAuditEntries } = await import("@/lib/audit/list-audit-entries");

type Revision = { version: number; author: { id: string; name: string }; createdAt: string; summary: string; changes: string[] };
type RevisionDetail = { version: number; author: { id: string; name: string }; createdAt: string; snapshot: { headline: string; body: string; tags: { name: string }[]; status: string } };
type ApiError = { error: { code: string; message: string; fields?: Record<string, string[]> } };

let writer: TestUser;
let editor: TestUser;
let admin: TestUser;

beforeAll(async () => {
  [writer, editor, admin] = await Promise.all([makeUser("writer"), makeUser("editor"), makeUser("admin")]);
});

const asActor = (user: TestUser): Actor => ({ id: user.id, email: user.email, name: user.email, role: user.role });
const patch = (user: TestUser, story: { id: string }, body: Record<string, unknown>) => api<ApiStory>("PATCH", `/api/v1/stories/${story.id}`, { key: user.apiKey, body });

/** A story with four revisions: created by the writer, headline, body and tags by the editor, then published. */
async function storyWithHistory() {
  const v1 = await makeStory(writer, { headline: unique("First headline"), tags: ["Elections"] });
  const v2 = (await patch(editor, v1, { version: 1, headline: unique("Second headline") })).body;
  const v3 = (await patch(editor, v2, { version: 2, body: "<p>A new body.</p>", tags: ["Elections", "Kenya"] })).body;
  const v4 = (await api<ApiStory>("POST", `/api/v1/stories/${v1.id}/publish`, { key: editor.apiKey })).body;
  return { v1, v2, v3, v4 };
}

describe("GET /api/v1/stories/{id}/revisions", () => {
  it("lists every save, newest first, with who, when and what changed", async () => {
    const { v1 } = await storyWithHistory();
    const response = await api<{ items: Revision[] }>("GET", `/api/v1/stories/${v1.id}/revisions`, { key: writer.apiKey });
    expect(response.status).toBe(200);
    const items = response.body.items;
    expect(items.map((r) => r.version)).toEqual([4, 3, 2, 1]);
    // Until the story is first published, its slug follows the headline.
    expect(items.map((r) => r.summary)).toEqual(["status (draft → published)", "body, tags", "headline, slug", "created"]);
    expect(items[1].changes).toEqual(["body", "tags"]);
    expect(items.map((r) => r.author.id)).toEqual([editor.id, editor.id, editor.id, writer.id]);
    expect(items[3].author.name).toContain("writer");
    expect(Date.parse(items[0].createdAt)).toBeGreaterThanOrEqual(Date.parse(items[3].createdAt));
  });

  it("answers 404 for an unknown story and 401 without a key", async () => {
    expect((await api("GET", "/api/v1/stories/00000000-0000-4000-8000-000000000000/revisions", { key: writer.apiKey })).status).toBe(404);
    const story = await makeStory(writer);
    expect((await api("GET", `/api/v1/stories/${story.id}/revisions`)).status).toBe(401);
    expect((await api("GET", `/api/v1/stories/${story.id}/revisions/1`, { key: "dl_not-a-real-key" })).status).toBe(401);
  });
});

describe("GET /api/v1/stories/{id}/revisions/{n}", () => {
  it("gives the story as it read at version n, to whoever may read the story", async () => {
    const { v1, v2, v3 } = await storyWithHistory();
    const second = await api<RevisionDetail>("GET", `/api/v1/stories/${v1.id}/revisions/2`, { key: writer.apiKey });
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(2);
    expect(second.body.author.id).toBe(editor.id);
    expect(second.body.snapshot.headline).toBe(v2.headline);
    expect(second.body.snapshot.body).toBe(v1.body);
    const third = await api<RevisionDetail>("GET", `/api/v1/stories/${v1.id}/revisions/3`, { key: admin.apiKey });
    expect(third.body.snapshot.body).toBe(v3.body);
    expect(third.body.snapshot.tags.map((t) => t.name)).toEqual(["Elections", "Kenya"]);
    expect(third.body.snapshot.status).toBe("draft");
  });

  it("answers 404 for a revision that does not exist and 422 for one that is not a whole number", async () => {
    const story = await makeStory(writer);
    const missing = await api<ApiError>("GET", `/api/v1/stories/${story.id}/revisions/99`, { key: writer.apiKey });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe("This story has no revision 99");
    for (const n of ["abc", "1.5", "0", "-1"]) {
      const bad = await api<ApiError>("GET", `/api/v1/stories/${story.id}/revisions/${n}`, { key: writer.apiKey });
      expect(bad.status, n).toBe(422);
      expect(Object.keys(bad.body.error.fields ?? {}), n).toEqual(["revision"]);
    }
  });
});

describe("restoring a revision", () => {
  it("applies the old copy as a new revision, and audits it", async () => {
    const { v1, v4 } = await storyWithHistory();
    const restored = await api<ApiStory>("POST", `/api/v1/stories/${v1.id}/revisions/1/restore`, { key: editor.apiKey, body: { version: v4.version } });
    expect(restored.status).toBe(200);
    expect(restored.body.version).toBe(5);
    expect(restored.body.headline).toBe(v1.headline);
    expect(restored.body.body).toBe(v1.body);
    expect(restored.body.tags.map((t) => t.name)).toEqual(["Elections"]);
    // Copy comes back; the story stays published.
    expect(restored.body.status).toBe("published");

    const list = await api<{ items: Revision[] }>("GET", `/api/v1/stories/${v1.id}/revisions`, { key: editor.apiKey });
    expect(list.body.items.map((r) => r.version)).toEqual([5, 4, 3, 2, 1]);
    expect(list.body.items[0]).toMatchObject({ author: { id: editor.id }, summary: "headline, body, tags, slug" });
    // The slug comes back too, as any slug change of a published story: the one readers had redirects.
    expect(restored.body.slug).toBe(v1.slug);
    const former = await getPage(`/stories/${v4.slug}`);
    expect(former.status).toBe(301);
    expect(former.headers.get("location")).toContain(`/stories/${v1.slug}`);
    const log = await listAuditEntries({ actor: asActor(admin), query: { story: v1.id } });
    expect(log.items[0]).toMatchObject({ action: "story.restore", detail: { revision: 1, version: 5 } });
  });

  it("refuses a restore based on a stale version with 409, and changes nothing", async () => {
    const story = await makeStory(writer);
    await patch(writer, story, { version: 1, headline: unique("Changed") });
    const stale = await api<ApiError>("POST", `/api/v1/stories/${story.id}/revisions/1/restore`, { key: writer.apiKey, body: { version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain("changed since version 1");
    const list = await api<{ items: Revision[] }>("GET", `/api/v1/stories/${story.id}/revisions`, { key: writer.apiKey });
    expect(list.body.items.map((r) => r.version)).toEqual([2, 1]);
  });

  it("needs the right to edit live copy to restore a published story", async () => {
    const { v1, v4 } = await storyWithHistory();
    expect((await api("POST", `/api/v1/stories/${v1.id}/revisions/2/restore`, { key: writer.apiKey, body: { version: v4.version } })).status).toBe(403);
    expect((await api("POST", `/api/v1/stories/${v1.id}/revisions/2/restore`, { body: { version: v4.version } })).status).toBe(401);
    expect((await api("POST", `/api/v1/stories/${v1.id}/revisions/9/restore`, { key: editor.apiKey, body: { version: v4.version } })).status).toBe(404);
    expect((await api("POST", `/api/v1/stories/${v1.id}/revisions/x/restore`, { key: editor.apiKey, body: { version: v4.version } })).status).toBe(422);
    const stored = await api<ApiStory>("GET", `/api/v1/stories/${v1.id}`, { key: writer.apiKey });
    expect(stored.body.version).toBe(v4.version);
  });
});
