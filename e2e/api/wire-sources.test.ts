import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import { createServer as createHttpServer, type IncomingMessage, type Server } from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { FtpSrv } from "ftp-srv";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, getPage, makeUser, type TestUser } from "@/e2e/fixtures/factories";

// Ingest sources through the running app and its second instance (the suite's two, on one
// database), against real servers started here: a feed that changes between polls (with 304s and
// a 500), an FTP server, a folder. What an admin and the desk would notice: items arrive once,
// whoever polls; a failing source says why in words and waits longer; no password shows anywhere.

const second = process.env.DATELINE_SECOND_URL!;
const quiet: Record<string, unknown> = { child: () => quiet, trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {} };
const fixture = (name: string) => readFileSync(path.resolve("lib/wire-sources/fixtures", name), "utf8");

type Source = { id: string; health: { lastSuccessAt: string | null; lastError: string | null; failing: boolean; failures: number; nextPollAt: string | null; itemsLastHour: number }; credentials: { set: boolean } };
type Row = { id: string; headline: string | null; agency: string | null; source: { id: string } | null; state: string };

let admin: TestUser;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const addSource = async (body: Record<string, unknown>) => {
  const response = await api<Source>("POST", "/api/v1/wire/sources", { key: admin.apiKey, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
};
const source = async (id: string) => (await api<Source>("GET", `/api/v1/wire/sources/${id}`, { key: admin.apiKey })).body;
const pollNow = async (id: string, url?: string) => {
  const response = await fetch(`${url ?? process.env.DATELINE_TEST_URL}/api/v1/wire/sources/${id}/poll`, { method: "POST", headers: { Authorization: `Bearer ${admin.apiKey}` } });
  expect(response.status).toBe(202);
};
const queued = async (sourceId: string) => (await api<{ items: Row[] }>("GET", `/api/v1/wire/items?source=${sourceId}&limit=100`, { key: admin.apiKey })).body.items;
/** Waits until the source has been polled again since `since` (its lastPolledAt moved on). */
async function polledAfter(id: string, since: number) {
  await expect.poll(async () => Date.parse((await api<{ health: { lastPolledAt: string | null } }>("GET", `/api/v1/wire/sources/${id}`, { key: admin.apiKey })).body.health.lastPolledAt ?? "0"), { timeout: 15_000 }).toBeGreaterThan(since);
}

// Copy unlike any other item's: the desk groups near-duplicate copy as one event (lib/wire-desk/near-duplicates.ts).
const WORDS = "harbour cement tariff glacier orchard rupee turbine verdict monsoon spectrum lithium dairy sugar railway cricket opera vaccine drone copper satellite".split(" ");
const distinctWords = (count = 24) => Array.from({ length: count }, () => WORDS[Math.floor(Math.random() * WORDS.length)] + randomBytes(2).toString("hex")).join(" ");
const rssItem = (guid: string, title: string) => `<item><guid>${guid}</guid><title>${title}</title><pubDate>Wed, 02 Dec 2026 10:00:00 GMT</pubDate>
<description>&lt;p&gt;New Delhi, Dec 2 (PTI): ${title}: ${distinctWords()}.&lt;/p&gt;</description></item>`;

beforeAll(async () => {
  admin = await makeUser("admin");
});

describe("an HTTP feed source", () => {
  const tag = randomBytes(3).toString("hex");
  const password = `feed-pass-${randomBytes(6).toString("hex")}`;
  let items = [rssItem(`urn:${tag}:1`, `Feed ${tag} first story`), rssItem(`urn:${tag}:2`, `Feed ${tag} second story`)];
  let failNext = false;
  const requests: { ifNoneMatch: string | undefined; authorized: boolean; status: number }[] = [];
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createHttpServer((request: IncomingMessage, response) => {
      const etag = `"v${items.length}"`;
      const authorized = request.headers.authorization === `Basic ${Buffer.from(`desk:${password}`).toString("base64")}`;
      const answer = (status: number, body = "") => {
        requests.push({ ifNoneMatch: request.headers["if-none-match"], authorized, status });
        response.writeHead(status, status === 200 ? { "Content-Type": "application/rss+xml", ETag: etag } : {});
        response.end(body);
      };
      if (!authorized) return answer(401);
      if (failNext) return answer(500, "boom");
      if (request.headers["if-none-match"] === etag) return answer(304);
      answer(200, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>${items.join("")}</channel></rss>`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("brings in new entries, asks with the ETag after, takes nothing twice, and backs off with the error in words when the feed fails", async () => {
    const created = await addSource({ kind: "http", url, format: "rss", name: `PTI feed ${tag}`, agency: "PTI", intervalSeconds: 600, credentials: { username: "desk", password } });
    expect(created.credentials).toEqual({ set: true });
    expect(JSON.stringify(created)).not.toContain(password);
    // Added enabled: polled at once, without anyone asking.
    await expect.poll(async () => (await queued(created.id)).map((row) => row.headline).sort(), { timeout: 15_000 }).toEqual([`Feed ${tag} first story`, `Feed ${tag} second story`]);

    // Unchanged: the feed answers 304 to the ETag, and nothing new appears.
    let since = Date.now();
    await pollNow(created.id);
    await polledAfter(created.id, since);
    expect(requests.at(-1)).toMatchObject({ ifNoneMatch: '"v2"', status: 304 });
    expect(await queued(created.id)).toHaveLength(2);

    // A new entry: only it comes in, polled from the second instance this time.
    items = [rssItem(`urn:${tag}:3`, `Feed ${tag} third story`), ...items];
    since = Date.now();
    await pollNow(created.id, second);
    await expect.poll(async () => (await queued(created.id)).length, { timeout: 15_000 }).toBe(3);
    await polledAfter(created.id, since);
    const healthy = await source(created.id);
    expect(healthy.health).toMatchObject({ failing: false, failures: 0, lastError: null, itemsLastHour: 3 });

    // The feed fails: the source says so in words, and its next poll is later than its interval.
    failNext = true;
    since = Date.now();
    await pollNow(created.id);
    await expect.poll(async () => (await source(created.id)).health.lastError, { timeout: 15_000 }).toBe("The feed answered 500 Internal Server Error");
    const failing = await source(created.id);
    expect(failing.health).toMatchObject({ failing: true, failures: 1 });
    expect(Date.parse(failing.health.nextPollAt!) - since).toBeGreaterThan(600_000 * 1.5);
    // Nothing an admin can read (the API, the sources page) holds the password.
    expect(JSON.stringify(failing)).not.toContain(password);
    const page = await fetch(`${process.env.DATELINE_TEST_URL}/api/v1/wire/sources`, { headers: { Authorization: `Bearer ${admin.apiKey}` } });
    expect(await page.text()).not.toContain(password);

    // Back up: the next poll succeeds, and the failures are forgotten.
    failNext = false;
    items = [rssItem(`urn:${tag}:4`, `Feed ${tag} fourth story`), ...items];
    await pollNow(created.id);
    await expect.poll(async () => (await source(created.id)).health.failing, { timeout: 15_000 }).toBe(false);
    expect((await queued(created.id)).map((row) => row.headline)).toContain(`Feed ${tag} fourth story`);
    expect(requests.every((request) => request.authorized)).toBe(true);
  });
});

describe("an FTP source", () => {
  let root: string;
  let server: FtpSrv;
  let address: string;
  const login = { username: "ani", password: `ftp-pass-${randomBytes(6).toString("hex")}` };

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), "dateline-ftp-source-"));
    await mkdir(path.join(root, "out"));
    const port = await freePort();
    const pasvMin = 30_000 + Math.floor(Math.random() * 20_000);
    server = new FtpSrv({ url: `ftp://127.0.0.1:${port}`, pasv_url: "127.0.0.1", pasv_min: pasvMin, pasv_max: pasvMin + 200, log: quiet, tls: { key: fixture("ftps-test-key.pem"), cert: fixture("ftps-test-cert.pem") } });
    server.on("login", ({ username, password }, resolve, reject) => (username === login.username && password === login.password ? resolve({ root }) : reject(new Error("Bad login"))));
    await server.listen();
    address = `ftp://127.0.0.1:${port}/out`;
  });
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  it("takes each file once, moved to done/, however many instances poll it at the same time", async () => {
    const tag = randomBytes(3).toString("hex");
    const names = Array.from({ length: 6 }, (_, i) => `ani-${tag}-${i}.txt`);
    for (const [i, name] of names.entries()) {
      await writeFile(path.join(root, "out", name), `FTP ${tag} story ${i}\n\nMoscow [Russia], December 27 (ANI): ${distinctWords()}.\n`);
    }
    const created = await addSource({ kind: "ftp", url: address, name: `ANI FTP ${tag}`, agency: "ANI", intervalSeconds: 3600, afterTake: "move", credentials: login });
    // Both instances asked at once, twice each, on top of the first poll the new source gets.
    await Promise.all([pollNow(created.id), pollNow(created.id, second), pollNow(created.id), pollNow(created.id, second)]);
    await expect.poll(async () => (await readdir(path.join(root, "out", "done")).catch(() => [])).sort(), { timeout: 20_000 }).toEqual([...names].sort());
    const rows = await queued(created.id);
    expect(rows.map((row) => row.headline).sort()).toEqual(names.map((_, i) => `FTP ${tag} story ${i}`).sort());
    expect(rows.every((row) => row.agency === "ANI" && row.state === "new")).toBe(true);
    expect(JSON.stringify(await source(created.id))).not.toContain(login.password);
  });

  it("brings in a NINJS item's picture from beside it on the server, with its caption, and leaves the picture out of the copy", async () => {
    const tag = randomBytes(3).toString("hex");
    // A folder of its own: the other tests' sources poll out/.
    const folder = `pictures-${tag}`;
    await mkdir(path.join(root, folder, "pics"), { recursive: true });
    const picture = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 90, g: 120, b: Number.parseInt(tag.slice(0, 2), 16) } } }).jpeg().toBuffer();
    await writeFile(path.join(root, folder, "pics", `gate-${tag}.jpg`), picture);
    await writeFile(path.join(root, folder, `beside-${tag}.jpg`), picture);
    const headline = `FTP ${tag} story with a picture`;
    await writeFile(
      path.join(root, folder, `ani-${tag}.json`),
      JSON.stringify({ uri: `urn:ftp:${tag}`, headline, body_text: `Moscow [Russia], December 27 (ANI): ${distinctWords()}.`, associations: { featureimage: { type: "picture", description_text: `The gate ${tag}`, copyrightholder: "ANI", renditions: { original: { href: `pics/gate-${tag}.jpg`, mimetype: "image/jpeg" } } } } }),
    );
    const created = await addSource({ kind: "ftp", url: address.replace(/\/out$/, `/${folder}`), name: `ANI FTP pictures ${tag}`, agency: "ANI", intervalSeconds: 3600, afterTake: "move", credentials: login });
    await pollNow(created.id);
    await expect.poll(async () => (await queued(created.id)).map((row) => row.headline), { timeout: 20_000 }).toEqual([headline]);
    const [row] = await queued(created.id);
    await expect.poll(async () => (await api<{ pictures: { caption: string; credit: string }[] }>("GET", `/api/v1/wire/items/${row.id}`, { key: admin.apiKey })).body.pictures, { timeout: 20_000 }).toEqual([expect.objectContaining({ caption: `The gate ${tag}`, credit: "ANI" })]);
    // The pictures stay on the server for items still to come; neither was taken for copy.
    expect(await readdir(path.join(root, folder))).toContain(`beside-${tag}.jpg`);
    expect((await readdir(path.join(root, folder, "done"))).filter((name) => name.includes(tag))).toEqual([`ani-${tag}.json`]);
  });

  it("says in words when the server refuses the login, without the password", async () => {
    const tag = randomBytes(3).toString("hex");
    const wrong = `wrong-${randomBytes(6).toString("hex")}`;
    const created = await addSource({ kind: "ftp", url: address, name: `Bad FTP ${tag}`, agency: "ANI", intervalSeconds: 60, afterTake: "keep", credentials: { username: "ani", password: wrong } });
    await expect.poll(async () => (await source(created.id)).health.lastError, { timeout: 15_000 }).toMatch(/refused the login for user ani/);
    expect(JSON.stringify(await source(created.id))).not.toContain(wrong);
  });
});

describe("a folder source", () => {
  it("takes a file as soon as it lands (the folder is watched), moves it to done/, and a file that is no copy to failed/ with the reason", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "dateline-folder-source-"));
    try {
      const tag = randomBytes(3).toString("hex");
      // A long interval: only the watcher can bring the file in within the test's time.
      const created = await addSource({ kind: "folder", path: folder, name: `Drop folder ${tag}`, agency: "IANS", intervalSeconds: 3600 });
      await polledAfter(created.id, 0);
      await writeFile(path.join(folder, "story.txt"), `Folder ${tag} story\n\nMumbai, Dec 2 (IANS): The ${tag} market closed higher on Wednesday as banks and carmakers gained, dealers said.\n`);
      await writeFile(path.join(folder, "empty.txt"), "   \n");
      await expect.poll(async () => (await queued(created.id)).map((row) => row.headline), { timeout: 15_000 }).toEqual([`Folder ${tag} story`]);
      await expect.poll(async () => (await readdir(path.join(folder, "done")).catch(() => [])), { timeout: 15_000 }).toEqual(["story.txt"]);
      await expect.poll(async () => (await readdir(path.join(folder, "failed")).catch(() => [])).sort(), { timeout: 15_000 }).toEqual(["empty.txt", "empty.txt.error.txt"]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe("a folder receiving files all the time", () => {
  it("takes each within seconds of landing, even when the minute's reconcile has queued the next poll an hour away", async () => {
    const { schedulePoll } = await import("@/lib/jobs/schedule-poll");
    const folder = await mkdtemp(path.join(tmpdir(), "dateline-folder-stream-"));
    try {
      const tag = randomBytes(3).toString("hex");
      const created = await addSource({ kind: "folder", path: folder, name: `Busy folder ${tag}`, agency: "PTI", intervalSeconds: 3600 });
      await polledAfter(created.id, 0);
      const names: string[] = [];
      // Each file lands once the one before has been claimed: while a poll is under way.
      for (let n = 0; n < 12; n++) {
        const name = `take-${String(n).padStart(2, "0")}.txt`;
        await writeFile(path.join(folder, `.${name}.tmp`), `Stream ${tag} ${n}\n\nNew Delhi, Dec 2 (PTI): ${distinctWords()}.\n`);
        await rename(path.join(folder, `.${name}.tmp`), path.join(folder, name));
        names.push(name);
        // What the reconciler does each minute: the source's next poll at its interval, a waiting poll keeping its time.
        await schedulePoll(created.id, { runAt: new Date(Date.now() + 3600_000), keepTime: true });
        await expect.poll(async () => (await readdir(folder)).includes(name), { timeout: 5_000 }).toBe(false);
      }
      await expect.poll(async () => (await readdir(path.join(folder, "done")).catch(() => [])).sort(), { timeout: 5_000 }).toEqual(names);
      expect((await queued(created.id)).length).toBe(12);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe("a folder source's folder", () => {
  it("is never the root, a system folder, the app's own, a file, or another source's", async () => {
    const around = await mkdtemp(path.join(tmpdir(), "dateline-folder-check-"));
    const folder = path.join(around, "drop");
    await mkdir(folder);
    try {
      const tag = randomBytes(3).toString("hex");
      await addSource({ kind: "folder", path: folder, name: `Checked ${tag}`, agency: "ANI", intervalSeconds: 3600 });
      await writeFile(path.join(folder, "note.txt"), "x");
      const refused = async (where: string) => {
        const answer = await api<{ error: { fields: Record<string, string[]> } }>("POST", "/api/v1/wire/sources", { key: admin.apiKey, body: { kind: "folder", path: where, name: `Refused ${randomBytes(3).toString("hex")}`, agency: "ANI", intervalSeconds: 60 } });
        expect(answer.status, where).toBe(422);
        return answer.body.error.fields.path[0];
      };
      expect(await refused("/")).toMatch(/root folder/);
      expect(await refused("/etc")).toMatch(/system folder/);
      expect(await refused("/etc/ssl/private")).toMatch(/system folder/);
      expect(await refused(process.cwd())).toMatch(/app's own folder/);
      expect(await refused(path.join(process.cwd(), ".data"))).toMatch(/app's own folder/);
      expect(await refused(path.join(folder, "note.txt"))).toMatch(/a file, not a folder/);
      expect(await refused(folder)).toMatch(new RegExp(`“Checked ${tag}” watches`));
      expect(await refused(path.join(folder, "done"))).toMatch(/cannot share a folder/);
      expect(await refused(around)).toMatch(/cannot share a folder/);
    } finally {
      await rm(around, { recursive: true, force: true });
    }
  });
});

describe("sources are the admins'", () => {
  it("refuses bad settings with the fields, and anyone but an admin", async () => {
    const bad = await api<{ error: { fields: Record<string, string[]> } }>("POST", "/api/v1/wire/sources", { key: admin.apiKey, body: { kind: "ftp", url: "ftp://ani:secret@ftp.example.com/out", name: "", agency: "ANI", intervalSeconds: 1, afterTake: "move", credentials: { username: "ani", password: "x" } } });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(expect.arrayContaining(["url", "name", "intervalSeconds"]));
    const wrongKind = await api("POST", "/api/v1/wire/sources", { key: admin.apiKey, body: { kind: "gopher" } });
    expect(wrongKind.status).toBe(422);
    const editor = await makeUser("editor");
    expect((await api("GET", "/api/v1/wire/sources", { key: editor.apiKey })).status).toBe(403);
    expect((await getPage("/api/v1/wire/sources")).status).toBe(401);
  });
});
