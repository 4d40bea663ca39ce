import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import path from "node:path";
import { freePort } from "./embedded-database";

// One app instance: `next start` on a loopback port, and the front server (lib/serving) on the
// public port before it. `npm start` and `npm test` both serve the site this way.

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

export type Site = { next: ChildProcess; close: () => Promise<void> };

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

export async function serveSite(options: {
  port: number;
  env: NodeJS.ProcessEnv;
  embedded: boolean;
  stdio?: StdioOptions;
  log?: (line: string) => void;
}): Promise<Site> {
  const { log } = options;
  // Next listens on a loopback port of its own: the public address must not default to that one.
  const env: NodeJS.ProcessEnv = { ...options.env, SITE_URL: options.env.SITE_URL || `http://localhost:${options.port}` };
  const upstreamPort = await freePort();
  const next = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(upstreamPort), "-H", "127.0.0.1"], { env, stdio: options.stdio ?? "inherit" });
  await waitForNext(upstreamPort, next);
  // The front talks to the database itself (stale-page notices, the schedule, 410s).
  process.env.DATABASE_URL = env.DATABASE_URL;
  const { startFrontServer } = await import("../lib/serving/front-server");
  const front = await startFrontServer({
    port: options.port,
    upstreamPort,
    databaseUrl: env.DATABASE_URL!,
    embedded: options.embedded,
    trustProxy: env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true",
    cacheBytes: Number(env.PAGE_CACHE_MB ?? 256) * 1024 * 1024,
    schedulerIntervalMs: Number(env.SCHEDULER_INTERVAL_SECONDS ?? 10) * 1000,
    log,
  });
  return {
    next,
    close: async () => {
      await front.close().catch(() => {});
      next.kill("SIGTERM");
    },
  };
}
