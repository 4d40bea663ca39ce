import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "@/e2e/fixtures/app-process";
import { startReplicatedPostgres, type ReplicatedPostgres } from "@/e2e/fixtures/replicated-postgres";
import { startVarnish, type Varnish } from "@/e2e/fixtures/varnish";
import { freePort } from "@/scripts/embedded-database";

// An instance on a primary with a real streaming replica (pg_basebackup -R, DATABASE_REPLICA_URL)
// and Varnish before it. Readers' pages are read from the replica, the newsroom and the API from
// the primary; with the replica's replay paused (as a replica behind would be), a change is not
// purged from Varnish until the replica has it: purged sooner, the readers asking meanwhile would
// put the old copy back into Varnish from the replica, for an hour.

const tag = randomBytes(3).toString("hex");
let servers: ReplicatedPostgres;
let varnish: Varnish;
let app: AppProcess;
let key: string;

const api = async (method: string, pathname: string, body?: unknown) => {
  const response = await fetch(`${app.url}${pathname}`, { method, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text || "null") as { id: string; slug: string; version: number; headline: string } };
};
const published = async (headline: string) => {
  const created = await api("POST", "/api/v1/stories", { headline, body: `<p>${headline}, as filed.</p>` });
  expect(created.status).toBe(201);
  expect((await api("POST", `/api/v1/stories/${created.body.id}/publish`)).status).toBe(200);
  return created.body;
};
const page = async (origin: string, pathname: string) => {
  const response = await fetch(`${origin}${pathname}`, { redirect: "manual" });
  return { status: response.status, text: await response.text(), cache: response.headers.get("x-cache") };
};

beforeAll(async () => {
  servers = await startReplicatedPostgres();
  const admin = new pg.Client({ connectionString: servers.primaryUrl("postgres") });
  await admin.connect();
  await admin.query("CREATE DATABASE dateline");
  await admin.end();
  await servers.caughtUp();
  const port = await freePort();
  varnish = await startVarnish({ backendPort: port });
  app = await startApp({
    port,
    databaseUrl: servers.primaryUrl("dateline"),
    name: "read-replica",
    env: { DATABASE_REPLICA_URL: servers.replicaUrl("dateline"), VARNISH_PURGE_URLS: varnish.url, DEMO_CONTENT: "0", SCHEDULER_INTERVAL_SECONDS: "0" },
  });
  await app.ready();
  const email = `replica-${tag}@test.dateline.local`;
  expect((await app.cli("user", "create", "--email", email, "--role", "editor", "--password", `Replica-${randomBytes(8).toString("hex")}`)).code).toBe(0);
  key = (await app.cli("apikey", "create", "--email", email)).stdout.trim();
});

afterAll(async () => {
  await servers?.resumeReplay().catch(() => {});
  await app?.cleanup();
  await varnish?.stop();
  await servers?.stop();
});

describe("a read replica", () => {
  it("serves readers' pages, while the newsroom and the API read the primary", async () => {
    await servers.pauseReplay();
    const story = await published(`Replicated ${tag}`);
    // The API reads its own write from the primary…
    expect((await api("GET", `/api/v1/stories/${story.id}`)).body.headline).toBe(`Replicated ${tag}`);
    // …while the page is read from the replica, which has not replayed it yet.
    expect((await page(app.url, `/stories/${story.slug}`)).status).toBe(404);
    expect((await page(app.url, "/")).text).not.toContain(`Replicated ${tag}`);
    await servers.resumeReplay();
    await expect.poll(async () => (await page(app.url, `/stories/${story.slug}`)).status, { timeout: 10_000, interval: 50 }).toBe(200);
    await expect.poll(async () => (await page(app.url, "/")).text.includes(`Replicated ${tag}`), { timeout: 10_000, interval: 50 }).toBe(true);
  });

  it("purges Varnish only once the replica has replayed the change, however many readers ask meanwhile", async () => {
    const story = await published(`Before replay ${tag}`);
    await servers.caughtUp();
    await expect.poll(async () => (await page(varnish.url, `/stories/${story.slug}`)).text.includes(`Before replay ${tag}`), { timeout: 10_000, interval: 50 }).toBe(true);
    await expect.poll(async () => (await page(varnish.url, `/stories/${story.slug}`)).cache, { timeout: 10_000, interval: 50 }).toBe("HIT");

    await servers.pauseReplay();
    const current = await api("GET", `/api/v1/stories/${story.id}`);
    expect((await api("PATCH", `/api/v1/stories/${story.id}`, { version: current.body.version, headline: `After replay ${tag}` })).status).toBe(200);
    // The purge job has been taken, and waits for the replica.
    const primary = new pg.Client({ connectionString: servers.primaryUrl("dateline") });
    await primary.connect();
    await expect
      .poll(async () => (await primary.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'reader_change' AND locked_at IS NOT NULL`)).rows[0].n, { timeout: 10_000, interval: 50 })
      .toBe(1);
    await primary.end();
    // Readers keep asking, through Varnish and past it: the replica still has the old copy.
    for (let i = 0; i < 20; i++) {
      expect((await page(varnish.url, `/stories/${story.slug}`)).text).toContain(`Before replay ${tag}`);
      expect((await page(app.url, `/stories/${story.slug}`)).text).toContain(`Before replay ${tag}`);
    }
    await servers.resumeReplay();
    await expect.poll(async () => (await page(varnish.url, `/stories/${story.slug}`)).text.includes(`After replay ${tag}`), { timeout: 10_000, interval: 50 }).toBe(true);
    await expect.poll(async () => (await page(app.url, `/stories/${story.slug}`)).text.includes(`After replay ${tag}`), { timeout: 10_000, interval: 50 }).toBe(true);
  });
});
