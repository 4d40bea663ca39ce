import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { FtpSrv } from "ftp-srv";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { pollFtp } from "@/lib/wire-sources/poll-ftp";
import type { PollResult } from "@/lib/wire-sources/poll-types";

// A real FTP server (ftp-srv) on a temporary root, with explicit FTPS (AUTH TLS) offered under a
// self-signed certificate made for these tests only (fixtures/ftps-test-*.pem).
const LOGIN = { username: "ani", password: "c0rrect-h0rse" };
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");
const quiet: Record<string, unknown> = { child: () => quiet, trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {} };

let root: string;
let server: FtpSrv;
let address: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "dateline-ftp-"));
  const port = await freePort();
  const pasvMin = 30_000 + Math.floor(Math.random() * 20_000);
  server = new FtpSrv({ url: `ftp://127.0.0.1:${port}`, pasv_url: "127.0.0.1", pasv_min: pasvMin, pasv_max: pasvMin + 200, log: quiet, tls: { key: fixture("ftps-test-key.pem"), cert: fixture("ftps-test-cert.pem") } });
  server.on("login", ({ username, password }, resolve, reject) => {
    if (username === LOGIN.username && password === LOGIN.password) resolve({ root });
    else reject(new Error("Bad login"));
  });
  await server.listen();
  address = `ftp://127.0.0.1:${port}/out`;
});
afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});
beforeEach(async () => {
  await rm(path.join(root, "out"), { recursive: true, force: true });
  await mkdir(path.join(root, "out"));
});

const out = (...parts: string[]) => path.join(root, "out", ...parts);
const names = (result: PollResult) => result.items.map((item) => item.name).sort();
async function drop(...files: string[]) {
  for (const file of files) await writeFile(out(file), `copy of ${file}`);
}
async function ackAll(result: PollResult, outcome: "done" | "failed" = "done") {
  await Promise.all(result.items.map((item) => item.ack(outcome, "refused by the test")));
  await result.finish?.();
}
const settings = (afterTake: "delete" | "move" | "keep") => ({ url: address, afterTake });

describe("pollFtp", () => {
  afterEach(async () => {
    // Every poll's connection is closed by finish() (or by the failed poll itself): none is left open.
    const open = () => Object.keys((server as unknown as { connections: object }).connections).length;
    await expect.poll(open, { timeout: 2000, interval: 10 }).toBe(0);
  });

  it("downloads new files and, with afterTake delete, deletes them once ingested", async () => {
    await drop("a.xml", "b.txt", ".hidden", "upload.part");
    const first = await pollFtp(settings("delete"), LOGIN, null);
    expect(names(first)).toEqual(["a.xml", "b.txt"]);
    expect(Buffer.from(first.items.find((item) => item.name === "a.xml")!.raw).toString()).toBe("copy of a.xml");
    await ackAll(first);
    expect((await readdir(out())).sort()).toEqual([".hidden", ".processing", "upload.part"]);
    expect(await readdir(out(".processing"))).toEqual([]);
    const second = await pollFtp(settings("delete"), LOGIN, first.state);
    expect(second.items).toEqual([]);
    await second.finish?.();
  });

  it("with afterTake move, moves files into done/ or failed/ without overwriting", async () => {
    await drop("a.xml", "b.xml");
    await mkdir(out("done"));
    await writeFile(out("done", "a.xml"), "yesterday's a.xml");
    const result = await pollFtp(settings("move"), LOGIN, null);
    await result.items.find((item) => item.name === "a.xml")!.ack("done");
    await result.items.find((item) => item.name === "b.xml")!.ack("failed", "not wire copy");
    await result.finish?.();
    expect((await readdir(out("done"))).sort()).toEqual(["a-2.xml", "a.xml"]);
    expect(await readFile(out("done", "a.xml"), "utf8")).toBe("yesterday's a.xml");
    expect(await readdir(out("failed"))).toEqual(["b.xml"]);
  });

  it("with afterTake keep, leaves files and remembers them, taking a replaced file again", async () => {
    await drop("a.xml", "b.xml");
    const first = await pollFtp(settings("keep"), LOGIN, null);
    expect(names(first)).toEqual(["a.xml", "b.xml"]);
    await ackAll(first);
    expect((await readdir(out())).sort()).toEqual(["a.xml", "b.xml"]);
    const second = await pollFtp(settings("keep"), LOGIN, JSON.parse(JSON.stringify(first.state)));
    expect(second.items).toEqual([]);
    await second.finish?.();
    await drop("c.xml");
    await writeFile(out("a.xml"), "a.xml, corrected and longer");
    const third = await pollFtp(settings("keep"), LOGIN, second.state);
    expect(names(third)).toEqual(["a.xml", "c.xml"]);
    await ackAll(third);
  });

  it("gives each file to exactly one of two pollers polling at once (move)", async () => {
    const files = Array.from({ length: 12 }, (_, index) => `item-${String(index).padStart(2, "0")}.xml`);
    await drop(...files);
    const [one, two] = await Promise.all([pollFtp(settings("move"), LOGIN, null), pollFtp(settings("move"), LOGIN, null)]);
    const taken = [...names(one), ...names(two)].sort();
    expect(taken).toEqual(files);
    await Promise.all([ackAll(one), ackAll(two)]);
    expect((await readdir(out("done"))).sort()).toEqual(files);
  });

  it("puts back a file a crashed instance claimed over 10 minutes ago", async () => {
    await mkdir(out(".processing"));
    await writeFile(out(".processing", `${Date.now() - 11 * 60_000}-0123456789ab-orphan.xml`), "orphaned");
    await writeFile(out(".processing", `${Date.now()}-0123456789ab-live.xml`), "being ingested");
    const result = await pollFtp(settings("move"), LOGIN, null);
    expect(names(result)).toEqual(["orphan.xml"]);
    await ackAll(result);
  });

  it("leaves pictures for the items that name them, reads them beside the item, and clears away old ones", async () => {
    await drop("item.json");
    await mkdir(out("pics"));
    await writeFile(out("pics", "floods.jpg"), "jpeg bytes");
    await writeFile(out("fresh.jpg"), "fresh");
    await writeFile(out("stale.jpg"), "stale");
    const hourAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(out("stale.jpg"), hourAgo, hourAgo);
    const result = await pollFtp(settings("move"), LOGIN, null);
    try {
      expect(names(result)).toEqual(["item.json"]);
      const [item] = result.items;
      expect((await item.readBeside!("pics/floods.jpg")).toString()).toBe("jpeg bytes");
      expect((await item.readBeside!("fresh.jpg")).toString()).toBe("fresh");
      await expect(item.readBeside!("../secret.jpg")).rejects.toThrow("../secret.jpg is outside the folder the item came from");
      await expect(item.readBeside!("/etc/passwd")).rejects.toThrow("is outside the folder the item came from");
      await expect(item.readBeside!("gone.jpg")).rejects.toThrow("gone.jpg is not on the FTP server beside the item");
    } finally {
      await ackAll(result);
    }
    expect((await readdir(out())).sort()).toEqual([".processing", "done", "fresh.jpg", "pics"]);
    expect((await readdir(out("done"))).sort()).toEqual(["item.json", "stale.jpg"]);
  });

  it("says in words why it cannot poll, never with the password", async () => {
    const wrong = { username: "ani", password: "wr0ng-Secret" };
    const refused = await pollFtp(settings("move"), wrong, null).catch((error: Error) => error.message);
    expect(refused).toBe("The FTP server refused the login for user ani");
    const port = await freePort();
    const unreachable = await pollFtp({ url: `ftp://127.0.0.1:${port}/out`, afterTake: "move" }, wrong, null).catch((error: Error) => error.message);
    expect(unreachable).toBe(`Could not reach 127.0.0.1:${port}: connection refused`);
    const missing = await pollFtp({ url: address.replace("/out", "/nowhere"), afterTake: "move" }, LOGIN, null).catch((error: Error) => error.message);
    expect(missing).toMatch(/^The folder \/nowhere cannot be opened on the FTP server: 550/);
    for (const message of [refused, unreachable, missing]) {
      expect(message).not.toContain(wrong.password);
      expect(message).not.toContain(LOGIN.password);
    }
  });

  it("speaks FTPS, refusing a self-signed certificate unless the source allows it", async () => {
    await drop("secure.xml");
    const ftps = address.replace("ftp://", "ftps://");
    const refused = await pollFtp({ url: ftps, afterTake: "keep" }, LOGIN, null).catch((error: Error) => error.message);
    expect(refused).toMatch(/^Could not reach 127\.0\.0\.1:\d+: its TLS certificate is self-signed \(allow self-signed certificates/);
    const result = await pollFtp({ url: ftps, afterTake: "keep", allowSelfSignedCertificate: true }, LOGIN, null);
    expect(names(result)).toEqual(["secure.xml"]);
    await ackAll(result);
  });
});
