import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./embedded-database";
import { migrate } from "./migrate";
import { run, runOrFail } from "./run-command";
import { createTestDatabase } from "./test-database";
import { serveSite, type Site } from "./serve-site";

// `npm test`: a fresh database (DATABASE_URL's server, else a throw-away embedded PostgreSQL) →
// migrations → production build in .next-test → the app on a free port → vitest (unit + HTTP
// integration) → Playwright in Chromium → the resilience tests (e2e/resilience: whole app processes
// of their own, started as `npm start` starts them, one file at a time, on the same build) → one
// summary line. The database is dropped afterwards, pass or fail.

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
const RESULTS = path.resolve("test-results");
const log = (line: string) => console.log(`[test] ${line}`);

async function waitForServer(url: string, server: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app exited with code ${server.exitCode} before it was ready`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the app did not answer on ${url} within ${timeoutMs / 1000} s`);
}

type Counts = { passed: number; failed: number; skipped: number };

function vitestCounts(file: string): Counts {
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(file: string): Counts {
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, skipped: report.stats.skipped };
}

async function main(): Promise<number> {
  // `npm test -- unit` runs the unit tests alone, with no database or server; `npm test -- <name…>`
  // runs only the test files whose paths contain one of the names (vitest and Playwright alike).
  const only = process.argv[2];
  const filters = only && only !== "unit" ? process.argv.slice(2) : [];
  fs.rmSync(RESULTS, { recursive: true, force: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  const vitestJson = path.join(RESULTS, "vitest.json");
  const vitestArgs = [path.resolve("node_modules/vitest/vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile=${vitestJson}`];

  if (only === "unit") {
    const code = await run(process.execPath, [...vitestArgs, "--project", "unit"]);
    const counts = vitestCounts(vitestJson);
    console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    return code;
  }

  const database = await createTestDatabase();
  log(`database: ${database.describe}`);
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-test-media-"));
  let site: Site | undefined;
  let second: Site | undefined;
  try {
    await migrate(database.url, log);
    const port = Number(process.env.TEST_PORT ?? (await freePort()));
    const baseUrl = `http://localhost:${port}`;
    // A second app instance on the same database, as behind a load balancer: caches must agree.
    const secondPort = await freePort();
    const secondUrl = `http://localhost:${secondPort}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      WIRE_CREDENTIALS_KEY: randomBytes(32).toString("base64"),
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: ".next-test",
      SITE_URL: baseUrl,
      PORT: String(port),
      DATELINE_TEST_URL: baseUrl,
      DATELINE_SECOND_URL: secondUrl,
      // Tests stand in for a proxy that names the client (sign-in throttling per address).
      TRUST_PROXY: "1",
      // No background scheduler: scheduled stories must go live on the first request after their time.
      SCHEDULER_INTERVAL_SECONDS: "0",
      // One front: a test reads its own writes back at once, whichever connection it uses.
      // (Several fronts each hear a change within a millisecond or so; the bench runs them.)
      WEB_CONCURRENCY: "1",
      // Both instances keep pictures in one folder of the run's own, as instances behind a load
      // balancer share a mount: what one made, the other serves.
      MEDIA_DIR: mediaDir,
      // The tests' agency picture servers listen on loopback, which wire pictures are otherwise never fetched from.
      WIRE_PICTURE_NETWORKS: "127.0.0.0/8",
    };

    log("building the app (next build → .next-test)…");
    const started = Date.now();
    await runOrFail(process.execPath, [NEXT_BIN, "build"], { env, quiet: true });
    log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s; starting it on ${baseUrl}`);
    const serverLog = fs.createWriteStream(path.join(RESULTS, "server.log"));
    site = await serveSite({ port, env, stdio: ["ignore", "pipe", "pipe"], log: (line) => serverLog.write(`[front] ${line}\n`) });
    site.next.stdout?.pipe(serverLog);
    site.next.stderr?.pipe(serverLog);
    await waitForServer(`${baseUrl}/login`, site.next);
    second = await serveSite({ port: secondPort, env: { ...env, PORT: String(secondPort) }, stdio: ["ignore", "pipe", "pipe"], log: (line) => serverLog.write(`[front 2] ${line}\n`) });
    second.next.stderr?.pipe(serverLog);
    await waitForServer(`${secondUrl}/login`, second.next);

    const testEnv = { ...env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --conditions=react-server`.trim() };
    const filterArgs = filters.length ? ["--passWithNoTests", ...filters] : [];
    // Unit tests run as `npm run test:unit` does, without the react-server condition: the
    // components' tests render with React's client build (react-dom/server).
    const unitJson = path.join(RESULTS, "vitest-unit.json");
    const unitArgs = [path.resolve("node_modules/vitest/vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile=${unitJson}`];
    const unitCode = await run(process.execPath, [...unitArgs, "--project", "unit", ...filterArgs], { env });
    const vitestCode = await run(process.execPath, [...vitestArgs, "--project", "integration", "--project", "isolated", ...filterArgs], { env: testEnv });
    // Playwright runs every spec when no file matches a filter: pick the matching specs here.
    const specs = fs.readdirSync("e2e").filter((name) => name.endsWith(".spec.ts")).map((name) => `e2e/${name}`);
    const chosenSpecs = filters.length ? specs.filter((spec) => filters.some((filter) => spec.includes(filter))) : [];
    const runPlaywright = !filters.length || chosenSpecs.length > 0;
    const playwrightCode = runPlaywright
      ? await run(process.execPath, [path.resolve("node_modules/@playwright/test/cli.js"), "test", ...chosenSpecs], { env: testEnv })
      : 0;

    // The resilience tests start and kill app instances of their own: the two above are done with.
    await second.close();
    await site.close();
    second = site = undefined;
    const resilienceJson = path.join(RESULTS, "vitest-resilience.json");
    const resilienceArgs = [path.resolve("node_modules/vitest/vitest.mjs"), "run", "--project", "resilience", "--reporter=default", "--reporter=json", `--outputFile=${resilienceJson}`, "--passWithNoTests", ...filters];
    const resilienceCode = await run(process.execPath, resilienceArgs, { env: testEnv });

    const counts = [vitestCounts(unitJson), vitestCounts(vitestJson), ...(runPlaywright ? [playwrightCounts(path.join(RESULTS, "playwright.json"))] : []), vitestCounts(resilienceJson)];
    const totals = counts.reduce((a, b) => ({
      passed: a.passed + b.passed,
      failed: a.failed + b.failed,
      skipped: a.skipped + b.skipped,
    }));
    console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
    return unitCode === 0 && vitestCode === 0 && playwrightCode === 0 && resilienceCode === 0 && totals.failed === 0 ? 0 : 1;
  } finally {
    await second?.close();
    await site?.close();
    await database.drop().catch((error: unknown) => console.error(`[test] could not drop the test database: ${error}`));
    fs.rmSync(mediaDir, { recursive: true, force: true });
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(`[test] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
