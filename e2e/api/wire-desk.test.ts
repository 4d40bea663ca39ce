import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api, makeUser, type TestUser } from "@/e2e/fixtures/factories";

// The wire desk's queue through the API: what an editor working it would notice. Copy arrives as
// an ingest source brings it (e2e/fixtures/wire-queue.ts calls the same ingest).

const { dispatch, queueWireBatch, queueWireItem } = await import("@/e2e/fixtures/wire-queue");
const { db } = await import("@/lib/db");

type Row = {
  id: string;
  headline: string | null;
  agency: string | null;
  priority: string | null;
  state: string;
  storyId: string | null;
  clusterId: string;
  takenBy: { name: string } | null;
  withdrawn: boolean;
  pendingUpdate: boolean;
  cluster: { items: number; agencies: string[]; threads: number };
};
type Detail = Row & { raw: string; members: Row[]; update: { diff: { text: string; change: string | null }[]; pending: boolean } | null };

let editor: TestUser;
let other: TestUser;

const queue = async (query = "") => (await api<{ items: Row[]; nextCursor: string | null }>("GET", `/api/v1/wire/items${query}`, { key: editor.apiKey })).body;
const words = () => Array.from({ length: 30 }, () => `w${randomBytes(3).toString("hex")}`).join(" ");
const ninjs = (uri: string, version: number, headline: string, body: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ uri, version, headline, type: "text", versioncreated: "2026-12-02T10:00:00Z", body_text: `New Delhi, Dec 2 (PTI): ${body}`, ...extra });

beforeAll(async () => {
  [editor, other] = await Promise.all([makeUser("editor"), makeUser("editor")]);
});

describe("the wire desk's queue", () => {
  it("shows the same event filed by several agencies as one cluster, and an item's versions stacked in it", async () => {
    const tag = randomBytes(3).toString("hex");
    const body = `The ${tag} committee met on Wednesday and agreed to lower the tariff on imported solar panels, turbines and lithium cells from next April, the ministry said in a statement issued after the meeting in the capital.`;
    const ani = await queueWireItem(dispatch({ agency: "ANI", headline: `ANI ${tag}: tariff cut`, words: body }));
    // The same dispatch as another agency files it: reworded a little.
    const pti = await queueWireItem(dispatch({ agency: "PTI", headline: `PTI ${tag}: tariff lowered`, words: body.replace("agreed to lower", "decided to cut").replace("issued after", "released after") }));
    const unrelated = await queueWireItem(dispatch({ agency: "IANS", headline: `IANS ${tag}: cricket`, words: words() }));
    const rows = (await queue("?limit=100")).items.filter((row) => row.headline?.includes(tag));
    // One row for the two agencies' copy (the newest), one for the other story.
    expect(rows.map((row) => row.id)).toEqual([unrelated, pti]);
    expect(rows[1].cluster).toMatchObject({ items: 2, threads: 2 });
    expect(rows[1].cluster.agencies.sort()).toEqual(["ANI", "PTI"]);
    const detail = (await api<Detail>("GET", `/api/v1/wire/items/${pti}`, { key: editor.apiKey })).body;
    expect(detail.members.map((member) => member.id)).toEqual([pti, ani]);

    // Versions of one agency item stack: the queue shows the newest, its cluster counts one thread.
    const uri = `urn:pti:${tag}`;
    await queueWireItem(ninjs(uri, 1, `Version ${tag} one`, words()));
    const v2 = await queueWireItem(ninjs(uri, 2, `Version ${tag} two`, words()));
    const versions = (await queue(`?q=${tag}`)).items.filter((row) => row.headline?.startsWith(`Version ${tag}`));
    expect(versions.map((row) => [row.id, row.cluster.items, row.cluster.threads])).toEqual([[v2, 2, 1]]);
    // An older version than the one held is refused, as from the API.
    await expect(queueWireItem(ninjs(uri, 1, `Version ${tag} one again`, words()))).rejects.toThrow(/older than version 2/);
  });

  it("groups two agencies' copy of an event that arrive in one poll, and sorts out a batch's repeats and versions", async () => {
    const tag = randomBytes(3).toString("hex");
    const body = `The ${tag} port authority said on Tuesday that cargo traffic through the eastern terminals rose for a third month running, helped by steel, cement and fertiliser shipments bound for inland markets.`;
    const uri = `urn:pti:batch-${tag}`;
    const [ani, pti, unrelated, again, v1, v2] = await queueWireBatch([
      dispatch({ agency: "ANI", headline: `ANI ${tag}: cargo up`, words: body }),
      dispatch({ agency: "PTI", headline: `PTI ${tag}: cargo rises`, words: body.replace("rose for a third month running", "grew for the third month in a row") }),
      dispatch({ agency: "IANS", headline: `IANS ${tag}: opera`, words: words() }),
      dispatch({ agency: "ANI", headline: `ANI ${tag}: cargo up`, words: body }),
      ninjs(uri, 1, `Batch ${tag} version one`, words()),
      ninjs(uri, 2, `Batch ${tag} version two`, words()),
    ]);
    expect([ani, pti, unrelated, v1, v2].map((result) => result.ok && result.outcome)).toEqual(["queued", "queued", "queued", "queued", "queued"]);
    // The same copy twice in one poll is one item.
    expect(again).toMatchObject({ ok: true, outcome: "duplicate" });
    const rows = (await queue(`?q=${tag}&limit=100`)).items;
    const id = (result: typeof ani) => (result.ok ? result.wireItemId : null);
    const cargo = rows.find((row) => row.id === id(pti));
    expect(cargo?.cluster).toMatchObject({ items: 2, threads: 2 });
    expect(rows.map((row) => row.id).sort()).toEqual([id(pti), id(unrelated), id(v2)].sort());
    expect(rows.find((row) => row.id === id(v2))?.cluster).toMatchObject({ items: 2, threads: 1 });
  });

  it("filters by agency, priority and words, keeps them in the cursor's pages, and refuses a bad filter with its field", async () => {
    const tag = randomBytes(3).toString("hex");
    for (let i = 0; i < 3; i++) await queueWireItem(dispatch({ agency: "AFP", headline: `Filter ${tag} afp ${i}`, words: words() }));
    await queueWireItem(dispatch({ agency: "AP", headline: `Filter ${tag} ap`, words: words() }));
    const first = await queue(`?agency=afp&q=${tag}&limit=2`);
    expect(first.items.map((row) => row.headline)).toEqual([`Filter ${tag} afp 2`, `Filter ${tag} afp 1`]);
    const next = await queue(`?agency=afp&q=${tag}&limit=2&cursor=${first.nextCursor}`);
    expect(next.items.map((row) => row.headline)).toEqual([`Filter ${tag} afp 0`]);
    expect(next.nextCursor).toBeNull();
    const bad = await api<{ error: { fields: Record<string, string[]> } }>("GET", "/api/v1/wire/items?priority=loud&limit=1000", { key: editor.apiKey });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["limit", "priority"]);
    const nul = await api("GET", `/api/v1/wire/items?q=${encodeURIComponent("a\u0000b")}`, { key: editor.apiKey });
    expect(nul.status).toBe(422);
  });
});

describe("taking an item", () => {
  it("is exclusive: of two editors taking the same item at once, one gets the draft and the other is told who took it", async () => {
    const tag = randomBytes(3).toString("hex");
    const id = await queueWireItem(dispatch({ headline: `Take ${tag}`, words: words() }));
    const answers = await Promise.all([editor, other].map((who) => api<{ id: string; headline: string; status: string; error?: { message: string } }>("POST", `/api/v1/wire/items/${id}/take`, { key: who.apiKey })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const won = answers.find((answer) => answer.status === 201)!;
    const lost = answers.find((answer) => answer.status === 409)!;
    expect(won.body).toMatchObject({ headline: `Take ${tag}`, status: "draft" });
    const winner = (await db.user.findUniqueOrThrow({ where: { id: (answers[0].status === 201 ? editor : other).id } })).name;
    expect(lost.body.error!.message).toMatch(new RegExp(`^${winner} took this item at \\d+ \\w+ \\d{4}, \\d\\d:\\d\\d UTC into the story “Take ${tag}”$`));
    expect(await db.story.count({ where: { headline: `Take ${tag}` } })).toBe(1);
    const [row] = (await queue(`?q=${tag}`)).items;
    expect(row).toMatchObject({ state: "taken", storyId: won.body.id, takenBy: { name: winner } });
  });

  it("sends a later version of a taken item to its story, and the desk shows what changed", async () => {
    const tag = randomBytes(3).toString("hex");
    const uri = `urn:pti:update-${tag}`;
    const first = await queueWireItem(ninjs(uri, 1, `Update ${tag}`, `The ${tag} council approved the plan by nine votes to four on Wednesday evening after a long debate about the harbour.`));
    const taken = await api<{ id: string; version: number }>("POST", `/api/v1/wire/items/${first}/take`, { key: editor.apiKey });
    expect(taken.status).toBe(201);
    await api("POST", `/api/v1/stories/${taken.body.id}/publish`, { key: editor.apiKey });
    const second = await queueWireItem(ninjs(uri, 2, `Update ${tag}`, `The ${tag} council approved the plan by ten votes to three on Wednesday evening after a long debate about the harbour.`));
    const detail = (await api<Detail>("GET", `/api/v1/wire/items/${second}`, { key: editor.apiKey })).body;
    // The live story is not changed silently: the update waits, with the words that changed.
    expect(detail).toMatchObject({ storyId: taken.body.id, pendingUpdate: true, clusterId: (await api<Detail>("GET", `/api/v1/wire/items/${first}`, { key: editor.apiKey })).body.clusterId });
    expect(detail.update!.pending).toBe(true);
    expect(detail.update!.diff.filter((part) => part.change).map((part) => `${part.change}:${part.text.trim()}`)).toEqual(expect.arrayContaining(["removed:nine", "added:ten", "removed:four", "added:three"]));
  });

  it("dismisses the whole cluster, and restores it", async () => {
    const tag = randomBytes(3).toString("hex");
    const id = await queueWireItem(dispatch({ headline: `Dismiss ${tag}`, words: words() }));
    expect((await api<{ changed: number }>("POST", `/api/v1/wire/items/${id}/dismiss`, { key: editor.apiKey })).body.changed).toBe(1);
    expect((await queue(`?q=${tag}`)).items).toEqual([]);
    expect((await queue(`?q=${tag}&state=dismissed`)).items.map((row) => row.id)).toEqual([id]);
    await api("POST", `/api/v1/wire/items/${id}/restore`, { key: editor.apiKey });
    expect((await queue(`?q=${tag}`)).items.map((row) => [row.id, row.state])).toEqual([[id, "seen"]]);
  });

  it("answers 404 for an id that is not an item, and takes a withdrawn item into no story", async () => {
    expect((await api("POST", "/api/v1/wire/items/not-a-uuid/take", { key: editor.apiKey })).status).toBe(404);
    expect((await api("POST", `/api/v1/wire/items/${crypto.randomUUID()}/take`, { key: editor.apiKey })).status).toBe(404);
    const tag = randomBytes(3).toString("hex");
    const uri = `urn:pti:cancel-${tag}`;
    await queueWireItem(ninjs(uri, 1, `Cancel ${tag}`, words()));
    const canceled = await queueWireItem(ninjs(uri, 2, `Cancel ${tag}`, words(), { pubstatus: "canceled" }));
    const [row] = (await queue(`?q=${tag}`)).items;
    expect(row).toMatchObject({ id: canceled, withdrawn: true });
    const refused = await api<{ error: { message: string } }>("POST", `/api/v1/wire/items/${canceled}/take`, { key: editor.apiKey });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/withdrew/);
  });
});

describe("old items", () => {
  it("leave the queue after WIRE_QUEUE_HOURS (72), and the database unless a story was made from them", async () => {
    const { expireWireQueue } = await import("@/lib/wire-desk/expire-wire-queue");
    const tag = randomBytes(3).toString("hex");
    const old = new Date(Date.now() - 73 * 3600_000);
    const waiting = await queueWireItem(dispatch({ headline: `Old ${tag} waiting`, words: words() }), { receivedAt: old });
    const used = await queueWireItem(dispatch({ headline: `Old ${tag} used`, words: words() }), { receivedAt: new Date(Date.now() - 71 * 3600_000) });
    const story = await api<{ id: string }>("POST", `/api/v1/wire/items/${used}/take`, { key: editor.apiKey });
    await db.wireItem.update({ where: { id: used }, data: { receivedAt: old } });
    expect((await queue(`?q=${tag}`)).items).toEqual([]);
    await expireWireQueue();
    expect(await db.wireItem.findUnique({ where: { id: waiting } })).toBeNull();
    // The copy of a story made from an old item stays with the story.
    expect((await db.wireItem.findUniqueOrThrow({ where: { id: used } })).storyId).toBe(story.body.id);
  });
});

describe("the desk's live stream", () => {
  it("sends each arriving item as its queue row", async () => {
    const controller = new AbortController();
    const response = await fetch(`${process.env.DATELINE_TEST_URL}/api/v1/wire/items/stream`, { headers: { Authorization: `Bearer ${editor.apiKey}` }, signal: controller.signal });
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    while (!text.includes(": listening")) text += (await reader.read()).value ?? "";
    const tag = randomBytes(3).toString("hex");
    const id = await queueWireItem(dispatch({ headline: `Live ${tag}`, words: words() }));
    while (!text.includes(`Live ${tag}`)) text += (await reader.read()).value ?? "";
    const frame = text.slice(text.lastIndexOf("event: item", text.indexOf(`Live ${tag}`)));
    expect(JSON.parse(/^data: (.*)$/m.exec(frame)![1])).toMatchObject({ id, headline: `Live ${tag}`, state: "new" });
    controller.abort();
  });
});
