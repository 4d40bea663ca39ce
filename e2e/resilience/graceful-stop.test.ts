import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "@/e2e/fixtures/app-process";
import { startStoryWrites } from "@/e2e/fixtures/story-writes";
import { startEmbeddedServer } from "@/scripts/embedded-database";
import { createTestDatabase, type TestDatabase } from "@/scripts/test-database";

// Stopping `npm start` while the newsroom writes: it stops accepting connections at once, lets
// the requests in flight finish, closes its pools, stops Next and then the embedded database, and
// exits. Before, a stop cut requests mid-flight (5 of 9 had committed without an answer), and the
// embedded mode kept accepting writes for 27 s after the signal.

let app: AppProcess | undefined;
let database: TestDatabase | undefined;

afterEach(async () => {
  await app?.cleanup();
  await database?.drop();
  app = database = undefined;
});

/** Whether a new connection to the port is accepted right now. */
const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

async function writerKey(instance: AppProcess, email: string, create: boolean) {
  if (create) {
    const made = await instance.cli("user", "create", "--email", email, "--role", "writer", `--password=${randomBytes(18).toString("base64url")}`, "--name", "Stop writer");
    expect(made.code, made.stderr).toBe(0);
  }
  const key = await instance.cli("apikey", "create", "--email", email);
  expect(key.code, key.stderr).toBe(0);
  return key.stdout.trim();
}

/** Signals the app mid-write and checks what every writer and every new connection got. */
async function stopMidWrite(instance: AppProcess, key: string, signal: () => void, committedIds: (marker: string) => Promise<string[]>) {
  const writes = startStoryWrites({ url: instance.url, key, concurrency: 16 });
  await writes.waitForMore(30);

  const signalled = Date.now();
  signal();
  const probes: { at: number; accepted: boolean }[] = [];
  let exited = false;
  void instance.exited.then(() => (exited = true));
  while (!exited) {
    probes.push({ at: Date.now(), accepted: await accepts(instance.port) });
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const exit = await instance.exited;
  await writes.stop();

  expect(exit.code, instance.log().slice(-2000)).toBe(0);
  expect(instance.log()).toMatch(/Stopped\./);
  // No new connection once it has stopped listening, which it does at once.
  const refusedAt = probes.find((probe) => !probe.accepted)?.at ?? Number.POSITIVE_INFINITY;
  expect(refusedAt - signalled, "time to stop accepting connections (ms)").toBeLessThan(2000);
  expect(probes.filter((probe) => probe.at > refusedAt && probe.accepted)).toEqual([]);
  // Writes that were in flight when the signal came were finished and answered.
  const inFlight = writes.outcomes.filter((outcome) => outcome.startedAt < signalled && outcome.endedAt > signalled);
  expect(inFlight.filter((outcome) => outcome.status === 201).length, "in-flight writes answered 201 after the signal").toBeGreaterThan(0);
  expect(writes.outcomes.filter((outcome) => outcome.status !== undefined && outcome.status !== 201)).toEqual([]);
  // Every write that committed got its answer: the rows are exactly the acknowledged ones.
  const committed = await committedIds(writes.marker);
  expect(committed.sort()).toEqual([...writes.acknowledged.keys()].sort());
  return { inFlight: inFlight.length, acknowledged: writes.acknowledged.size, stoppedAcceptingMs: refusedAt - signalled };
}

const storiesMarked = async (url: string, marker: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = await client.query<{ id: string }>(`SELECT id FROM "Story" WHERE headline LIKE $1`, [`${marker} %`]);
    return rows.rows.map((row) => row.id);
  } finally {
    await client.end();
  }
};

describe("stopping npm start while writes are in flight", () => {
  it("on a server database, with two fronts: SIGTERM to npm start", async () => {
    database = await createTestDatabase();
    app = await startApp({ databaseUrl: database.url, env: { WEB_CONCURRENCY: "2" }, name: "sigterm-server" });
    await app.ready();
    const key = await writerKey(app, "stop-writer@example.com", true);
    const url = database.url;
    const result = await stopMidWrite(app, key, () => app!.signal("SIGTERM"), (marker) => storiesMarked(url, marker));
    console.log(`[graceful-stop] server: ${JSON.stringify(result)}`);
  });

  it("on the embedded database: Ctrl-C (SIGINT to the whole process group), the database stopped last", async () => {
    app = await startApp({ name: "sigint-embedded" });
    await app.ready();
    const key = await writerKey(app, "writer@dateline.local", false);
    const instance = app;
    const result = await stopMidWrite(instance, key, () => instance.signal("SIGINT", { group: true }), async (marker) => {
      // The app stopped its database on the way out; it is opened again here to count the rows.
      expect(fs.existsSync(path.join(instance.dataDir, "postgres", "postmaster.pid"))).toBe(false);
      const server = await startEmbeddedServer({ dir: instance.dataDir });
      try {
        return await storiesMarked(server.urlFor("dateline"), marker);
      } finally {
        await server.stop();
      }
    });
    console.log(`[graceful-stop] embedded: ${JSON.stringify(result)}`);
  });
});
