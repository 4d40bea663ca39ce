import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "@/e2e/fixtures/app-process";
import { createTestDatabase, type TestDatabase } from "@/scripts/test-database";

// An instance whose feeds name a WebSub hub (WEBSUB_HUB_URL): a local hub records the publish
// notifications it is sent. A publish tells it, within seconds, of the site's feeds and the
// story's tag's, in every format; the feeds link the hub as readers' software looks for it.

const tag = randomBytes(3).toString("hex");
const pings: { mode: string | null; url: string | null }[] = [];
let hub: http.Server;
let hubUrl: string;
let database: TestDatabase;
let app: AppProcess;
let key: string;

beforeAll(async () => {
  hub = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const form = new URLSearchParams(body);
      pings.push({ mode: form.get("hub.mode"), url: form.get("hub.url") });
      response.writeHead(204);
      response.end();
    });
  });
  await new Promise<void>((resolve) => hub.listen(0, "127.0.0.1", resolve));
  hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/`;
  database = await createTestDatabase();
  app = await startApp({ databaseUrl: database.url, name: "websub", env: { WEBSUB_HUB_URL: hubUrl, DEMO_CONTENT: "0" } });
  await app.ready();
  const email = `websub-${tag}@test.dateline.local`;
  expect((await app.cli("user", "create", "--email", email, "--role", "editor", "--password", `WebSub-${randomBytes(8).toString("hex")}`)).code).toBe(0);
  key = (await app.cli("apikey", "create", "--email", email)).stdout.trim();
});

afterAll(async () => {
  await app?.cleanup();
  await database?.drop().catch(() => {});
  await new Promise<void>((resolve) => hub.close(() => resolve()));
});

describe("WebSub", () => {
  it("names the hub in every feed, as a feed reader reads it", async () => {
    const rss = await (await fetch(`${app.url}/feed.xml`)).text();
    expect(rss).toContain(`<atom:link href="${hubUrl}" rel="hub"/>`);
    expect(await (await fetch(`${app.url}/feed.atom`)).text()).toContain(`<link rel="hub" href="${hubUrl}"/>`);
    expect((await (await fetch(`${app.url}/feed.json`)).json()).hubs).toEqual([{ type: "WebSub", url: hubUrl }]);
    // Debian's feedparser, as a subscriber's software reads the feed.
    const links = execFileSync("/usr/bin/python3", ["-c", "import feedparser,sys,json; d=feedparser.parse(sys.stdin.read()); print(json.dumps([l.get('rel') for l in d.feed.links]))"], { input: rss }).toString();
    expect(JSON.parse(links)).toContain("hub");
  });

  it("tells the hub of the feeds a publish changed, within seconds", async () => {
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    const created = await (await fetch(`${app.url}/api/v1/stories`, { method: "POST", headers, body: JSON.stringify({ headline: `Hub ${tag}`, body: "<p>For the hub.</p>", tags: [`Hub ${tag}`] }) })).json();
    expect((await fetch(`${app.url}/api/v1/stories/${created.id}/publish`, { method: "POST", headers })).status).toBe(200);
    const expected = ["/feed.xml", "/feed.atom", "/feed.json", `/tags/hub-${tag}/feed.xml`, `/tags/hub-${tag}/feed.atom`, `/tags/hub-${tag}/feed.json`].map((path) => `${app.url}${path}`);
    await expect.poll(() => expected.every((url) => pings.some((ping) => ping.mode === "publish" && ping.url === url)), { timeout: 10_000, interval: 50 }).toBe(true);
  });
});
