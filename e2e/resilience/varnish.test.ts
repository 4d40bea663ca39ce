import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "@/e2e/fixtures/app-process";
import { startVarnish, type Varnish } from "@/e2e/fixtures/varnish";
import { createTestDatabase, type TestDatabase } from "@/scripts/test-database";
import { freePort } from "@/scripts/embedded-database";

// Two real Varnish nodes (deploy/varnish/default.vcl, xkey) before one app instance, as an
// operator runs them: reader pages are kept by Varnish and purged by surrogate key through the
// job queue (lib/outbox/reader-change.ts) within a second of a publish, an update, a kill and an
// embargo's end; a change committed by an instance that died before any purge was sent reaches
// Varnish once an instance runs the queue again; and while the app is down, kept pages are served
// past their time (stale-if-error).

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-varnish-app-"));
fs.chmodSync(dataDir, 0o755);
const tag = randomBytes(3).toString("hex");
let database: TestDatabase;
let port: number;
let nodes: Varnish[] = [];
const apps: AppProcess[] = [];
let app: AppProcess;
let key: string;

async function start(name: string, env: Record<string, string> = {}) {
  const started = await startApp({
    port,
    dataDir,
    databaseUrl: database.url,
    name,
    env: { VARNISH_PURGE_URLS: nodes.map((node) => node.url).join(","), DEMO_CONTENT: "0", SCHEDULER_INTERVAL_SECONDS: "0", ...env },
  });
  apps.push(started);
  await started.ready();
  return started;
}

const api = async (method: string, pathname: string, body?: unknown) => {
  const response = await fetch(`${app.url}${pathname}`, {
    method,
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, `${method} ${pathname}: ${text}`).toBeLessThan(300);
  return JSON.parse(text) as { id: string; slug: string; version: number };
};

/** A page as a reader gets it through one Varnish node. */
const read = async (node: Varnish, pathname: string) => {
  const response = await fetch(`${node.url}${pathname}`, { redirect: "manual" });
  return { status: response.status, cache: response.headers.get("x-cache"), text: await response.text(), headers: response.headers };
};

/** Reads until the page passes through every node from Varnish's own copy (a HIT). */
const keptEverywhere = async (pathname: string) => {
  for (const node of nodes) await expect.poll(async () => (await read(node, pathname)).cache, { timeout: 10_000, interval: 50 }).toBe("HIT");
};

/** Milliseconds until every node serves a page for which `seen` holds (at most `withinMs`). */
const untilEverywhere = async (pathname: string, seen: (page: Awaited<ReturnType<typeof read>>) => boolean, withinMs = 1000) => {
  const started = Date.now();
  for (const node of nodes) await expect.poll(async () => seen(await read(node, pathname)), { timeout: Math.max(1, withinMs - (Date.now() - started)), interval: 20 }).toBe(true);
  return Date.now() - started;
};

const story = async (headline: string, extra: Record<string, unknown> = {}) =>
  api("POST", "/api/v1/stories", { headline, body: `<p>${headline}: the body of the story, long enough to be read.</p>`, tags: [`Varnish ${tag}`], ...extra });

beforeAll(async () => {
  database = await createTestDatabase();
  port = await freePort();
  nodes = [await startVarnish({ backendPort: port }), await startVarnish({ backendPort: port })];
  app = await start("varnish-1");
  const email = `varnish-${tag}@test.dateline.local`;
  const created = await app.cli("user", "create", "--email", email, "--role", "admin", "--password", `Varnish-${randomBytes(8).toString("hex")}`);
  expect(created.code, created.stderr).toBe(0);
  const minted = await app.cli("apikey", "create", "--email", email);
  expect(minted.code, minted.stderr).toBe(0);
  key = minted.stdout.trim();
});

afterAll(async () => {
  for (const each of apps) await each.cleanup();
  for (const node of nodes) await node.stop().catch(() => {});
  await database?.drop().catch(() => {});
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("Varnish before the app", () => {
  it("keeps reader pages, names their keys only to itself, and passes the newsroom through", async () => {
    const first = await story(`Kept ${tag}`);
    await api("POST", `/api/v1/stories/${first.id}/publish`);
    await keptEverywhere(`/stories/${first.slug}`);
    const page = await read(nodes[0], `/stories/${first.slug}`);
    expect(page.status).toBe(200);
    expect(page.headers.get("xkey")).toBeNull();
    expect(page.headers.get("surrogate-key")).toBeNull();
    expect(page.headers.get("surrogate-control")).toBeNull();
    // Browsers still revalidate every time; Varnish answers them from its copy.
    expect(page.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(page.headers.get("cache-tag")?.split(",")).toEqual(expect.arrayContaining([`story-${first.slug}`, "stories", "all"]));
    // The newsroom and the API are never kept.
    expect((await read(nodes[0], "/login")).cache).toBe("PASS");
    expect((await read(nodes[0], "/login")).cache).toBe("PASS");
    // A purge must name its keys (the app's addresses alone may send one: the VCL's ACL).
    expect((await fetch(`${nodes[0].url}/`, { method: "PURGE" })).status).toBe(400);
  });

  it("is purged on every node within a second of a publish, an update and a kill", async () => {
    const tagPage = `/tags/varnish-${tag}`;
    const live = await story(`Before ${tag}`);
    await api("POST", `/api/v1/stories/${live.id}/publish`);
    for (const pathname of ["/", tagPage, `/stories/${live.slug}`, "/feed.xml"]) await keptEverywhere(pathname);

    // A publish: the home page, the tag page and the feed name the new story.
    const fresh = await story(`Published ${tag}`);
    await api("POST", `/api/v1/stories/${fresh.id}/publish`);
    const published = await untilEverywhere("/", (page) => page.text.includes(`Published ${tag}`));
    await untilEverywhere(tagPage, (page) => page.text.includes(`Published ${tag}`));
    await untilEverywhere("/feed.xml", (page) => page.text.includes(`Published ${tag}`));

    // An update of a live story: its page, under its slug.
    const current = await api("GET", `/api/v1/stories/${live.id}`);
    await keptEverywhere(`/stories/${live.slug}`);
    await api("PATCH", `/api/v1/stories/${live.id}`, { version: current.version, headline: `Updated ${tag}` });
    const updated = await untilEverywhere(`/stories/${live.slug}`, (page) => page.text.includes(`Updated ${tag}`));

    // A kill: 410 Gone.
    await keptEverywhere(`/stories/${fresh.slug}`);
    await api("POST", `/api/v1/stories/${fresh.id}/kill`);
    const killed = await untilEverywhere(`/stories/${fresh.slug}`, (page) => page.status === 410);
    await untilEverywhere("/", (page) => !page.text.includes(`Published ${tag}`));
    console.log(`[varnish] purged everywhere after: publish ${published} ms, update ${updated} ms, kill ${killed} ms`);
  });

  it("sends a webhook only once both nodes serve the change: a receiver that fetches the page at once gets the new one", async () => {
    const seen: { headline: string; served: string[] }[] = [];
    const receiver = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", async () => {
        const event = JSON.parse(body) as { type: string; data: { slug: string; headline: string } };
        // As an integrator would: fetch the story's page the moment it is told.
        const served = await Promise.all(nodes.map(async (node) => (await read(node, `/stories/${event.data.slug}`)).text));
        seen.push({ headline: event.data.headline, served });
        response.writeHead(204);
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const hook = await api("POST", "/api/v1/webhooks", { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, events: ["story.updated"] });
    try {
      const live = await story(`Hooked ${tag}`);
      await api("POST", `/api/v1/stories/${live.id}/publish`);
      await keptEverywhere(`/stories/${live.slug}`);
      for (let round = 1; round <= 3; round++) {
        const current = await api("GET", `/api/v1/stories/${live.id}`);
        await api("PATCH", `/api/v1/stories/${live.id}`, { version: current.version, headline: `Hooked ${tag} round ${round}` });
        await expect.poll(() => seen.length, { timeout: 10_000, interval: 20 }).toBe(round);
        await keptEverywhere(`/stories/${live.slug}`);
      }
      for (const { headline, served } of seen) for (const page of served) expect(page).toContain(headline);
    } finally {
      await fetch(`${app.url}/api/v1/webhooks/${hook.id}`, { method: "DELETE", headers: { authorization: `Bearer ${key}` } });
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it("shows an embargoed story within a second of the embargo's end, with no reader's request to the app", async () => {
    const held = await story(`Embargoed ${tag}`);
    const lifts = new Date(Date.now() + 4000);
    const current = await api("PATCH", `/api/v1/stories/${held.id}`, { version: held.version, embargoUntil: lifts.toISOString() });
    await api("POST", `/api/v1/stories/${held.id}/publish`);
    expect(current.version).toBeGreaterThan(held.version);
    // Until then it is not there, and Varnish keeps that answer.
    expect((await read(nodes[0], `/stories/${held.slug}`)).status).toBe(404);
    await keptEverywhere(`/stories/${held.slug}`);
    expect(Date.now()).toBeLessThan(lifts.getTime());
    await expect.poll(() => Date.now(), { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(lifts.getTime());
    const late = await untilEverywhere(`/stories/${held.slug}`, (page) => page.status === 200);
    await untilEverywhere("/", (page) => page.text.includes(`Embargoed ${tag}`));
    console.log(`[varnish] the embargoed story was out everywhere ${late} ms after its embargo lifted`);
  });

  it("gets a purge that an instance killed after its commit never sent, once an instance runs the queue again", async () => {
    const pending = await story(`Pending ${tag}`);
    await api("POST", `/api/v1/stories/${pending.id}/publish`);
    await keptEverywhere(`/stories/${pending.slug}`);
    await app.stop();

    // An instance that runs no jobs (RUN_JOBS=0) commits the change and its purges, then dies.
    app = await start("varnish-no-jobs", { RUN_JOBS: "0" });
    const current = await api("GET", `/api/v1/stories/${pending.id}`);
    await api("PATCH", `/api/v1/stories/${pending.id}`, { version: current.version, headline: `Purged later ${tag}` });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const queued = await client.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'reader_change'`);
    await client.end();
    expect(queued.rows[0].n).toBe(1);
    // The instance answered: the change is committed; Varnish has heard nothing of it yet.
    for (const node of nodes) expect((await read(node, `/stories/${pending.slug}`)).text).toContain(`Pending ${tag}`);
    app.kill();
    await app.exited;

    app = await start("varnish-2");
    await untilEverywhere(`/stories/${pending.slug}`, (page) => page.text.includes(`Purged later ${tag}`), 30_000);
  });

  it("serves kept pages past their time while the app is down (stale-if-error)", async () => {
    await app.stop();
    // Pages kept for one second only, so that the outage outlasts them.
    app = await start("varnish-short", { SHARED_CACHE_SECONDS: "1" });
    const kept = await story(`Outage ${tag}`);
    await api("POST", `/api/v1/stories/${kept.id}/publish`);
    await keptEverywhere(`/stories/${kept.slug}`);
    app.kill();
    await app.exited;
    for (const node of nodes) await expect.poll(() => node.backendHealth(), { timeout: 15_000, interval: 200 }).toBe("sick");
    for (const node of nodes) {
      // Past its second: served all the same, from Varnish's copy.
      await expect.poll(async () => Number((await fetch(`${node.url}/stories/${kept.slug}`)).headers.get("age") ?? 0), { timeout: 10_000, interval: 200 }).toBeGreaterThan(1);
      const page = await read(node, `/stories/${kept.slug}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(`Outage ${tag}`);
      // A page never kept cannot be served.
      expect((await read(node, `/stories/never-kept-${tag}`)).status).toBe(503);
    }
  });
});
