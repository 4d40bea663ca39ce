import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "@/e2e/fixtures/app-process";
import { ensureDatabase, startEmbeddedServer, type EmbeddedServer } from "@/scripts/embedded-database";
import { openEventStream } from "@/e2e/fixtures/event-stream";

// PostgreSQL restarted under a reader load, on a server this test starts on a port of its own.
// Cached pages and feeds keep being served throughout (stale-if-error); a page never kept gets the
// site's 503 page with Retry-After; writes get 503, never 500; the log does not flood; and the
// first change after the database is back reaches readers within a second. Before, the cache was
// emptied when the LISTEN connection dropped: every reader got 502 (feeds 500) until it was back.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-outage-"));
fs.chmodSync(dir, 0o755);
let database: EmbeddedServer;
let app: AppProcess;
let key: string;
let story: { id: string; slug: string; version: number; headline: string; tags: { slug: string }[] };
let kept: string[];

const get = (pathname: string) => fetch(`${app.url}${pathname}`, { redirect: "manual" });
const api = (method: string, pathname: string, body?: unknown) =>
  fetch(`${app.url}${pathname}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** Readers asking for the kept pages over and over, every answer counted by status. */
function startReaders(paths: string[], connections: number) {
  const statuses = new Map<string, number>();
  let total = 0;
  let stopped = false;
  const waiting = new Set<() => void>();
  const loop = async (offset: number) => {
    for (let n = offset; !stopped; n++) {
      const target = paths[n % paths.length];
      let outcome: string;
      try {
        const response = await get(target);
        await response.arrayBuffer();
        outcome = String(response.status);
      } catch (error) {
        outcome = `error ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`;
      }
      const name = `${target} ${outcome}`;
      statuses.set(name, (statuses.get(name) ?? 0) + 1);
      total++;
      for (const check of waiting) check();
    }
  };
  const loops = Array.from({ length: connections }, (_, i) => loop(i));
  return {
    statuses,
    get total() {
      return total;
    },
    /** Resolves once `count` more answers have come in than when called. */
    waitForMore: (count: number) =>
      new Promise<void>((resolve) => {
        const goal = total + count;
        const check = () => {
          if (total < goal) return;
          waiting.delete(check);
          resolve();
        };
        waiting.add(check);
        check();
      }),
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

beforeAll(async () => {
  database = await startEmbeddedServer({ dir });
  await ensureDatabase(database.urlFor("postgres"), "outage");
  app = await startApp({ databaseUrl: database.urlFor("outage"), env: { WEB_CONCURRENCY: "2", DEMO_CONTENT: "0" }, name: "outage" });
  await app.ready();
  const email = `outage-${randomBytes(4).toString("hex")}@test.dateline.local`;
  const made = await app.cli("user", "create", "--email", email, "--role", "editor", `--password=${randomBytes(18).toString("base64url")}`, "--name", "Outage editor");
  expect(made.code, made.stderr).toBe(0);
  const created = await app.cli("apikey", "create", "--email", email);
  expect(created.code, created.stderr).toBe(0);
  key = created.stdout.trim();
  const draft = await api("POST", "/api/v1/stories", { headline: "Power restored across the grid", body: "<p>Engineers worked through the night.</p>", tags: ["Grid outage"] });
  expect(draft.status).toBe(201);
  const published = await api("POST", `/api/v1/stories/${((await draft.json()) as { id: string }).id}/publish`);
  expect(published.status).toBe(200);
  story = (await published.json()) as typeof story;
  kept = ["/", `/stories/${story.slug}`, `/tags/${story.tags[0].slug}`, "/feed.xml", `/tags/${story.tags[0].slug}/feed.atom`, "/sitemap.xml"];
  // Each front keeps its own copy: ask often enough that both have every page.
  for (let round = 0; round < 20; round++) {
    for (const pathname of kept) {
      const response = await get(pathname);
      await response.arrayBuffer();
      expect(response.status, pathname).toBe(200);
    }
  }
}, 180_000);

afterAll(async () => {
  await app?.cleanup();
  await database?.stop().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("PostgreSQL restarted under load", () => {
  it("serves every kept page throughout, 503s the rest, and shows the first change after it within a second", async () => {
    const readers = startReaders(kept, 32);
    await readers.waitForMore(1000);

    const logBefore = app.log().split("\n").length;
    const stoppedAt = Date.now();
    await database.stop();

    // While it is away: what was never kept, and writes, are asked to come back, never 500.
    await readers.waitForMore(500);
    const neverKept = await get(`/stories/never-kept-${randomBytes(4).toString("hex")}`);
    expect(neverKept.status).toBe(503);
    expect(neverKept.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await neverKept.text()).toContain("Back in a moment");
    const feedNeverKept = await get("/feed.json");
    expect(feedNeverKept.status).toBe(503);
    expect(feedNeverKept.headers.get("retry-after")).toMatch(/^\d+$/);
    const write = await api("PATCH", `/api/v1/stories/${story.id}`, { version: story.version, headline: "Written while the database was away" });
    expect(write.status).toBe(503);
    expect(write.headers.get("retry-after")).toMatch(/^\d+$/);
    // Readers go on being served for a good while with the database gone.
    await readers.waitForMore(5000);

    database = await startEmbeddedServer({ dir, port: database.port });
    const restartedAt = Date.now();
    const duringRecovery: number[] = [];
    let saved: typeof story | undefined;
    while (!saved) {
      const response = await api("PATCH", `/api/v1/stories/${story.id}`, { version: story.version, headline: "Power back, and the page with it" });
      duringRecovery.push(response.status);
      if (response.status === 200) saved = (await response.json()) as typeof story;
      else await response.arrayBuffer();
    }
    const writtenAt = Date.now();
    // The change reaches readers on the page they are reading (served by either front).
    let seenAt = 0;
    let seen = 0;
    while (seen < 10) {
      const page = await (await get(`/stories/${story.slug}`)).text();
      if (page.includes("Power back, and the page with it")) {
        seenAt ||= Date.now();
        seen++;
      } else seen = 0;
    }
    await readers.stop();

    const failures = [...readers.statuses].filter(([name]) => !name.endsWith(" 200"));
    expect(failures, "reader errors for kept pages during the restart").toEqual([]);
    expect(duringRecovery.filter((status) => status !== 503 && status !== 200), "write answers while it came back").toEqual([]);
    expect(seenAt - writtenAt, "ms from the acknowledged write to readers seeing it").toBeLessThan(1000);
    // A line per kind of failure every 10 s, not one per request.
    const outageLines = app.log().split("\n").length - logBefore;
    expect(outageLines, app.log().split("\n").slice(logBefore).slice(0, 40).join("\n")).toBeLessThan(100);
    console.log(
      `outage: ${readers.total} reader requests, 0 failed; database away ${restartedAt - stoppedAt} ms; ` +
        `writable ${writtenAt - restartedAt} ms after it started; change seen ${seenAt - writtenAt} ms after the write; ${outageLines} log lines`,
    );
  });

  it("keeps a newsroom page's event stream: it is told to resync once the database is back, then hears changes again", async () => {
    const controller = new AbortController();
    const stream = await openEventStream({ key, signal: controller.signal, url: app.url });
    try {
      await database.stop();
      database = await startEmbeddedServer({ dir, port: database.port });
      await stream.next((event) => event.event === "resync", 0, 30_000);
      // The app's own pools may take a moment longer to find the database again (503 meanwhile).
      let current: typeof story | undefined;
      while (!current) {
        const response = await api("GET", `/api/v1/stories/${story.id}`);
        if (response.status === 200) current = (await response.json()) as typeof story;
        else await response.arrayBuffer();
      }
      const since = stream.events.length;
      const saved = await api("PATCH", `/api/v1/stories/${story.id}`, { version: current.version, headline: "Heard after the restart" });
      expect(saved.status).toBe(200);
      const heard = await stream.next((event) => event.event === "story" && event.data.id === story.id, since);
      expect(heard.data.version).toBe(current.version + 1);
    } finally {
      controller.abort();
    }
  }, 60_000);
});
