import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, getPage, makeUser, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { cli } from "@/e2e/fixtures/cli";
import { expectedItems, readSample, sampleItemsFolder } from "@/e2e/fixtures/wire-samples";

type IngestedStory = ApiStory & { agency: string | null; embargoUntil: string | null; credits: string | null; ingest: { outcome: string; wireItemId: string | null } };

const { db } = await import("@/lib/db");

let writer: TestUser;
let editor: TestUser;
const samples = expectedItems();

/** Deletes the stories made from the samples, so each part of this file (and the browser tests) starts clean. */
async function forgetSamples() {
  const hashes = await db.wireItem.findMany({ where: { raw: { in: samples.map((s) => readSample(s.file)) } }, select: { storyId: true } });
  await db.story.deleteMany({ where: { id: { in: hashes.flatMap((h) => (h.storyId ? [h.storyId] : [])) } } });
}

const post = (file: string, key: string, receivedAt?: string) =>
  api<IngestedStory>("POST", `/api/v1/wire${receivedAt ? `?receivedAt=${receivedAt}` : ""}`, {
    key,
    rawBody: readSample(file),
    headers: { "Content-Type": file.endsWith(".json") ? "application/json" : "text/plain; charset=utf-8" },
  });

beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser("writer"), makeUser("editor")]);
  await forgetSamples();
});

afterAll(async () => {
  await forgetSamples();
  await db.$disconnect();
});

describe("ingesting the sample folder", () => {
  it("through the CLI: every item becomes a draft; a second run creates nothing", async () => {
    const folder = sampleItemsFolder();
    const first = await cli("wire", "ingest", folder);
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain(`created ${samples.length}, updated 0, pending 0, withdrawn 0, duplicate 0, failed 0`);
    expect(first.code).toBe(0);
    const second = await cli("wire", "ingest", folder);
    expect(second.stdout).toContain(`created 0, updated 0, pending 0, withdrawn 0, duplicate ${samples.length}, failed 0`);
    await forgetSamples();
  });

  it("through the API: 201 with each draft and its dateline, agency, embargo and credits; then 200 duplicates", async () => {
    for (const sample of samples) {
      const response = await post(sample.file, writer.apiKey, sample.receivedAt);
      expect(response.status, sample.file).toBe(201);
      const story = response.body;
      expect(story.status).toBe("draft");
      expect(story.ingest.outcome).toBe("created");
      if (sample.agency) expect(story.agency).toBe(sample.agency);
      if (sample.location) expect(story.dateline.location).toBe(sample.location);
      if (sample.date !== undefined) expect(story.dateline.date).toBe(sample.date);
      if (sample.embargoUntil) expect(story.embargoUntil).toBe(new Date(sample.embargoUntil).toISOString());
      if (sample.credits) expect(story.credits).toBe(sample.credits);
      if (sample.headline) expect(story.headline).toBe(sample.headline);
      for (const junk of sample.mustNotContain ?? []) expect(story.body).not.toContain(junk);
      expect(story.body.match(/<p>/g)?.length).toBe(sample.paragraphs);
    }
    for (const sample of samples) {
      const again = await post(sample.file, writer.apiKey, sample.receivedAt);
      expect(again.status, sample.file).toBe(200);
      expect(again.body.ingest.outcome).toBe("duplicate");
    }
    // The CLI finds them all already there too.
    const cliAgain = await cli("wire", "ingest", sampleItemsFolder());
    expect(cliAgain.stdout).toContain(`created 0, updated 0, pending 0, withdrawn 0, duplicate ${samples.length}, failed 0`);
  });

  it("keeps the original copy with the story", async () => {
    const story = await db.story.findFirstOrThrow({ where: { wireItems: { some: { raw: readSample("ani-moscow-2023-12-27.txt") } } }, select: { wireItems: { select: { raw: true } } } });
    expect(story.wireItems[0].raw).toContain("POST COMMENTS (0)");
  });
});

describe("NINJS versions", () => {
  const ninjs = (uri: string, version: number, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      uri, version: String(version), headline: `Ministers meet, version ${version}`, located: "Brussels", pubstatus: "usable",
      body_html: `<p>BRUSSELS, March 3 - Ministers met for round ${version}.</p><p>Talks go on.</p>`, ...extra,
    });
  const send = (body: string, key = editor.apiKey) => api<IngestedStory>("POST", "/api/v1/wire", { key, rawBody: body, headers: { "Content-Type": "application/json" } });
  const uri = () => `urn:test:${Date.now()}:${Math.random().toString(36).slice(2)}`;

  it("updates the draft with a newer version, and refuses an older one with 409", async () => {
    const id = uri();
    const v1 = await send(ninjs(id, 1));
    expect(v1.status).toBe(201);
    const v2 = await send(ninjs(id, 2));
    expect(v2.status).toBe(200);
    expect(v2.body.ingest.outcome).toBe("updated");
    expect(v2.body.id).toBe(v1.body.id);
    expect(v2.body.headline).toBe("Ministers meet, version 2");
    expect(v2.body.body).toContain("round 2");
    expect(v2.body.body).not.toContain("BRUSSELS");
    const old = await send(ninjs(id, 1, { headline: "A different old copy" }));
    expect(old.status).toBe(409);
    const stored = await api<ApiStory>("GET", `/api/v1/stories/${v1.body.id}`, { key: editor.apiKey });
    expect(stored.body.headline).toBe("Ministers meet, version 2");
  });

  it("holds a newer version of a live story as a pending update instead of changing the page", async () => {
    const id = uri();
    const v1 = await send(ninjs(id, 1));
    await api("POST", `/api/v1/stories/${v1.body.id}/publish`, { key: editor.apiKey });
    const v2 = await send(ninjs(id, 2));
    expect(v2.status).toBe(200);
    expect(v2.body.ingest.outcome).toBe("pending");
    expect(v2.body.body).toContain("round 1");
    const page = await getPage(`/stories/${v1.body.slug}`);
    expect(page.text).toContain("round 1");
    expect(page.text).not.toContain("round 2");
  });

  it("lets an editor apply a pending update to the live page, or keep the live copy", async () => {
    const { resolvePendingUpdate } = await import("@/lib/wire-ingest/resolve-pending-update");
    const actor = { id: editor.id, email: editor.email, name: "Test editor", role: "editor" as const };
    const id = uri();
    const v1 = await send(ninjs(id, 1));
    await api("POST", `/api/v1/stories/${v1.body.id}/publish`, { key: editor.apiKey });
    const v2 = await send(ninjs(id, 2));
    const v3 = await send(ninjs(id, 3));
    expect(v3.body.ingest.outcome).toBe("pending");

    const applied = await resolvePendingUpdate({ actor, wireItemId: v3.body.ingest.wireItemId!, apply: true });
    expect(applied?.body).toContain("round 3");
    expect(applied?.status).toBe("published");
    const states = await db.wireItem.findMany({ where: { guid: id }, orderBy: { version: "asc" }, select: { version: true, state: true } });
    expect(states).toEqual([{ version: 1, state: "applied" }, { version: 2, state: "superseded" }, { version: 3, state: "applied" }]);
    // Dealt with once: the superseded v2 cannot be applied over v3.
    await expect(resolvePendingUpdate({ actor, wireItemId: v2.body.ingest.wireItemId!, apply: true })).rejects.toMatchObject({ code: "conflict" });

    const v4 = await send(ninjs(id, 4));
    expect(await resolvePendingUpdate({ actor, wireItemId: v4.body.ingest.wireItemId!, apply: false })).toBeNull();
    const live = await api<ApiStory>("GET", `/api/v1/stories/${v1.body.id}`, { key: editor.apiKey });
    expect(live.body.body).toContain("round 3");
    const writerActor = { id: writer.id, email: writer.email, name: "Test writer", role: "writer" as const };
    const v5 = await send(ninjs(id, 5));
    await expect(resolvePendingUpdate({ actor: writerActor, wireItemId: v5.body.ingest.wireItemId!, apply: true })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("withdraws (kills) a story when the agency cancels the item", async () => {
    const id = uri();
    const v1 = await send(ninjs(id, 1));
    await api("POST", `/api/v1/stories/${v1.body.id}/publish`, { key: editor.apiKey });
    const canceled = await send(ninjs(id, 2, { pubstatus: "canceled" }));
    expect(canceled.status).toBe(200);
    expect(canceled.body.ingest.outcome).toBe("withdrawn");
    expect(canceled.body.status).toBe("killed");
    expect((await getPage(`/stories/${v1.body.slug}`)).status).not.toBe(200);
  });

  it("takes the page down at once when the withdrawal comes through the CLI, another process", async () => {
    const id = uri();
    // The Wire desk delivers the item (its versions are then the command line's to send).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-cancel-"));
    fs.writeFileSync(path.join(dir, "v1.json"), ninjs(id, 1));
    expect((await cli("wire", "ingest", dir)).stdout).toContain("created 1");
    fs.rmSync(path.join(dir, "v1.json"));
    const v1 = await db.story.findUniqueOrThrow({ where: { wireGuid: id }, select: { id: true, slug: true } });
    await api("POST", `/api/v1/stories/${v1.id}/publish`, { key: editor.apiKey });
    // Cached first, so the test sees the cached page dropped rather than a first render.
    expect((await getPage(`/stories/${v1.slug}`)).status).toBe(200);
    fs.writeFileSync(path.join(dir, "cancel.json"), ninjs(id, 2, { pubstatus: "canceled" }));
    const run = await cli("wire", "ingest", dir);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.stdout).toContain("withdrawn 1");
    expect((await getPage(`/stories/${v1.slug}`)).status).toBe(410);
  });

  it("does not count a refused withdrawal as held: sent again by an editor, it works", async () => {
    const id = uri();
    const v1 = await send(ninjs(id, 1));
    await api("POST", `/api/v1/stories/${v1.body.id}/publish`, { key: editor.apiKey });
    const byWriter = await send(ninjs(id, 2, { pubstatus: "canceled" }), writer.apiKey);
    expect(byWriter.status).toBe(403);
    const byEditor = await send(ninjs(id, 2, { pubstatus: "canceled" }));
    expect(byEditor.status).toBe(200);
    expect(byEditor.body.ingest.outcome).toBe("withdrawn");
  });

  it("keeps a draft's embargo when a newer version leaves the embargo out", async () => {
    const id = uri();
    const embargoed = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    await send(ninjs(id, 1, { embargoed }));
    const v2 = await send(ninjs(id, 2));
    expect(v2.body.ingest.outcome).toBe("updated");
    expect(v2.body.embargoUntil).toBe(new Date(embargoed).toISOString());
  });

  it("shortens over-long agency metadata instead of refusing the item", async () => {
    const long = await send(ninjs(uri(), 1, { headline: "Word ".repeat(100), located: "Place ".repeat(30), subject: Array.from({ length: 40 }, (_, i) => ({ name: `Subject ${i}` })) }));
    expect(long.status).toBe(201);
    expect(long.body.headline.length).toBeLessThanOrEqual(300);
    expect(long.body.dateline.location!.length).toBeLessThanOrEqual(80);
    expect(long.body.tags.length).toBeLessThanOrEqual(30);
  });

  it("refuses unusable agency ids and versions, and declared JSON that is not JSON, with 422", async () => {
    expect((await send(ninjs(uri(), 3_000_000_000))).status).toBe(422);
    expect((await send(ninjs(`urn:${"x".repeat(2000)}`, 1))).status).toBe(422);
    const notJson = await send("LONDON, March 3 (Reuters) - Declared as JSON, written as text.");
    expect(notJson.status).toBe(422);
    expect(notJson.body as unknown as { error: { message: string } }).toMatchObject({ error: { message: expect.stringContaining("not valid JSON") } });
  });

  it("carries an embargo to the story, which cannot go live before it", async () => {
    const embargoed = new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const story = await send(ninjs(uri(), 1, { embargoed }));
    expect(story.body.embargoUntil).toBe(new Date(embargoed).toISOString());
    const published = await api<ApiStory>("POST", `/api/v1/stories/${story.body.id}/publish`, { key: editor.apiKey });
    expect(published.body.status).toBe("scheduled");
    expect((await getPage(`/stories/${story.body.slug}`)).status).toBe(404);
  });
});

describe("bad input", () => {
  it("answers empty, binary, oversized and malformed items with 422 and stores nothing", async () => {
    const before = await db.wireItem.count();
    const cases: [string, string | Uint8Array, string][] = [
      ["empty", "   \n ", "text/plain"],
      ["binary", new Uint8Array([0, 159, 146, 150, 0, 1, 2, 3, 0, 0]), "application/octet-stream"],
      ["invalid JSON", '{"uri": "x", "headline": ', "application/json"],
      ["over 1 MB", "LONDON, March 3 (Reuters) - " + "word ".repeat(220_000), "text/plain"],
    ];
    for (const [label, body, type] of cases) {
      const response = await fetch(`${process.env.DATELINE_TEST_URL}/api/v1/wire`, {
        method: "POST",
        headers: { Authorization: `Bearer ${writer.apiKey}`, "Content-Type": type },
        body: typeof body === "string" ? body : Buffer.from(body),
      });
      const json = (await response.json()) as { error: { code: string; message: string; fields: Record<string, string[]> } };
      expect(response.status, label).toBe(422);
      expect(json.error.fields.body[0].length, label).toBeGreaterThan(5);
    }
    const badTime = await api<{ error: { fields: Record<string, string[]> } }>("POST", "/api/v1/wire?receivedAt=yesterday", { key: writer.apiKey, rawBody: "LONDON (Reuters) - Text." });
    expect(badTime.status).toBe(422);
    expect(Object.keys(badTime.body.error.fields)).toEqual(["receivedAt"]);
    expect(await db.wireItem.count()).toBe(before);
  });

  it("needs an API key", async () => {
    expect((await api("POST", "/api/v1/wire", { rawBody: "LONDON (Reuters) - Text." })).status).toBe(401);
  });

  it("tells the CLI user, in one line, why a file failed, and goes on with the rest", async () => {
    const folder = sampleItemsFolder();
    fs.writeFileSync(`${folder}/broken.json`, "{ nope");
    fs.writeFileSync(`${folder}/empty.txt`, "");
    const result = await cli("wire", "ingest", folder);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/failed 2, skipped 0$/m);
    expect(result.stdout).toMatch(/^failed: .*broken\.json: the item is not valid JSON/m);
    expect(result.stdout).toMatch(/^failed: .*empty\.txt: the item is empty/m);
    const parse = await cli("wire", "parse", `${folder}/broken.json`);
    expect(parse.code).toBe(1);
    expect(parse.stderr.trim().split("\n")).toHaveLength(1);
    expect(parse.stderr).toMatch(/^error: the item is not valid JSON/);
  });
});
