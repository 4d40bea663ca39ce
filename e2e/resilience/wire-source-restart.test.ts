import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "@/e2e/fixtures/app-process";
import { distinctWords } from "@/e2e/fixtures/wire-queue";
import { stopEmbeddedServer } from "@/scripts/embedded-database";

// A drop folder fed while the app is killed hard (kill -9, mid-poll) and started again on the same
// data, as an operator's machine would be: every file comes in exactly once, and no file is left
// behind; an HTTP source's password is never in what the app printed.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-wire-restart-"));
fs.chmodSync(dataDir, 0o755);
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-wire-restart-drop-"));
const apps: AppProcess[] = [];
const FILES = 60;
const tag = randomBytes(3).toString("hex");
const password = `restart-pass-${randomBytes(6).toString("hex")}`;
let key: string;

async function start(name: string) {
  const app = await startApp({ dataDir, name });
  apps.push(app);
  await app.ready();
  return app;
}

const inFolder = (sub: string) => (fs.existsSync(path.join(folder, sub)) ? fs.readdirSync(path.join(folder, sub)).filter((name) => !name.startsWith(".")) : []);

afterAll(async () => {
  for (const each of apps) await each.cleanup();
  await stopEmbeddedServer(dataDir).catch(() => {});
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(folder, { recursive: true, force: true });
});

let first: AppProcess;

beforeAll(async () => {
  first = await start("wire-restart-1");
  const { code, stdout, stderr } = await first.cli("apikey", "create", "--email", "admin@dateline.local");
  expect(code, stderr).toBe(0);
  key = stdout.trim();
});

describe("an ingest source across a hard kill", () => {
  it("takes every file exactly once, and prints no password", async () => {
    const post = async (app: AppProcess, body: Record<string, unknown>) => {
      const response = await fetch(`${app.url}/api/v1/wire/sources`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(body) });
      expect(response.status, await response.clone().text()).toBe(201);
      return (await response.json()) as { id: string };
    };
    const source = await post(first, { kind: "folder", path: folder, name: "Drop folder", agency: "ANI", intervalSeconds: 5 });
    // A source whose server is not there: its polls fail, and its password must never be printed.
    await post(first, { kind: "http", url: "http://127.0.0.1:9/feed.xml", format: "rss", name: "Gone feed", agency: "PTI", intervalSeconds: 5, credentials: { username: "desk", password } });

    const write = (i: number) => {
      const temporary = path.join(folder, `.incoming-${i}.tmp`);
      fs.writeFileSync(temporary, `Restart ${tag} story ${i}\n\nMoscow [Russia], December 27 (ANI): ${distinctWords()}.\n`);
      fs.renameSync(temporary, path.join(folder, `story-${i}.txt`));
    };
    for (let i = 0; i < FILES / 2; i++) write(i);
    // Killed once some are taken and while the rest are being taken.
    await expect.poll(() => inFolder("done").length, { timeout: 30_000, interval: 20 }).toBeGreaterThan(3);
    first.kill();
    await first.exited;
    for (let i = FILES / 2; i < FILES; i++) write(i);

    const second = await start("wire-restart-2");
    // A claim the killed instance left in .processing/ is taken back a minute later.
    await expect.poll(() => inFolder("done").length, { timeout: 120_000, interval: 500 }).toBe(FILES);
    expect(inFolder("failed")).toEqual([]);
    expect(inFolder(".processing").length + fs.readdirSync(folder).filter((name) => name.endsWith(".txt")).length).toBe(0);

    const headlines: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (await fetch(`${second.url}/api/v1/wire/items?source=${source.id}&limit=100${cursor ? `&cursor=${cursor}` : ""}`, { headers: { authorization: `Bearer ${key}` } })).json()) as { items: { headline: string }[]; nextCursor: string | null };
      headlines.push(...page.items.map((item) => item.headline));
      cursor = page.nextCursor;
    } while (cursor);
    expect(headlines.sort()).toEqual(Array.from({ length: FILES }, (_, i) => `Restart ${tag} story ${i}`).sort());

    const gone = (await (await fetch(`${second.url}/api/v1/wire/sources`, { headers: { authorization: `Bearer ${key}` } })).json()) as { sources: { name: string; health: { lastError: string | null } }[] };
    expect(gone.sources.find((each) => each.name === "Gone feed")!.health.lastError).toMatch(/Could not reach 127\.0\.0\.1/);
    for (const app of apps) expect(app.log()).not.toContain(password);
  });
});
