import { beforeAll, describe, expect, it } from "vitest";
import { api, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { auditEntries, queryRows, raceBehindLock, revisionVersions } from "@/e2e/fixtures/database";

// Twenty of one command on one story at once, sent while the test holds the story's row lock, so
// that all are under way before any can finish (lib/stories/lock-story.ts). Exactly one changes
// the story, with one audit entry and one revision; the others answer as they would have one after
// another: 409 where the story is no longer in a state the command applies to (kill, unpublish,
// submit, restore, anything based on a version or a draft), 200 with the story unchanged where it
// is already as asked (publish, schedule for the same instant).

const RACERS = 20;
const { publishDueStories } = await import("@/lib/stories/publish-due");
const { publishDraftChanges, discardDraftChanges } = await import("@/lib/stories/draft-changes");
const { resolvePendingUpdate } = await import("@/lib/wire-ingest/resolve-pending-update");

type Answer = { status: number; body: ApiStory & { error?: { code: string; message: string } } };
type StoryWithDraft = ApiStory & { draftSavedAt: string | null };

let writer: TestUser;
let editor: TestUser;

beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser("writer"), makeUser("editor")]);
});

const post = (path: string, body?: unknown, user: TestUser = editor) => api<Answer["body"]>("POST", path, { key: user.apiKey, body }) as Promise<Answer>;
const get = async (id: string) => (await api<StoryWithDraft>("GET", `/api/v1/stories/${id}`, { key: editor.apiKey })).body;
const actorOf = (user: TestUser) => ({ id: user.id, email: user.email, name: `Test ${user.role}`, role: user.role });

/** How many answers had each status: { 200: 1, 409: 19 }. */
function tally(answers: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of answers) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** A lib call's outcome as a status, for commands the newsroom reaches through server actions. */
const settle = (work: Promise<unknown>) =>
  work.then(
    () => ({ status: 200 }),
    (error: { code?: string; status?: number }) => ({ status: error.status ?? 500, code: error.code }),
  );

const actions = async (id: string, action: string) => (await auditEntries(id)).filter((entry) => entry.action === action);

async function liveStory(): Promise<ApiStory> {
  const story = await makeStory(editor);
  const published = await post(`/api/v1/stories/${story.id}/publish`);
  expect(published.status).toBe(200);
  return published.body;
}

/** A live story holding a draft of changes (PATCH asDraft). */
async function liveStoryWithDraft() {
  const story = await liveStory();
  const headline = unique("Draft headline");
  const saved = await api<StoryWithDraft>("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { asDraft: true, version: story.version, headline } });
  expect(saved.status).toBe(200);
  return { story: saved.body, headline };
}

describe("the same command twenty times at once on one story", () => {
  it("kills once: one 200, nineteen 409, one audit entry, one revision", async () => {
    const story = await liveStory();
    const before = await revisionVersions(story.id);
    const answers = await raceBehindLock(story.id, RACERS, () => post(`/api/v1/stories/${story.id}/kill`));
    expect(tally(answers)).toEqual({ 200: 1, 409: RACERS - 1 });
    for (const refused of answers.filter((a) => a.status === 409)) expect(refused.body.error?.message).toContain("already killed");
    expect(await actions(story.id, "story.kill")).toMatchObject([{ detail: { from: "published" } }]);
    expect(await revisionVersions(story.id)).toEqual([...before, story.version + 1]);
    expect(await get(story.id)).toMatchObject({ status: "killed", version: story.version + 1 });
  });

  it("publishes a draft once: every caller gets 200 and the same story, with one publishedAt, one audit entry and one revision", async () => {
    const story = await makeStory(editor);
    const answers = await raceBehindLock(story.id, RACERS, () => post(`/api/v1/stories/${story.id}/publish`));
    expect(tally(answers)).toEqual({ 200: RACERS });
    expect(await actions(story.id, "story.publish")).toMatchObject([{ detail: { from: "draft" } }]);
    expect(await revisionVersions(story.id)).toEqual([1, 2]);
    const stored = await get(story.id);
    expect(stored).toMatchObject({ status: "published", version: 2 });
    expect(new Set(answers.map((a) => a.body.publishedAt))).toEqual(new Set([stored.publishedAt]));
    expect(new Set(answers.map((a) => a.body.version))).toEqual(new Set([2]));
  });

  it("schedules once for one instant: all 200, one story.schedule, one revision", async () => {
    const story = await makeStory(editor);
    const at = new Date(Date.now() + 86_400_000).toISOString();
    const answers = await raceBehindLock(story.id, RACERS, () => post(`/api/v1/stories/${story.id}/publish`, { at }));
    expect(tally(answers)).toEqual({ 200: RACERS });
    expect(await actions(story.id, "story.schedule")).toMatchObject([{ detail: { from: "draft", at } }]);
    expect(await revisionVersions(story.id)).toEqual([1, 2]);
    expect(new Set(answers.map((a) => `${a.body.status} ${a.body.publishedAt} ${a.body.version}`))).toEqual(new Set([`scheduled ${at} 2`]));
  });

  it("unpublishes once: one 200, nineteen 409, one audit entry, one revision", async () => {
    const story = await liveStory();
    const answers = await raceBehindLock(story.id, RACERS, () => post(`/api/v1/stories/${story.id}/unpublish`));
    expect(tally(answers)).toEqual({ 200: 1, 409: RACERS - 1 });
    expect(await actions(story.id, "story.unpublish")).toHaveLength(1);
    expect(await revisionVersions(story.id)).toEqual([1, 2, 3]);
    expect(await get(story.id)).toMatchObject({ status: "unpublished", version: 3 });
  });

  it("submits a writer's draft once: one 200, nineteen 409, one audit entry, one revision", async () => {
    const story = await makeStory(writer);
    const answers = await raceBehindLock(story.id, RACERS, () => post(`/api/v1/stories/${story.id}/submit`, undefined, writer));
    expect(tally(answers)).toEqual({ 200: 1, 409: RACERS - 1 });
    expect(await actions(story.id, "story.submit")).toHaveLength(1);
    expect(await revisionVersions(story.id)).toEqual([1, 2]);
  });

  it("restores a revision once: one 200, nineteen 409 (stale version), one story.restore, one revision", async () => {
    const story = await makeStory(editor, { headline: unique("First words") });
    const edited = await api<ApiStory>("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: 1, headline: unique("Second words") } });
    expect(edited.status).toBe(200);
    const answers = await raceBehindLock(story.id, RACERS, () => post(`/api/v1/stories/${story.id}/revisions/1/restore`, { version: 2 }));
    expect(tally(answers)).toEqual({ 200: 1, 409: RACERS - 1 });
    expect(await actions(story.id, "story.restore")).toHaveLength(1);
    expect(await revisionVersions(story.id)).toEqual([1, 2, 3]);
    expect((await get(story.id)).headline).toBe(story.headline);
  });

  it("puts a draft of changes live once when publish is sent twenty times: all 200, one publish, the draft applied once", async () => {
    const { story, headline } = await liveStoryWithDraft();
    const before = await revisionVersions(story.id);
    const answers = await raceBehindLock(story.id, RACERS, () => post(`/api/v1/stories/${story.id}/publish`));
    expect(tally(answers)).toEqual({ 200: RACERS });
    const publishes = await actions(story.id, "story.publish");
    expect(publishes).toHaveLength(2); // the first publish, and this one
    expect(publishes[1].detail).toMatchObject({ from: "published", draftChangesApplied: story.version + 1 });
    // Applying the draft is a save (a revision), and the publish that carries it another: as for one publish alone.
    expect(await revisionVersions(story.id)).toEqual([...before, story.version + 1, story.version + 2]);
    expect(await get(story.id)).toMatchObject({ headline, version: story.version + 2, draftSavedAt: null });
    expect(new Set(answers.map((a) => a.body.version))).toEqual(new Set([story.version + 2]));
  });

  it("publishes a draft of changes once from the editor: one succeeds, nineteen 409, one story.publish_changes", async () => {
    const { story } = await liveStoryWithDraft();
    const input = { version: story.version, draftSavedAt: story.draftSavedAt };
    const answers = await raceBehindLock(story.id, RACERS, () => settle(publishDraftChanges({ actor: actorOf(editor), id: story.id, input })));
    expect(tally(answers)).toEqual({ 200: 1, 409: RACERS - 1 });
    expect(await actions(story.id, "story.publish_changes")).toHaveLength(1);
    expect((await revisionVersions(story.id)).filter((v) => v > story.version)).toEqual([story.version + 1]);
  });

  it("discards a draft of changes once: one succeeds, nineteen 409, one story.discard_changes", async () => {
    const { story } = await liveStoryWithDraft();
    const input = { version: story.version, draftSavedAt: story.draftSavedAt };
    const answers = await raceBehindLock(story.id, RACERS, () => settle(discardDraftChanges({ actor: actorOf(editor), id: story.id, input })));
    expect(tally(answers)).toEqual({ 200: 1, 409: RACERS - 1 });
    expect(await actions(story.id, "story.discard_changes")).toHaveLength(1);
    expect(await get(story.id)).toMatchObject({ version: story.version, draftSavedAt: null });
  });

  describe("a pending agency update", () => {
    const ninjs = (uri: string, version: number) =>
      JSON.stringify({ uri, version: String(version), headline: `Ministers meet, version ${version}`, located: "Brussels", pubstatus: "usable", body_html: `<p>Ministers met for round ${version}.</p>` });
    const sendWire = (body: string) =>
      api<ApiStory & { ingest: { outcome: string; wireItemId: string } }>("POST", "/api/v1/wire", { key: editor.apiKey, rawBody: body, headers: { "Content-Type": "application/json" } });

    async function pendingUpdate() {
      const uri = `urn:test:race:${Date.now()}:${Math.random().toString(36).slice(2)}`;
      const first = await sendWire(ninjs(uri, 1));
      expect(first.status).toBe(201);
      expect((await post(`/api/v1/stories/${first.body.id}/publish`)).status).toBe(200);
      const second = await sendWire(ninjs(uri, 2));
      expect(second.body.ingest.outcome).toBe("pending");
      return { storyId: first.body.id, wireItemId: second.body.ingest.wireItemId };
    }

    it("is applied once: one succeeds, nineteen 409, one new revision", async () => {
      const { storyId, wireItemId } = await pendingUpdate();
      const before = await revisionVersions(storyId);
      const answers = await raceBehindLock(storyId, RACERS, () => settle(resolvePendingUpdate({ actor: actorOf(editor), wireItemId, apply: true })));
      expect(tally(answers)).toEqual({ 200: 1, 409: RACERS - 1 });
      expect(await revisionVersions(storyId)).toEqual([...before, before.at(-1)! + 1]);
      expect((await get(storyId)).body).toContain("round 2");
    });

    it("is set aside once, and an apply racing the set-asides cannot also win", async () => {
      const { storyId, wireItemId } = await pendingUpdate();
      const before = await revisionVersions(storyId);
      const answers = await raceBehindLock(storyId, RACERS, (i) => settle(resolvePendingUpdate({ actor: actorOf(editor), wireItemId, apply: i === RACERS - 1 })));
      expect(tally(answers)).toEqual({ 200: 1, 409: RACERS - 1 });
      const [state] = await queryRows<{ state: string }>(`SELECT "state"::text FROM "WireItem" WHERE "id" = $1`, [wireItemId]);
      const appliedWon = answers[RACERS - 1].status === 200;
      expect(state.state).toBe(appliedWon ? "applied" : "superseded");
      expect(await revisionVersions(storyId)).toEqual(appliedWon ? [...before, before.at(-1)! + 1] : before);
    });
  });

  it("adds twenty different corrections at once as twenty versions in a row, each with its revision and audit entry", async () => {
    const story = await liveStory();
    const answers = await raceBehindLock(story.id, RACERS, (i) => post(`/api/v1/stories/${story.id}/corrections`, { kind: "correction", note: `Correction ${i}` }));
    expect(tally(answers)).toEqual({ 201: RACERS });
    expect(await actions(story.id, "story.correct")).toHaveLength(RACERS);
    expect(await revisionVersions(story.id)).toEqual(Array.from({ length: story.version + RACERS }, (_, i) => i + 1));
    expect((await get(story.id)).version).toBe(story.version + RACERS);
  });

  it("never adds a correction to a story a kill racing it has closed", async () => {
    const story = await liveStory();
    // The kill is sent first, so it is first in the queue for the lock; the corrections follow it.
    const answers = await raceBehindLock(story.id, RACERS, (i) =>
      i === 0 ? post(`/api/v1/stories/${story.id}/kill`) : post(`/api/v1/stories/${story.id}/corrections`, { kind: "update", note: `Update ${i}` }),
    );
    expect(answers[0].status).toBe(200);
    const added = answers.slice(1).filter((a) => a.status === 201).length;
    // Each correction came before the kill (201) or found the story killed (409).
    expect(answers.slice(1).filter((a) => a.status !== 201 && a.status !== 409)).toEqual([]);
    // Whatever the order, the kill's revision is the last one: nothing changed the story after it.
    const revisions = await queryRows<{ version: number; status: string }>(`SELECT "version", "snapshot"->>'status' AS "status" FROM "StoryRevision" WHERE "storyId" = $1 ORDER BY "version"`, [story.id]);
    expect(revisions.at(-1)).toMatchObject({ status: "killed" });
    expect(revisions.filter((r) => r.status === "killed")).toHaveLength(1);
    const [{ count }] = await queryRows<{ count: number }>(`SELECT count(*)::int AS count FROM "StoryCorrection" WHERE "storyId" = $1`, [story.id]);
    expect(count).toBe(added);
  });

  it("publishes a scheduled story that has come due once, whether editors or the scheduler get there first", async () => {
    const story = await makeStory(editor);
    expect((await post(`/api/v1/stories/${story.id}/publish`, { at: new Date(Date.now() + 86_400_000).toISOString() })).status).toBe(200);
    // Brought due in the database, as time passing would.
    await queryRows(
      `UPDATE "Story" SET "scheduledAt" = (now() AT TIME ZONE 'UTC') - interval '1 minute', "publishedAt" = (now() AT TIME ZONE 'UTC') - interval '1 minute',
         "firstPublishedAt" = (now() AT TIME ZONE 'UTC') - interval '1 minute' WHERE "id" = $1`,
      [story.id],
    );
    const answers = await raceBehindLock(story.id, RACERS, (i) => (i % 5 === 0 ? publishDueStories().then(() => ({ status: 200 })) : post(`/api/v1/stories/${story.id}/publish`)));
    await publishDueStories();
    expect(tally(answers)).toEqual({ 200: RACERS });
    expect(await actions(story.id, "story.publish")).toMatchObject([{ detail: { from: "scheduled" } }]);
    expect(await get(story.id)).toMatchObject({ status: "published" });
  });
});
