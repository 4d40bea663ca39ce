import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startApp, type AppProcess } from "@/e2e/fixtures/app-process";
import { createTestDatabase, type TestDatabase } from "@/scripts/test-database";

// With DATABASE_URL (a production database, say), `npm start` on an empty database must not make
// demo users with known e-mail addresses or publish demo stories: only with DEMO_CONTENT=1. (The
// embedded default seeds them: e2e/resilience/embedded-load.test.ts starts on that.)

const apps: AppProcess[] = [];
let database: TestDatabase;

afterAll(async () => {
  for (const app of apps) await app.cleanup();
  await database?.drop();
});

async function counts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ users: number; stories: number; published: number }>(
      `SELECT (SELECT count(*)::int FROM "User") AS users, (SELECT count(*)::int FROM "Story") AS stories,
              (SELECT count(*)::int FROM "Story" WHERE status = 'published') AS published`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

async function serve(env: Record<string, string> = {}) {
  const app = await startApp({ databaseUrl: database.url, env, name: "demo-content" });
  apps.push(app);
  await app.ready();
  return app;
}

describe("demo content on a server database", () => {
  it("is not created on an empty database unless DEMO_CONTENT=1", async () => {
    database = await createTestDatabase();

    const plain = await serve();
    expect(await counts(database.url)).toEqual({ users: 0, stories: 0, published: 0 });
    expect(plain.log()).not.toMatch(/Seeded demo stories/);
    // Says how to make the first user instead.
    expect(plain.log()).toMatch(/The database has no users: create one with `npm run --silent cli -- user create/);
    const home = await (await fetch(`${plain.url}/`)).text();
    expect(home).not.toMatch(/href="\/stories\//);
    expect((await plain.stop()).code).toBe(0);

    const demo = await serve({ DEMO_CONTENT: "1" });
    expect(demo.log()).toMatch(/Seeded demo stories and one user per role/);
    expect(demo.log()).toMatch(/admin@dateline\.local {2}password: \S+/);
    const seeded = await counts(database.url);
    expect(seeded.users).toBe(3);
    expect(seeded.published).toBeGreaterThan(0);
    expect(await (await fetch(`${demo.url}/`)).text()).toMatch(/href="\/stories\//);
    expect((await demo.stop()).code).toBe(0);
  });

  it("refuses a DEMO_CONTENT that is neither 1 nor 0, naming it", async () => {
    const app = await startApp({ databaseUrl: database.url, env: { DEMO_CONTENT: "yes" }, name: "demo-content-invalid" });
    apps.push(app);
    expect((await app.exited).code).toBe(1);
    expect(app.log()).toMatch(/DEMO_CONTENT must be 1 or 0/);
  });
});
