import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "./migrate";
import { buildIfNeeded } from "./build-site";
import { seedBench, WORDS } from "./bench/seed";
import { hasWrk, runLoad, type LoadResult } from "./bench/load";
import { benchEnv, startBenchSite as startSite, startNginx } from "./bench/site";
import { hasVarnish, startVarnish } from "./support/varnish";
import { SYSTEM } from "../lib/auth/permissions";

// npm run bench — the reader side and the newsroom list under load, at BENCH_STORIES stories
// (default 100,000; BENCH_STORIES=1000000 for the million), on a database of its own
// (BENCH_DATABASE_URL, else `dateline_bench` on DATABASE_URL's server or the local one).
// Prints requests/s, p50/p95/p99 and errors per scenario, SQL queries per article render, the
// server's peak memory, and nginx serving the same article as a static file, side by side.
// `npm run bench -- --seed-only` fills the database and stops (a million takes about 40 minutes).

const log = (line: string) => console.log(`[bench] ${line}`);
const STORIES = Number(process.env.BENCH_STORIES ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
// Varnish's settings for the cached-article run (varnishd -p). Its defaults: on 2 cores, larger
// thread pools, one pool, a bigger client workspace and most of the shared-memory log masked each
// measured within 5% of them (README, performance).
const VARNISH_SETTINGS: Record<string, Record<string, string>> = { "default settings": {} };

function benchDatabaseUrl(): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const url = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  url.pathname = "/dateline_bench";
  return url.toString();
}

async function ensureDatabase(url: string) {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}

/** A process and all its descendants (the front's cluster workers, Next). */
function processTree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    // gone already
  }
  return [pid, ...children.flatMap(processTree)];
}

// CPU time by process, read from /proc before and after each run: where a request's time goes,
// split between the front(s), Next and Postgres (whatever is left is the load generator's).
const CLOCK_TICKS = 100;
type CpuShare = { front: number; next: number; postgres: number };

/** A process's CPU seconds; with `exitedChildren`, also those of its children that have exited. */
function cpuSeconds(pid: number, exitedChildren = false): number {
  try {
    // Fields after the parenthesised command name: utime, stime, cutime, cstime are the 12th to 15th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ").map(Number);
    return (fields[11] + fields[12] + (exitedChildren ? fields[13] + fields[14] : 0)) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

function postgresPids(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres";
      } catch {
        return false;
      }
    });
}

function cpuNow(sitePid: number): CpuShare {
  const share: CpuShare = { front: 0, next: 0, postgres: 0 };
  for (const pid of processTree(sitePid)) share[/next-server|next\/dist\/bin\/next/.test(commandLine(pid)) ? "next" : "front"] += cpuSeconds(pid);
  // A connection's backend that exits takes its CPU time to the postmaster's count of exited children.
  for (const pid of postgresPids()) share.postgres += cpuSeconds(pid, true);
  return share;
}

/** Peak resident memory (VmHWM) of a process, in MB. */
function peakRssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

function wireItems(count: number): string[] {
  const dir = path.resolve("prisma/seed/wire");
  const samples = fs.readdirSync(dir).filter((name) => name.endsWith(".txt")).map((name) => fs.readFileSync(path.join(dir, name), "utf8"));
  const stamp = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const lines = samples[i % samples.length].trimEnd().split("\n");
    lines.splice(2, 0, `Bench run ${stamp} item ${i} keeps this copy distinct.`);
    return lines.join("\n");
  });
}

async function ingestBurst(baseUrl: string, authorization: string, count: number, concurrency: number): Promise<LoadResult> {
  const items = wireItems(count);
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const body = items[next++];
        const t = performance.now();
        const response = await fetch(`${baseUrl}/api/v1/wire`, { method: "POST", headers: { authorization, "content-type": "text/plain" }, body });
        await response.arrayBuffer();
        latencies.push(performance.now() - t);
        if (response.status !== 201) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return { requestsPerSecond: count / seconds, p50: at(50), p95: at(95), p99: at(99), errors, requests: count, tool: "fetch" };
}

async function main() {
  const databaseUrl = benchDatabaseUrl();
  log(`database: ${new URL(databaseUrl).pathname.slice(1)} on ${new URL(databaseUrl).host}; ${STORIES.toLocaleString("en-US")} stories; ${SECONDS} s per run at ${CONNECTIONS} connections; load by ${hasWrk() ? "wrk" : "autocannon"}`);
  await ensureDatabase(databaseUrl);
  await migrate(databaseUrl, log);
  process.env.DATABASE_URL = databaseUrl;

  const { db } = await import("../lib/db");
  const { createUser } = await import("../lib/users/create-user");
  const { createApiKey } = await import("../lib/users/create-api-key");
  const email = "bench-editor@bench.dateline.local";
  const editor =
    (await db.user.findUnique({ where: { email }, select: { id: true } })) ??
    (await createUser({ actor: SYSTEM, input: { email, role: "editor", name: "Bench Editor", password: `bench-${Date.now()}-password` } }));
  const { key } = await createApiKey({ actor: SYSTEM, input: { email } });
  const authorization = `Bearer ${key}`;

  await seedBench({ databaseUrl, stories: STORIES, editorId: editor.id, log });
  if (process.argv.includes("--seed-only")) {
    await db.$disconnect();
    return;
  }

  // SQL per article render, counted on a client of this process's own.
  const { getLiveStory } = await import("../lib/reader/get-live-story");
  const newest = await db.story.findFirst({ where: { status: "published" }, orderBy: { publishedAt: "desc" }, select: { slug: true } });
  const counted = new pg.Client({ connectionString: databaseUrl });
  await counted.connect();
  let sqlPerArticle = 0;
  await getLiveStory({ query: (text, values) => (sqlPerArticle++, counted.query(text, values)) }, newest!.slug);
  await counted.end();

  const sample = (sql: string) => db.$queryRawUnsafe<{ slug: string }[]>(sql).then((rows) => rows.map((row) => row.slug));
  // Enough distinct articles that no run comes back to one it has already visited (and cached).
  const articleSlugs = await sample(`SELECT slug FROM "Story" WHERE status = 'published' ORDER BY random() LIMIT 200000`);
  const tagSlugs = await sample(`SELECT slug FROM "Tag" WHERE slug LIKE 'bench-tag-%' ORDER BY random()`);
  // Older tag pages as a crawler walks them: any story of a tag is the cursor of the page after it.
  const { encodeCursor } = await import("../lib/pagination");
  const olderTagPages = (
    await db.$queryRawUnsafe<{ slug: string; at: Date; storyId: string }[]>(
      `SELECT t.slug, st."livePublishedAt" AS at, st."storyId" FROM "StoryTag" st TABLESAMPLE SYSTEM (5) JOIN "Tag" t ON t.id = st."tagId"
       WHERE st."livePublishedAt" IS NOT NULL
         -- A tag's oldest story has no page after it (a 404): not a page a crawler would be led to.
         AND EXISTS (SELECT 1 FROM "StoryTag" o WHERE o."tagId" = st."tagId" AND o."livePublishedAt" < st."livePublishedAt")
       LIMIT 100000`,
    )
  ).map((row) => `/tags/${row.slug}/page/${encodeCursor(row.at, row.storyId)}`);
  await db.$disconnect();

  const env = benchEnv();
  await buildIfNeeded({ env, distDir: ".next-bench", databaseIdentity: "bench", log });
  const site = await startSite(env);
  log(`site up at ${site.url}`);

  const results: { name: string; connections: number; result: LoadResult; cpu?: CpuShare; note?: string }[] = [];
  const scenario = async (
    name: string,
    paths: string[],
    options: { warm?: boolean; authorization?: string; note?: string; connections?: number; firstVisits?: boolean } = {},
  ) => {
    if (options.warm) for (const p of paths.slice(0, 5)) await fetch(`${site.url}${p}`, { headers: options.authorization ? { authorization: options.authorization } : {} });
    const connections = options.connections ?? CONNECTIONS;
    const before = cpuNow(site.child.pid!);
    const result = await runLoad({ baseUrl: site.url, paths, seconds: SECONDS, connections, authorization: options.authorization });
    const after = cpuNow(site.child.pid!);
    const perRequest = (key: keyof CpuShare) => ((after[key] - before[key]) * 1000) / Math.max(1, result.requests);
    const cpu = { front: perRequest("front"), next: perRequest("next"), postgres: perRequest("postgres") };
    // A first-visit run that came round to pages it had visited found them cached: say how many.
    const repeats = options.firstVisits && result.requests > paths.length ? `; ${result.requests - paths.length} repeat visits` : "";
    results.push({ name, connections, result, cpu, note: (options.note ?? "") + repeats });
    log(`${name} at ${connections}: ${Math.round(result.requestsPerSecond).toLocaleString("en-US")} req/s, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, errors ${result.errors}`);
  };
  // What is not cached, also one request at a time: the time one request takes, without queueing
  // behind 63 others on two cores. Each run gets pages of its own, so none was cached by another.
  const halves = <T>(list: T[]) => [list.slice(0, Math.floor(list.length / 2)), list.slice(Math.floor(list.length / 2))];

  const cachedArticle = `/stories/${articleSlugs[0]}`;
  const articleHtml = await (await fetch(`${site.url}${cachedArticle}`)).text();
  await scenario("article, cached", [cachedArticle], { warm: true });
  // The same article kept by Varnish before the site (deploy/varnish/default.vcl).
  if (hasVarnish()) {
    for (const [label, parameters] of Object.entries(VARNISH_SETTINGS)) {
      const varnish = await startVarnish({ backendPort: Number(new URL(site.url).port), storageMb: 256, parameters });
      for (let i = 0; i < 3; i++) await (await fetch(`${varnish.url}${cachedArticle}`)).arrayBuffer();
      const kept = (await fetch(`${varnish.url}${cachedArticle}`)).headers.get("x-cache");
      if (kept !== "HIT") log(`Varnish answers the article with X-Cache: ${kept}, not from its cache: the figure below is not Varnish's own`);
      const result = await runLoad({ baseUrl: varnish.url, paths: [cachedArticle], seconds: SECONDS, connections: CONNECTIONS });
      await varnish.stop();
      results.push({ name: `article, cached by Varnish (${label})`, connections: CONNECTIONS, result, note: Object.entries(parameters).map(([name, value]) => `${name}=${value}`).join(" ") });
      log(`Varnish (${label}): ${Math.round(result.requestsPerSecond).toLocaleString("en-US")} req/s, p99 ${result.p99.toFixed(1)} ms, errors ${result.errors}`);
    }
  }
  const [articlesLoaded, articlesAlone] = halves(articleSlugs.slice(1).map((slug) => `/stories/${slug}`));
  await scenario("article, uncached (first visits)", articlesLoaded, { firstVisits: true, note: "distinct articles, each made from one SQL query" });
  await scenario("article, uncached (first visits)", articlesAlone, { firstVisits: true, connections: 1, note: "one at a time" });
  await scenario("home page", ["/"], { warm: true });
  await scenario("tag page, largest tag, cached", ["/tags/bench-tag-1"], { warm: true });
  const tagPages = [...tagSlugs.map((slug) => `/tags/${slug}`), ...olderTagPages].sort(() => Math.random() - 0.5);
  const [tagsLoaded, tagsAlone] = halves(tagPages);
  await scenario("tag pages, uncached (first visits)", tagsLoaded, { firstVisits: true, note: "first and older pages of 2,000 tags" });
  await scenario("tag pages, uncached (first visits)", tagsAlone, { firstVisits: true, connections: 1, note: "one at a time" });
  const words = ["minister", "election", "monsoon flood", "cricket captain", "supreme court", "oil prices", "satellite launch", "moscow", "railway"];
  const searches = words.map((w) => `/search?q=${encodeURIComponent(w)}`);
  await scenario("search, 9 popular queries", searches, { warm: true, note: "cached until the next publish" });
  // Two words of the seeded text each, every query asked once: each is ranked and highlighted afresh.
  const distinct = WORDS.flatMap((a, i) => WORDS.slice(i + 1).map((b) => `/search?q=${encodeURIComponent(`${a} ${b}`)}`)).sort(() => Math.random() - 0.5);
  const [searchesLoaded, searchesAlone] = halves(distinct);
  await scenario("search, distinct queries", searchesLoaded, { firstVisits: true, note: "ranked, with snippets" });
  await scenario("search, distinct queries", searchesAlone, { firstVisits: true, connections: 1, note: "one at a time" });
  await scenario("RSS feed", ["/feed.xml"], { warm: true });
  const adminLists = ["/api/v1/stories?limit=20", "/api/v1/stories?status=published&limit=20", "/api/v1/stories?tag=bench-tag-1&limit=20", "/api/v1/stories?q=minister&limit=20"];
  await scenario("admin story list (API)", adminLists, { authorization, note: "newest changed first, filters" });
  await scenario("admin story list (API)", adminLists, { authorization, connections: 1, note: "one at a time" });
  const burst = await ingestBurst(site.url, authorization, Number(process.env.BENCH_WIRE_ITEMS ?? 500), 16);
  results.push({ name: "wire ingest burst (POST /api/v1/wire)", connections: 16, result: burst, note: "16 at a time" });
  log(`wire ingest: ${Math.round(burst.requestsPerSecond)} items/s`);

  const tree = processTree(site.child.pid!);
  const rss = tree.reduce((sum, pid) => sum + peakRssMb(pid), 0);
  const rssNext = peakRssMb(site.nextPid);
  const rssEach = tree.map((pid) => `${pid === site.nextPid ? "Next" : /front-worker/.test(commandLine(pid)) ? "front" : "primary"} ${Math.round(peakRssMb(pid))}`).join(", ");
  site.child.kill("SIGTERM");

  const nginx = await startNginx([{ name: "article.html", type: "text/html", bytes: Buffer.from(articleHtml) }]);
  let nginxResult: LoadResult | null = null;
  if (nginx) {
    nginxResult = await runLoad({ baseUrl: nginx.url, paths: ["/article.html"], seconds: SECONDS, connections: CONNECTIONS });
    nginx.stop();
  }

  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`\nDateline benchmark, ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${STORIES.toLocaleString("en-US")} stories; ${SECONDS} s each (${results[0].result.tool})\n`);
  console.log("| scenario | connections | req/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/request: front · Next · Postgres | note |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
  const cpuColumn = (cpu?: CpuShare) => (cpu ? `${cpu.front.toFixed(2)} · ${cpu.next.toFixed(2)} · ${cpu.postgres.toFixed(2)}` : "");
  const row = (name: string, connections: number, r: LoadResult, note = "", cpu?: CpuShare) =>
    console.log(`| ${name} | ${connections} | ${Math.round(r.requestsPerSecond).toLocaleString("en-US")} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${cpuColumn(cpu)} | ${note} |`);
  for (const { name, connections, result, cpu, note } of results) row(name, connections, result, note, cpu);
  if (nginxResult) {
    const share = (r: LoadResult) => `${((r.requestsPerSecond / nginxResult!.requestsPerSecond) * 100).toFixed(1)}%`;
    const varnishShares = results.filter((each) => each.name.startsWith("article, cached by Varnish")).map((each) => `${each.name.slice("article, cached by ".length)} ${share(each.result)}`);
    row("nginx, same article as a static file", CONNECTIONS, nginxResult, [`ours cached: ${share(results[0].result)} of nginx`, ...varnishShares].join("; "));
  } else {
    console.log("| nginx | – | – | – | – | – | – | – | not installed (apt-get install nginx) |");
  }
  console.log(`\nSQL queries per article render: ${sqlPerArticle}`);
  console.log(`Peak memory of the site (VmHWM summed over ${tree.length} processes): ${Math.round(rss)} MB, of which Next ${Math.round(rssNext)} MB (${rssEach} MB)`);
  console.log(`Article page size: ${(Buffer.byteLength(articleHtml) / 1024).toFixed(1)} KB`);
}

main().catch((error) => {
  console.error(`[bench] ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
