import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureDatabase, startEmbeddedServer } from "./embedded-database";

export type TestDatabase = { url: string; describe: string; drop: () => Promise<void> };

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]", ""]);

/**
 * A fresh, empty database for one test run: a new database on the server DATABASE_URL names (which
 * must be local: the suite creates and drops databases), or a throw-away embedded one.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    // A server of its own in a temporary folder (which the server's user must be able to enter).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-test-db-"));
    fs.chmodSync(dir, 0o755);
    const server = await startEmbeddedServer({ dir });
    await ensureDatabase(server.urlFor("postgres"), "dateline_test");
    return {
      url: server.urlFor("dateline_test"),
      describe: `embedded PostgreSQL in ${dir} (removed afterwards)`,
      drop: async () => {
        await server.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = new URL(base);
  if (!LOCAL_HOSTS.has(url.hostname) && process.env.DATELINE_TEST_ALLOW_REMOTE !== "1") {
    throw new Error(`refusing to create and drop test databases on ${url.hostname}: DATABASE_URL must point at a local server (or set DATELINE_TEST_ALLOW_REMOTE=1)`);
  }
  const name = `dateline_test_${Date.now()}_${process.pid}`;
  const admin = new URL(base);
  admin.pathname = "/postgres";
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    describe: `PostgreSQL database ${name} on ${admin.host}`,
    drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
