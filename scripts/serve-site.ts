import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { freePort } from "./embedded-database";
import { databaseReplicaUrls, frontSettings, publishSettings } from "../lib/env";
import { cacheSettings, CACHE_VARIABLES } from "../lib/cache/cache-settings";

// One app instance: `next start` on a loopback port, and the front server (lib/serving) on the
// public port before it, one per core (WEB_CONCURRENCY) sharing the port through node:cluster.
// `npm start`, `npm test` and `npm run bench` all serve the site this way.

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
const EXIT_WITH_PARENT = path.resolve("scripts/support/exit-with-parent.cjs");

export type Site = {
  next: ChildProcess;
  /** Stops in order: the fronts stop accepting and finish their requests in flight, then Next stops. */
  close: () => Promise<void>;
};

// V8 grows a heap towards gigabytes before it collects in earnest on a machine with memory to
// spare: a limit makes Next and the fronts collect sooner, for a little throughput (npm run bench:
// Next held 874 MB under load without one, 395 MB with 256). Next's leaves room for the newsroom's
// heavier work (20 MB of dropped wire files, NLP). The page cache's bodies live outside the heap,
// bounded by PAGE_CACHE_MB. An operator's own --max-old-space-size in NODE_OPTIONS wins.
const NEXT_HEAP_MB = 512;
const FRONT_HEAP_MB = 128;

const HEAP_FLAG = /--max[-_]old[-_]space[-_]size/;

function withHeapLimit(nodeOptions: string | undefined, megabytes: number): string {
  if (HEAP_FLAG.test(nodeOptions ?? "")) return nodeOptions!;
  return `${nodeOptions ?? ""} --max-old-space-size=${megabytes}`.trim();
}

/** Next's "- Local: http://127.0.0.1:…" and "- Network: …" lines. */
const NEXT_ADDRESS_LINE = /^\s*-\s+(?:Local|Network):/;

function passOnWithoutAddresses(from: Readable, to: NodeJS.WritableStream) {
  createInterface({ input: from, crlfDelay: Infinity }).on("line", (line) => {
    if (!NEXT_ADDRESS_LINE.test(line)) to.write(`${line}\n`);
  });
}

async function waitForNext(port: number, next: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (next.exitCode !== null) throw new Error(`next start exited with code ${next.exitCode} before it was ready`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/login`);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`next start did not answer within ${timeoutMs / 1000} s`);
}

/** Sends a process SIGTERM and waits for it to exit; SIGKILL if it has not after `timeoutMs`. */
async function stopProcess(child: ChildProcess, timeoutMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  await exited;
  clearTimeout(timer);
}

export async function serveSite(options: {
  port: number;
  env: NodeJS.ProcessEnv;
  stdio?: StdioOptions;
  log?: (line: string) => void;
}): Promise<Site> {
  const { log } = options;
  // Next listens on a loopback port of its own: the public address must not default to that one.
  // The front fetches the reader layout and its whole pages with a token only it and this Next know
  // (lib/serving/reader-shell.ts): new at every start, never configured, never sent to a client.
  const env: NodeJS.ProcessEnv = {
    ...options.env,
    SITE_URL: options.env.SITE_URL || `http://localhost:${options.port}`,
    DATELINE_FRONT_TOKEN: randomBytes(24).toString("base64url"),
  };
  const settings = frontSettings(env);
  // Checked here too, so that a typo in the publishing rules or the caches' settings stops the
  // start, not a publish later.
  publishSettings(env);
  cacheSettings(env);
  databaseReplicaUrls(env);
  const upstreamPort = await freePort();
  // Next keeps the front's idle connections for long (its default is 5 s): a request sent on one
  // it has just closed fails, and a write cannot simply be sent again.
  // Next runs in a process group of its own, so that a terminal's Ctrl-C reaches only this process,
  // which stops Next after the fronts have finished with it (close() below); it still ends when
  // this process does, however that happens (scripts/support/exit-with-parent.cjs, over the IPC channel).
  // With no stdio given (npm start), Next's output is passed on without the addresses it announces:
  // its loopback port serves only the front, and is no address for anyone to open.
  const stdio = options.stdio ?? ["ignore", "pipe", "pipe"];
  const next = spawn(process.execPath, ["--require", EXIT_WITH_PARENT, NEXT_BIN, "start", "-p", String(upstreamPort), "-H", "127.0.0.1", "--keepAliveTimeout", "600000"], {
    env: { ...env, NODE_OPTIONS: withHeapLimit(env.NODE_OPTIONS, NEXT_HEAP_MB) },
    stdio: [...(typeof stdio === "string" ? [stdio, stdio, stdio] : stdio.slice(0, 3)), "ipc"],
    detached: true,
  });
  if (!options.stdio) {
    passOnWithoutAddresses(next.stdout!, process.stdout);
    passOnWithoutAddresses(next.stderr!, process.stderr);
  }
  await waitForNext(upstreamPort, next);
  // A front in this process talks to the database itself (stale-page notices, the schedule,
  // articles) and makes pages with the site's settings (lib/env.ts), read from this process's environment.
  for (const key of ["DATABASE_URL", "DATABASE_REPLICA_URL", "SITE_URL", "SITE_NAME", "SITE_LANGUAGE", "NEWSROOM_TIME_ZONE", "WEBSUB_HUB_URL"]) {
    if (env[key] !== undefined) process.env[key] = env[key];
  }
  for (const key of ["WIRE_CREDENTIALS_KEY", "WIRE_QUEUE_HOURS", "DATA_DIR", "MEDIA_DIR", "MEDIA_BASE_URL", "MEDIA_MAX_MB", "WIRE_PICTURE_NETWORKS", "MEDIA_S3_BUCKET", "MEDIA_S3_REGION", "MEDIA_S3_ENDPOINT", "MEDIA_S3_PREFIX", "MEDIA_S3_ACCESS_KEY_ID", "MEDIA_S3_SECRET_ACCESS_KEY", ...CACHE_VARIABLES]) {
    if (env[key] !== undefined) process.env[key] = env[key];
  }
  // The background jobs (ingest sources' polls, the desk's expiry, cache purges) run in this
  // process: one runner per instance, every instance's runners sharing one queue in the database
  // (lib/jobs). RUN_JOBS=0 leaves them to other instances; what is queued waits for one.
  const { startJobs } = await import("../lib/jobs/start-jobs");
  const jobs = settings.runJobs ? await startJobs({ databaseUrl: env.DATABASE_URL!, log: (line) => (log ?? console.log)(`[jobs] ${line}`) }) : { stop: async () => {} };
  const frontEnv = { ...env, DATELINE_UPSTREAM_PORT: String(upstreamPort), DATELINE_FRONT_PORT: String(options.port) };
  const workers = settings.workers ?? os.availableParallelism();
  if (workers === 1) {
    const front = await startFront(frontEnv, log);
    return {
      next,
      close: async () => {
        await front.close().catch(() => {});
        await jobs.stop().catch(() => {});
        await stopProcess(next);
      },
    };
  }
  cluster.setupPrimary({ exec: path.resolve("scripts/front-worker.ts"), execArgv: HEAP_FLAG.test(env.NODE_OPTIONS ?? "") ? process.execArgv : [...process.execArgv, `--max-old-space-size=${FRONT_HEAP_MB}`], silent: false });
  const forked = Array.from({ length: workers }, () => cluster.fork(frontEnv));
  await Promise.all(
    forked.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.once("listening", () => resolve());
          worker.once("exit", (code) => reject(new Error(`a front worker exited with code ${code} before it listened`)));
        }),
    ),
  );
  let closing = false;
  // A front that dies is replaced; Next and the others go on serving meanwhile.
  cluster.on("exit", (worker, code) => {
    if (closing) return;
    log?.(`front worker ${worker.process.pid} exited (${code}); starting another`);
    cluster.fork(frontEnv);
  });
  return {
    next,
    close: async () => {
      closing = true;
      // Each front stops accepting and finishes its requests in flight (scripts/front-worker.ts).
      await Promise.all(Object.values(cluster.workers ?? {}).map((worker) => (worker ? stopProcess(worker.process) : undefined)));
      await jobs.stop().catch(() => {});
      await stopProcess(next);
    },
  };
}

/** A front in this process, configured from the environment serveSite prepared. */
export async function startFront(env: NodeJS.ProcessEnv, log?: (line: string) => void) {
  const { startFrontServer } = await import("../lib/serving/front-server");
  const settings = frontSettings(env);
  const caches = cacheSettings(env);
  return startFrontServer({
    port: Number(env.DATELINE_FRONT_PORT),
    upstreamPort: Number(env.DATELINE_UPSTREAM_PORT),
    databaseUrl: env.DATABASE_URL!,
    replicaUrls: databaseReplicaUrls(env),
    trustProxy: settings.trustProxy,
    frontToken: env.DATELINE_FRONT_TOKEN!,
    previewSecret: env.AUTH_SECRET,
    cacheBytes: settings.cacheMb * 1024 * 1024,
    sharedCache: { times: caches.times, cloudflare: !!caches.cloudflare },
    schedulerIntervalMs: settings.schedulerIntervalSeconds * 1000,
    log,
  });
}
