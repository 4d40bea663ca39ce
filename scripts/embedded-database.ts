import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { STALE_PAGES_CHANNEL } from "../lib/cache/page-paths";
import { embeddedNotifications } from "../lib/serving/stale-listener";
import { SessionQueryQueue } from "./pglite-session-queue";

// The embedded default database: PGlite (Postgres compiled to WebAssembly) with its data under
// .data/pglite, served over the Postgres wire protocol so Prisma talks to it like any server.
// One process owns the data folder at a time: `npm start` records its port in .data/embedded-db.json
// and the CLI connects there while it runs, or opens the folder itself when it does not.

export const DATA_DIR = path.resolve(process.cwd(), ".data");
const PGLITE_DIR = path.join(DATA_DIR, "pglite");
const STATE_FILE = path.join(DATA_DIR, "embedded-db.json");

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const urlFor = (port: number) => `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable&connection_limit=10`;

/** Serves a PGlite database (a folder, or memory:// for a throw-away one) on a local port, in this process. */
export async function startEmbeddedDatabase(options: { dataDir?: string; announce?: boolean } = {}): Promise<EmbeddedDatabase> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const dataDir = options.dataDir ?? PGLITE_DIR;
  if (dataDir !== "memory://") fs.mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 32 });
  // Replace the library's message queue with one that keeps each extended-query batch whole
  // (see pglite-session-queue.ts); connections pick the queue up from the server as they open.
  (server as unknown as { queryQueue: SessionQueryQueue }).queryQueue = new SessionQueryQueue(db, (channel, payload) =>
    embeddedNotifications.emit("notification", channel, payload),
  );
  // The session listens for the page cache (lib/serving), which hears it through the queue.
  await db.exec(`LISTEN ${STALE_PAGES_CHANNEL}`);
  await server.start();
  if (options.announce) fs.writeFileSync(STATE_FILE, JSON.stringify({ port, pid: process.pid }));
  let stopped = false;
  return {
    url: urlFor(port),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (options.announce) fs.rmSync(STATE_FILE, { force: true });
      await server.stop();
      await db.close();
    },
  };
}

/** The port of the embedded database a running `npm start` serves, if there is one. */
export function runningEmbeddedPort(): number | null {
  try {
    const { port, pid } = JSON.parse(fs.readFileSync(STATE_FILE, "utf8")) as { port: number; pid: number };
    process.kill(pid, 0);
    return port;
  } catch {
    return null;
  }
}

/** For the CLI: DATABASE_URL, else the running app's embedded database, else the embedded folder opened here. */
export async function resolveDatabase(): Promise<EmbeddedDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const port = runningEmbeddedPort();
  if (port) return { url: urlFor(port), stop: async () => {} };
  if (!fs.existsSync(PGLITE_DIR)) {
    throw new Error("no database: set DATABASE_URL, or run `npm start` once to create the embedded one");
  }
  return startEmbeddedDatabase();
}
