import net from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { holdStoryLock, queryRows, waitUntil } from "@/e2e/fixtures/database";

// Idempotency-Key on the POSTs that create (stories, wire copy, corrections): a retry after a cut
// connection gets the first answer instead of making a second story; the same key with another
// request is a 422; a retry while the first still runs a 409. Keys belong to their caller and last 24 hours.

type ApiError = { error: { code: string; message: string; fields?: Record<string, string[]> } };

let editor: TestUser;
let otherEditor: TestUser;

beforeAll(async () => {
  [editor, otherEditor] = await Promise.all([makeUser("editor"), makeUser("editor")]);
});

const newKey = () => `test-${crypto.randomUUID()}`;
const createStory = (body: Record<string, unknown>, key: string, user: TestUser = editor) =>
  api<ApiStory & ApiError>("POST", "/api/v1/stories", { key: user.apiKey, body, headers: { "Idempotency-Key": key } });
const storiesHeadlined = async (headline: string) =>
  (await queryRows<{ id: string }>(`SELECT "id" FROM "Story" WHERE "headline" = $1`, [headline])).map((row) => row.id);

/** The raw answer's text, for comparing a replay byte for byte. */
async function rawPost(path: string, body: string, headers: Record<string, string>) {
  const response = await fetch(`${baseUrl}${path}`, { method: "POST", headers: { Authorization: `Bearer ${editor.apiKey}`, ...headers }, body });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe("Idempotency-Key on POST /api/v1/stories", () => {
  it("answers a retry with the first answer, byte for byte, and makes one story", async () => {
    const headline = unique("Once only");
    const body = JSON.stringify({ headline, body: "<p>Made once.</p>", tags: [unique("Idempotent tag")] });
    const headers = { "Content-Type": "application/json", "Idempotency-Key": newKey() };
    const first = await rawPost("/api/v1/stories", body, headers);
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const again = await rawPost("/api/v1/stories", body, headers);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await storiesHeadlined(headline)).toEqual([JSON.parse(first.text).id]);
  });

  it("makes one story of twenty requests with one key sent at once; the rest get its answer or 409", async () => {
    const headline = unique("Raced key");
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 20 }, () => createStory({ headline, body: "<p>x</p>" }, key)));
    const ids = await storiesHeadlined(headline);
    expect(ids).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 201 && a.status !== 409)).toEqual([]);
    for (const created of answers.filter((a) => a.status === 201)) expect(created.body.id).toBe(ids[0]);
    for (const busy of answers.filter((a) => a.status === 409)) {
      expect(busy.body.error.message).toContain("still being processed");
      expect(busy.headers.get("retry-after")).toBe("1");
    }
  });

  it("refuses the key with a different request (422, saying why), and keeps the first answer for the first request", async () => {
    const key = newKey();
    const first = await createStory({ headline: unique("First request"), body: "<p>x</p>" }, key);
    expect(first.status).toBe(201);
    const other = await createStory({ headline: unique("Another request"), body: "<p>x</p>" }, key);
    expect(other.status).toBe(422);
    expect(other.body.error.message).toContain("was first sent with a different request");
    expect(other.body.error.fields).toHaveProperty("Idempotency-Key");
    const onWire = await api<ApiError>("POST", "/api/v1/wire", { key: editor.apiKey, rawBody: "NEW DELHI, March 3 (PTI) Copy.", headers: { "Content-Type": "text/plain", "Idempotency-Key": key } });
    expect(onWire.status).toBe(422);
  });

  it("keeps each caller's keys apart", async () => {
    const key = newKey();
    const body = { headline: unique("Shared key"), body: "<p>x</p>" };
    const mine = await createStory(body, key);
    const theirs = await createStory(body, key, otherEditor);
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it("lets a request that failed be sent again, corrected, with the same key", async () => {
    const key = newKey();
    const refused = await createStory({ body: "<p>No headline.</p>" }, key);
    expect(refused.status).toBe(422);
    const headline = unique("Corrected request");
    const created = await createStory({ headline, body: "<p>Now with one.</p>" }, key);
    expect(created.status).toBe(201);
    expect(await storiesHeadlined(headline)).toEqual([created.body.id]);
  });

  it("forgets a key after 24 hours, and takes over one whose request died running", async () => {
    const key = newKey();
    expect((await createStory({ headline: unique("Day one"), body: "<p>x</p>" }, key)).status).toBe(201);
    await queryRows(`UPDATE "IdempotencyKey" SET "expiresAt" = (now() AT TIME ZONE 'UTC') - interval '1 second' WHERE "userId" = $1 AND "key" = $2`, [editor.id, key]);
    const headline = unique("Day two");
    const later = await createStory({ headline, body: "<p>x</p>" }, key);
    expect(later.status).toBe(201);
    expect(later.headers.get("idempotent-replayed")).toBeNull();

    const abandoned = newKey();
    await queryRows(
      `INSERT INTO "IdempotencyKey" ("id", "userId", "key", "fingerprint", "createdAt", "expiresAt")
       VALUES (gen_random_uuid(), $1, $2, 'from a request that died', (now() AT TIME ZONE 'UTC') - interval '10 minutes', (now() AT TIME ZONE 'UTC') + interval '1 day')`,
      [editor.id, abandoned],
    );
    expect((await createStory({ headline: unique("After a crash"), body: "<p>x</p>" }, abandoned)).status).toBe(201);
  });

  it("answers malformed keys with 422 or 400 naming the header, never 500, and stores nothing", async () => {
    const headline = unique("Bad key");
    for (const key of ["", '""', "k".repeat(10_000), "two words", "a, b" /* two keys, as a parser joins them */]) {
      const answer = await createStory({ headline, body: "<p>x</p>" }, key);
      expect(answer.status, JSON.stringify(key.slice(0, 20))).toBe(422);
      expect(answer.body.error.fields).toHaveProperty("Idempotency-Key");
    }
    // Bytes fetch() will not send: a control character (the HTTP parser refuses it) and Latin-1.
    for (const raw of [Buffer.from("key\x01x", "latin1"), Buffer.from("cl\xe9", "latin1"), Buffer.from("a\x7fb", "latin1")]) {
      const status = await rawHeaderStatus(raw, JSON.stringify({ headline, body: "<p>x</p>" }));
      expect([400, 422], raw.toString("hex")).toContain(status);
    }
    expect(await storiesHeadlined(headline)).toEqual([]);
  });
});

/** Sends POST /api/v1/stories with an Idempotency-Key of exactly these bytes, over a socket; the status. */
function rawHeaderStatus(key: Buffer, body: string): Promise<number> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write(
        Buffer.concat([
          Buffer.from(`POST /api/v1/stories HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${editor.apiKey}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\nIdempotency-Key: `),
          key,
          Buffer.from(`\r\n\r\n${body}`),
        ]),
      );
    });
    let reply = "";
    socket.on("data", (chunk) => (reply += chunk.toString("latin1")));
    socket.on("end", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1] ?? 0)));
    socket.on("error", reject);
  });
}

describe("Idempotency-Key on POST /api/v1/wire", () => {
  it("answers a retry of new copy with its first answer (201), not as a duplicate", async () => {
    const copy = `NEW DELHI, March 3 (PTI) ${unique("Idempotent wire copy")} was filed once.\n\nA second paragraph.`;
    const headers = { "Content-Type": "text/plain; charset=utf-8", "Idempotency-Key": newKey() };
    const first = await rawPost("/api/v1/wire", copy, headers);
    expect(first.status).toBe(201);
    const again = await rawPost("/api/v1/wire", copy, headers);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(JSON.parse(again.text).ingest.outcome).toBe("created");
    // Without the key, the same copy is what it always was: a duplicate of the story made.
    const unkeyed = await rawPost("/api/v1/wire", copy, { "Content-Type": "text/plain; charset=utf-8" });
    expect(unkeyed.status).toBe(200);
    expect(JSON.parse(unkeyed.text)).toMatchObject({ id: JSON.parse(first.text).id, ingest: { outcome: "duplicate" } });
  });
});

describe("Idempotency-Key on POST /api/v1/stories/{id}/corrections", () => {
  it("answers 409 to a retry while the first is still running, then the first answer; one note is added", async () => {
    const story = await makeStory(editor);
    expect((await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey })).status).toBe(200);
    const key = newKey();
    const send = () => api<ApiError & { id: string; note: string }>("POST", `/api/v1/stories/${story.id}/corrections`, { key: editor.apiKey, body: { kind: "correction", note: "Spelling of the minister's name." }, headers: { "Idempotency-Key": key } });

    // The first request holds its key and waits for the story, which the test keeps locked.
    const lock = await holdStoryLock(story.id);
    let first: ReturnType<typeof send>;
    try {
      first = send();
      expect(await waitUntil(async () => (await lock.waiting()) >= 1)).toBe(true);
      const meanwhile = await send();
      expect(meanwhile.status).toBe(409);
      expect(meanwhile.body.error.message).toContain("still being processed");
      expect(meanwhile.headers.get("retry-after")).toBe("1");
    } finally {
      await lock.release();
    }
    const answered = await first;
    expect(answered.status).toBe(201);
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(answered.body);
    const notes = await queryRows<{ id: string }>(`SELECT "id" FROM "StoryCorrection" WHERE "storyId" = $1`, [story.id]);
    expect(notes.map((n) => n.id)).toEqual([answered.body.id]);
  });
});
