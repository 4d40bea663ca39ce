import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, getPage, makeUser, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { cli } from "@/e2e/fixtures/cli";

// Takes of plain agency copy (ANPA 1312 here, as agencies send them) matched to their story by
// slug line: an add goes on the end, a new lead replaces the copy, a kill withdraws the story, a
// live story is never changed without an editor, and only the story's first sender may send them.

type Ingested = ApiStory & { agency: string | null; ingest: { outcome: string; wireItemId: string | null } };

const { db } = await import("@/lib/db");
const { resolvePendingUpdate } = await import("@/lib/wire-ingest/resolve-pending-update");

const run = Date.now().toString(36).toUpperCase();
/** A corpus item with its slug line made this run's own, so no other test's copy is its story. */
const take = (file: string, slug: string) => fs.readFileSync(path.resolve("lib/wire/corpus/anpa", file), "latin1").replaceAll(slug, `${slug}-${run}`);

let editor: TestUser;
let writer: TestUser;
const send = (copy: string, receivedAt: string, key = editor.apiKey) =>
  api<Ingested>("POST", `/api/v1/wire?receivedAt=${receivedAt}`, { key, rawBody: Buffer.from(copy, "latin1") as unknown as string, headers: { "Content-Type": "text/plain" } });
const paragraphs = (html: string) => html.match(/<p>/g)?.length ?? 0;

beforeAll(async () => {
  [editor, writer] = await Promise.all([makeUser("editor"), makeUser("writer")]);
});

afterAll(async () => {
  await db.story.deleteMany({ where: { wireItems: { some: { slugKey: { contains: run } } } } });
  await db.$disconnect();
});

describe("takes of agency copy", () => {
  it("appends an add to its draft, and keeps the slug, priority and take on the wire items", async () => {
    const story = await send(take("reuters-cocoa-routine.anpa", "BC-BRAZIL-COCOA-HARVEST"), "2026-02-26T18:20:00Z");
    expect(story.status, JSON.stringify(story.body)).toBe(201);
    expect(story.body.headline).toBe("BRAZIL COCOA HARVEST SEEN LATE AFTER DRY JANUARY");
    const before = paragraphs(story.body.body);
    const add = await send(take("reuters-cocoa-first-add.anpa", "BC-BRAZIL-COCOA-HARVEST"), "2026-02-26T18:41:00Z");
    expect(add.status, JSON.stringify(add.body)).toBe(200);
    expect(add.body.ingest.outcome).toBe("updated");
    expect(add.body.id).toBe(story.body.id);
    // The add's paragraphs go after the story's; its proposed headline never replaces the agency's.
    expect(add.body.headline).toBe("BRAZIL COCOA HARVEST SEEN LATE AFTER DRY JANUARY");
    expect(add.body.body.startsWith(story.body.body)).toBe(true);
    expect(paragraphs(add.body.body)).toBe(before + 2);
    expect(add.body.body).toMatch(/2\.4 mln bags last season\.<\/p>$/);
    const items = await db.wireItem.findMany({ where: { storyId: story.body.id }, orderBy: { receivedAt: "asc" }, select: { priority: true, category: true, slugKey: true, takeKind: true, state: true } });
    expect(items).toEqual([
      { priority: "routine", category: "f", slugKey: `BC-BRAZIL-COCOA-HARVEST-${run}`, takeKind: null, state: "applied" },
      { priority: "routine", category: "f", slugKey: `BC-BRAZIL-COCOA-HARVEST-${run}`, takeKind: "add", state: "applied" },
    ]);
  });

  it("holds a new lead of a live story for an editor, who applies it over the live copy", async () => {
    const story = await send(take("reuters-rate-urgent.anpa", "BC-NORDLAND-CENBANK-RATE"), "2026-03-04T09:05:00Z");
    expect(story.status).toBe(201);
    const live = await api<ApiStory>("POST", `/api/v1/stories/${story.body.id}/publish`, { key: editor.apiKey });
    expect(live.status).toBe(200);
    const lead = await send(take("reuters-rate-first-lead.anpa", "BC-NORDLAND-CENBANK-RATE"), "2026-03-04T09:40:00Z");
    expect(lead.body.ingest.outcome).toBe("pending");
    expect((await getPage(`/stories/${live.body.slug}`)).text).not.toContain("Governor Ingrid Falk");

    const actor = { id: editor.id, email: editor.email, name: "Test editor", role: "editor" as const };
    const applied = await resolvePendingUpdate({ actor, wireItemId: lead.body.ingest.wireItemId!, apply: true });
    expect(applied?.status).toBe("published");
    expect(applied?.headline).toBe("NORDLAND RAISES RATE, SIGNALS ONE MORE HIKE THIS YEAR");
    // The change was made in this process: the fronts hear of it over Postgres NOTIFY, a moment later.
    await expect.poll(async () => (await getPage(`/stories/${applied!.slug}`)).text, { timeout: 10_000 }).toContain("Governor Ingrid Falk");
    const page = await getPage(`/stories/${applied!.slug}`);
    expect(page.text).toContain("Governor Ingrid Falk");
    expect(page.text).not.toContain("Adds governor&#39;s comments");
  });

  it("withdraws a live story when the agency kills it, and refuses a kill of a slug no story holds", async () => {
    const story = await send(take("ap-quake-bulletin.anpa", "BC-Chile-Earthquake"), "2026-03-05T14:15:00Z");
    expect(story.status).toBe(201);
    const live = await api<ApiStory>("POST", `/api/v1/stories/${story.body.id}/publish`, { key: editor.apiKey });
    expect((await getPage(`/stories/${live.body.slug}`)).status).toBe(200);
    const kill = await send(take("ap-quake-kill.anpa", "BC-Chile-Earthquake"), "2026-03-05T14:32:00Z");
    expect(kill.status, JSON.stringify(kill.body)).toBe(200);
    expect(kill.body.ingest.outcome).toBe("withdrawn");
    expect(kill.body.status).toBe("killed");
    expect((await getPage(`/stories/${live.body.slug}`)).status).not.toBe(200);

    const nothing = await send(take("ap-quake-kill.anpa", "BC-Chile-Earthquake").replaceAll(`BC-Chile-Earthquake-${run}`, `BC-Chile-Nothing-${run}`), "2026-03-05T14:40:00Z");
    expect(nothing.status).toBe(422);
    expect(await db.wireItem.count({ where: { slugKey: `BC-CHILE-NOTHING-${run}` } })).toBe(0);
  });

  it("makes a draft of a take whose story is not held, through the API and the CLI", async () => {
    const orphan = take("reuters-cocoa-first-add.anpa", "BC-BRAZIL-COCOA-HARVEST").replaceAll(`HARVEST-${run}`, `HARVEST-${run}-ORPHAN`);
    const made = await send(orphan, "2026-03-01T08:00:00Z");
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.ingest.outcome).toBe("created");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-takes-"));
    fs.writeFileSync(path.join(dir, "add.anpa"), Buffer.from(orphan.replaceAll("-ORPHAN", "-ORPHAN2"), "latin1"));
    fs.writeFileSync(path.join(dir, "story.anpa"), Buffer.from(take("reuters-rate-urgent.anpa", "BC-NORDLAND-CENBANK-RATE").replaceAll(`RATE-${run}`, `RATE-${run}-CLI`), "latin1"));
    const result = await cli("wire", "ingest", dir, "--received-at", "2026-03-04T09:05:00Z");
    expect(result.stdout, result.stderr).toContain("created 2, updated 0, pending 0, withdrawn 0, duplicate 0, failed 0");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a take from anyone but the story's first sender, and stores nothing", async () => {
    const story = await send(take("reuters-cocoa-routine.anpa", "BC-BRAZIL-COCOA-HARVEST").replaceAll(`HARVEST-${run}`, `HARVEST-${run}-B`), "2026-02-27T08:00:00Z");
    expect(story.status).toBe(201);
    const stranger = await send(take("reuters-cocoa-first-add.anpa", "BC-BRAZIL-COCOA-HARVEST").replaceAll(`HARVEST-${run}`, `HARVEST-${run}-B`), "2026-02-27T08:20:00Z", writer.apiKey);
    expect(stranger.status).toBe(403);
    expect(JSON.stringify(stranger.body)).toContain("was first delivered by");
    const stored = await api<ApiStory>("GET", `/api/v1/stories/${story.body.id}`, { key: editor.apiKey });
    expect(stored.body.body).toBe(story.body.body);
  });
});
