import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { auditEntries, holdStoryLock, queryRows, waitUntil } from "@/e2e/fixtures/database";
import { freePort } from "@/scripts/embedded-database";
import { serveSite, type Site } from "@/scripts/serve-site";

// When the database cannot take a write (its writers' connections all busy, a story's lock held
// too long), the API answers 503 with Retry-After and the usual error body, having written
// nothing, never a 500; and it takes writes again as soon as it can.
//
// An app instance of its own (the same production build), with one connection for writes, so
// that the test can occupy it deterministically, by holding a story's row lock that a write on
// that connection waits for, without slowing the instance every other test uses.

let editor: TestUser;
let site: Site | undefined;
let siteUrl = "";

beforeAll(async () => {
  editor = await makeUser("editor");
  const port = await freePort();
  siteUrl = `http://localhost:${port}`;
  site = await serveSite({
    port,
    stdio: ["ignore", "ignore", "ignore"],
    env: {
      ...process.env,
      // The test runner's own condition is not Next's.
      NODE_OPTIONS: (process.env.NODE_OPTIONS ?? "").replace("--conditions=react-server", "").trim(),
      PORT: String(port),
      SITE_URL: siteUrl,
      WEB_CONCURRENCY: "1",
      DATABASE_WRITE_POOL_SIZE: "1",
    },
  });
}, 120_000);

afterAll(async () => {
  await site?.close();
});

const onSite = <T>(method: string, path: string, body?: unknown) =>
  fetch(`${siteUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${editor.apiKey}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).then(async (response) => ({ status: response.status, headers: response.headers, body: (await response.json()) as T }));

type ApiError = { error: { code: string; message: string } };

describe("a write the database cannot take", () => {
  it("gets 503 with Retry-After when no write connection frees up in time, and 503 when a story stays locked; nothing is written", async () => {
    const story = await makeStory(editor);
    expect((await api<ApiStory>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey })).status).toBe(200);
    const headline = unique("Never written");

    const lock = await holdStoryLock(story.id);
    let kill: Promise<{ status: number; headers: Headers; body: ApiError }>;
    try {
      // This kill takes the instance's one write connection and waits for the story's lock.
      kill = onSite<ApiError>("POST", `/api/v1/stories/${story.id}/kill`);
      expect(await waitUntil(async () => (await lock.waiting()) >= 1)).toBe(true);

      // So this create finds no connection for its transaction within the wait (lib/db.ts).
      const create = await onSite<ApiError>("POST", "/api/v1/stories", { headline, body: "<p>x</p>" });
      expect(create.status).toBe(503);
      expect(create.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(create.body.error).toMatchObject({ code: "unavailable", message: expect.stringContaining("nothing was changed") });

      // And the kill, still waiting, gives up at the lock timeout: 503 too.
      const killed = await kill;
      expect(killed.status).toBe(503);
      expect(Number(killed.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(killed.body.error).toMatchObject({ code: "unavailable", message: expect.stringContaining("Another change to this story") });
    } finally {
      await lock.release();
    }

    expect(await queryRows(`SELECT 1 FROM "Story" WHERE "headline" = $1`, [headline])).toEqual([]);
    expect((await auditEntries(story.id)).map((entry) => entry.action)).toEqual(["story.publish"]);
    expect((await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey })).body).toMatchObject({ status: "published", version: story.version + 1 });

    // Once the lock is gone, the same requests succeed on the same instance: nothing was left holding its connection.
    expect((await onSite("POST", `/api/v1/stories/${story.id}/kill`)).status).toBe(200);
    expect((await onSite("POST", "/api/v1/stories", { headline, body: "<p>x</p>" })).status).toBe(201);
  }, 60_000);
});
