import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "@/e2e/fixtures/app-process";
import { startStoryWrites, type StoryWrites } from "@/e2e/fixtures/story-writes";
import { startEmbeddedServer, stopEmbeddedServer } from "@/scripts/embedded-database";

// The README's quick start (`npm start`, no DATABASE_URL: the embedded PostgreSQL) under a reader
// load with the newsroom writing meanwhile, then killed hard and started again on the same data.
// The PGlite version hung for good after ~7 s of this, and again on the first request after a restart.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-embedded-load-"));
fs.chmodSync(dataDir, 0o755);
const apps: AppProcess[] = [];
let app: AppProcess;
let writerKey: string;
let editorKey: string;
let readerPaths: string[];
const acknowledged = new Map<string, string>();

async function start(name: string) {
  app = await startApp({ dataDir, name });
  apps.push(app);
  await app.ready();
  return app;
}

async function apiKey(email: string) {
  const { code, stdout, stderr } = await app.cli("apikey", "create", "--email", email);
  expect(code, stderr).toBe(0);
  return stdout.trim();
}

/** Readers on `paths` at `connections` connections for `seconds`: what went wrong, counted. */
async function readers(paths: string[], connections: number, seconds: number) {
  const result = await autocannon({ url: app.url, connections, duration: seconds, timeout: 10, requests: paths.map((path) => ({ method: "GET", path })) });
  return { requests: result.requests.total, failed: { non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts }, p99: result.latency.p99 };
}

/** Every write acknowledged so far is there, as it was acknowledged (read through the API). */
async function expectAcknowledgedWritesPresent() {
  const missing: string[] = [];
  for (const [id, headline] of acknowledged) {
    const response = await fetch(`${app.url}/api/v1/stories/${id}`, { headers: { authorization: `Bearer ${writerKey}` } });
    const story = response.status === 200 ? ((await response.json()) as { headline: string }) : null;
    if (story?.headline !== headline) missing.push(`${id} (${response.status})`);
  }
  expect(missing, `of ${acknowledged.size} acknowledged writes`).toEqual([]);
}

const remember = (writes: StoryWrites) => {
  for (const [id, headline] of writes.acknowledged) acknowledged.set(id, headline);
};

beforeAll(async () => {
  await start("embedded-load");
  // The first start seeds the demo content on the embedded database.
  expect(app.log()).toMatch(/Seeded demo stories/);
  writerKey = await apiKey("writer@dateline.local");
  editorKey = await apiKey("editor@dateline.local");
  const home = await (await fetch(`${app.url}/`)).text();
  const article = /href="(\/stories\/[^"]+)"/.exec(home)?.[1];
  const tag = /href="(\/tags\/[^"/]+)"/.exec(await (await fetch(`${app.url}${article}`)).text())?.[1];
  expect(article && tag, "demo article and tag links").toBeTruthy();
  // Pages the front makes (home, article, tag page) and one Next renders (the feed): each expired
  // by the publishes going on, so they are made again from the database under load.
  readerPaths = ["/", article!, tag!, "/feed.xml"];
});

afterAll(async () => {
  for (const each of apps) await each.cleanup();
  await stopEmbeddedServer(dataDir).catch(() => {});
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the embedded database (npm start without DATABASE_URL)", () => {
  it("answers every request of 64 readers for 60 s while writes go on", async () => {
    const writes = startStoryWrites({ url: app.url, key: writerKey, publishKey: editorKey, concurrency: 4 });
    const load = await readers(readerPaths, 64, 60);
    await writes.stop();
    remember(writes);
    console.log(`[embedded-load] ${load.requests} reads (p99 ${load.p99} ms), ${writes.acknowledged.size} writes in 60 s`);
    expect(load.failed).toEqual({ non2xx: 0, errors: 0, timeouts: 0 });
    expect(load.requests).toBeGreaterThan(10_000);
    expect(writes.outcomes.filter((outcome) => outcome.status !== 201)).toEqual([]);
    expect(writes.failedPublishes).toEqual([]);
    expect(writes.acknowledged.size).toBeGreaterThan(50);
  });

  it("keeps every acknowledged write through a kill -9 of the whole app, and starts again on its data", async () => {
    const writes = startStoryWrites({ url: app.url, key: writerKey, concurrency: 8 });
    await writes.waitForMore(40);
    // Killed with writes in flight. The database server, a daemon of its own, is left running.
    app.kill();
    await app.exited;
    await writes.stop();
    remember(writes);

    await start("embedded-load-after-kill");
    expect(app.log()).toMatch(/Stopping the embedded PostgreSQL left running by an earlier start/);
    await expectAcknowledgedWritesPresent();
    // The PGlite version hung again on the first home page after a restart.
    const load = await readers(readerPaths, 64, 10);
    expect(load.failed).toEqual({ non2xx: 0, errors: 0, timeouts: 0 });
  });

  it("keeps every acknowledged write through a kill -9 of the app and its database together", async () => {
    const writes = startStoryWrites({ url: app.url, key: writerKey, concurrency: 8 });
    await writes.waitForMore(40);
    const postmaster = Number(fs.readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    app.kill();
    // The database's processes too (the server and its backends), as a crash would leave them.
    const backends = fs.readdirSync("/proc").filter((entry) => /^\d+$/.test(entry)).filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1] === String(postmaster);
      } catch {
        return false;
      }
    });
    for (const pid of [postmaster, ...backends.map(Number)]) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone already
      }
    }
    await app.exited;
    await writes.stop();
    remember(writes);

    await start("embedded-load-after-crash");
    await expectAcknowledgedWritesPresent();

    // Stopped as an operator would (SIGTERM): the database goes with it, nothing left running.
    const exit = await app.stop();
    expect(exit.code).toBe(0);
    expect(app.log()).toMatch(/Stopped\./);
    expect(fs.existsSync(path.join(dataDir, "postgres", "postmaster.pid"))).toBe(false);
    // And everything is still there when the database is opened on its own (as the CLI does).
    const server = await startEmbeddedServer({ dir: dataDir });
    const client = new pg.Client({ connectionString: server.urlFor("dateline") });
    await client.connect();
    const rows = await client.query<{ id: string }>(`SELECT id FROM "Story" WHERE id = ANY($1::uuid[])`, [[...acknowledged.keys()]]);
    await client.end();
    await server.stop();
    expect(rows.rowCount).toBe(acknowledged.size);
  });
});
