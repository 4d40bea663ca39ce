import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "@/e2e/fixtures/app-process";
import { generateApiKey } from "@/lib/auth/api-key-hash";
import { hashPassword } from "@/lib/auth/passwords";
import { startEmbeddedServer } from "@/scripts/embedded-database";

// An upgrade from a version that kept the embedded database in .data/pglite (PGlite) must not
// start empty: `npm start` moves the data into the embedded PostgreSQL server and renames the old
// folder aside. The folder here is made as that version made it: PGlite, the migrations applied
// then (up to full-text search, which came later, so the move must run that migration on the
// moved rows), and the rows a newsroom leaves.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-pglite-move-"));
fs.chmodSync(dataDir, 0o755);
const oldDir = path.join(dataDir, "pglite");
const MIGRATIONS = path.resolve("prisma", "migrations");
const BEFORE_SEARCH = "20261125040000";
const adminPassword = "Harbour-lights-at-dusk-42";
const { key: writerKey, prefix, keyHash } = generateApiKey();
const apps: AppProcess[] = [];
const ids = { admin: randomUUID(), writer: randomUUID(), live: randomUUID(), draft: randomUUID(), killed: randomUUID(), port: randomUUID(), lisbon: randomUUID() };
let oldCounts: Record<string, number>;

async function makeOldFolder() {
  const old = await PGlite.create(oldDir);
  await old.exec(`CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
  for (const name of fs.readdirSync(MIGRATIONS).filter((entry) => entry < BEFORE_SEARCH && fs.existsSync(path.join(MIGRATIONS, entry, "migration.sql"))).sort()) {
    const sql = fs.readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8");
    await old.exec(sql);
    await old.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`, [randomUUID(), createHash("sha256").update(sql).digest("hex"), name]);
  }
  const hour = 60 * 60 * 1000;
  const published = new Date(Date.now() - 2 * hour);
  await old.query(`INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt") VALUES ($1, 'chief@example.com', 'Chief Editor', $2, 'admin', now()), ($3, 'reporter@example.com', 'Ana Reporter', $4, 'writer', now())`, [ids.admin, await hashPassword(adminPassword), ids.writer, await hashPassword("Reporter-notebook-77")]);
  await old.query(`INSERT INTO "ApiKey" (id, "userId", prefix, "keyHash") VALUES ($1, $2, $3, $4)`, [randomUUID(), ids.writer, prefix, keyHash]);
  await old.query(`INSERT INTO "Tag" (id, name, slug, type, aliases) VALUES ($1, 'Port Authority', 'port-authority', 'organisation', ARRAY['PA']), ($2, 'Lisbon', 'lisbon', 'place', ARRAY[]::text[])`, [ids.port, ids.lisbon]);
  const story = `INSERT INTO "Story" (id, slug, headline, standfirst, body, status, version, byline, agency, "datelineLocation", "datelineCountry", "datelineDate", "publishedAt", "firstPublishedAt", "killedAt", "createdById", "updatedById", "createdAt", "updatedAt")
    VALUES ($1, $2, $3, $4, $5, $6, $7, 'Ana Reporter', 'PTI', 'Lisbon', 'Portugal', $8, $9, $9, $10, $11, $12, $13, $13)`;
  await old.query(story, [ids.live, "harbour-reopens-after-the-storm", "Harbour reopens after the storm", "Fishing boats are back at the quayside.", "<p>Fishing boats returned to the quayside on Monday, their crews counting nets under a sky of quinquereme grey.</p>", "published", 3, published.toISOString().slice(0, 10), published, null, ids.writer, ids.admin, new Date(published.getTime() - hour)]);
  await old.query(story, [ids.draft, "budget-talks-resume", "Budget talks resume", "", "<p>Draft copy.</p>", "draft", 1, null, null, null, ids.writer, ids.writer, published]);
  await old.query(story, [ids.killed, "report-withdrawn", "A report later withdrawn", "", "<p>Withdrawn.</p>", "killed", 4, null, published, new Date(Date.now() - hour), ids.writer, ids.admin, published]);
  await old.query(`INSERT INTO "StoryTag" ("storyId", "tagId", position, "livePublishedAt") VALUES ($1, $2, 0, $4), ($1, $3, 1, $4)`, [ids.live, ids.port, ids.lisbon, published]);
  await old.query(`INSERT INTO "SlugRedirect" (slug, "storyId") VALUES ('harbour-closed-by-storm', $1)`, [ids.live]);
  for (const version of [1, 2, 3]) {
    await old.query(`INSERT INTO "StoryRevision" (id, "storyId", version, snapshot, "authorId") VALUES ($1, $2, $3, $4, $5)`, [randomUUID(), ids.live, version, JSON.stringify({ headline: "Harbour reopens after the storm", version }), ids.writer]);
  }
  await old.query(`INSERT INTO "AuditEntry" (id, action, "actorId", "storyId", detail) VALUES ($1, 'story.publish', $2, $3, '{"from":"draft"}'), ($4, 'story.kill', $2, $5, '{"from":"published"}')`, [randomUUID(), ids.admin, ids.live, randomUUID(), ids.killed]);
  await old.query(`INSERT INTO "StoryCorrection" (id, "storyId", kind, note, "authorId") VALUES ($1, $2, 'correction', 'An earlier version misnamed the harbour master.', $3)`, [randomUUID(), ids.live, ids.admin]);
  oldCounts = await tableCounts((sql) => old.query<{ name: string; n: number }>(sql).then((result) => result.rows));
  await old.close();
}

/** Rows per table of the app's schema, as one query's answer. */
async function tableCounts(query: (sql: string) => Promise<{ name: string; n: number }[]>) {
  const tables = (await query(`SELECT tablename AS name, 0 AS n FROM pg_tables WHERE schemaname = 'public'`)).map((row) => row.name);
  const rows = await query(tables.map((table) => `SELECT '${table}' AS name, count(*)::int AS n FROM "${table}"`).join(" UNION ALL "));
  return Object.fromEntries(rows.map((row) => [row.name, row.n]));
}

async function start(name: string) {
  const app = await startApp({ dataDir, name });
  apps.push(app);
  await app.ready();
  return app;
}

async function signIn(app: AppProcess, email: string, password: string) {
  const csrf = await fetch(`${app.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((entry) => entry.split(";")[0]).join("; ");
  const response = await fetch(`${app.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: app.url },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/admin" }),
  });
  return { status: response.status, location: response.headers.get("location") ?? "" };
}

beforeAll(makeOldFolder);

afterAll(async () => {
  for (const app of apps) await app.cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("an earlier version's .data/pglite", () => {
  it("is moved into the embedded PostgreSQL on the first start, with every row, and the folder kept aside", async () => {
    const app = await start("pglite-move");
    expect(app.log()).toMatch(/Moved \d+ rows in \d+ tables from .*pglite \(an earlier version's database\) to the embedded PostgreSQL; the old folder is kept as .*pglite-moved-/);
    expect(fs.existsSync(oldDir)).toBe(false);
    const aside = fs.readdirSync(dataDir).filter((entry) => entry.startsWith("pglite-moved-"));
    expect(aside).toHaveLength(1);
    // Not taken for an empty database: no demo content on top.
    expect(app.log()).not.toMatch(/Seeded demo stories/);

    // Readers see what they saw before the upgrade.
    const article = await fetch(`${app.url}/stories/harbour-reopens-after-the-storm`);
    expect(article.status).toBe(200);
    const html = await article.text();
    expect(html).toContain("Harbour reopens after the storm");
    expect(html).toContain("misnamed the harbour master");
    const moved = await fetch(`${app.url}/stories/harbour-closed-by-storm`, { redirect: "manual" });
    expect([moved.status, moved.headers.get("location")]).toEqual([301, "/stories/harbour-reopens-after-the-storm"]);
    expect((await fetch(`${app.url}/stories/report-withdrawn`)).status).toBe(410);
    expect((await fetch(`${app.url}/stories/budget-talks-resume`)).status).toBe(404);
    expect(await (await fetch(`${app.url}/tags/port-authority`)).text()).toContain("Harbour reopens after the storm");
    // Full-text search came after that version: its migration ran on the moved rows.
    expect(await (await fetch(`${app.url}/search?q=quinquereme`)).text()).toContain("Harbour reopens after the storm");

    // Every table holds exactly the rows it held (the migration bookkeeping gained the one migration run since).
    const server = await startEmbeddedServer({ dir: dataDir, shared: true });
    const client = new pg.Client({ connectionString: server.urlFor("dateline") });
    await client.connect();
    const newCounts = await tableCounts((sql) => client.query<{ name: string; n: number }>(sql).then((result) => result.rows));
    await client.end();
    const { _prisma_migrations: migrationsBefore, ...before } = oldCounts;
    const { _prisma_migrations: migrationsAfter, ...after } = newCounts;
    expect(after).toMatchObject(before);
    expect(migrationsAfter).toBeGreaterThan(migrationsBefore);

    // The newsroom keeps its keys and passwords.
    const draft = await fetch(`${app.url}/api/v1/stories/${ids.draft}`, { headers: { authorization: `Bearer ${writerKey}` } });
    expect(draft.status).toBe(200);
    expect(((await draft.json()) as { headline: string }).headline).toBe("Budget talks resume");
    const signedIn = await signIn(app, "chief@example.com", adminPassword);
    expect(signedIn.status).toBe(302);
    expect(signedIn.location).not.toMatch(/error/i);
    expect((await app.stop()).code).toBe(0);
  });

  it("is not moved again: the next start serves the moved data", async () => {
    const app = await start("pglite-move-again");
    expect(app.log()).not.toMatch(/Moved \d+ rows/);
    expect((await fetch(`${app.url}/stories/harbour-reopens-after-the-storm`)).status).toBe(200);
    expect((await app.stop()).code).toBe(0);
  });
});
