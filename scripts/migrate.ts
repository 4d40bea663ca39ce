import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { runOrFail } from "./run-command";

const MIGRATIONS_DIR = path.resolve("prisma", "migrations");

/** Migrations in the repo that the database has not applied (all of them on an empty database). */
async function pendingMigrations(url: string): Promise<string[]> {
  const wanted = fs.readdirSync(MIGRATIONS_DIR).filter((name) => fs.existsSync(path.join(MIGRATIONS_DIR, name, "migration.sql")));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query(`SELECT to_regclass('"_prisma_migrations"') AS name`);
    if (!table.rows[0]?.name) return wanted;
    const applied = await client.query(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
    const done = new Set(applied.rows.map((row: { migration_name: string }) => row.migration_name));
    return wanted.filter((name) => !done.has(name));
  } finally {
    await client.end();
  }
}

/**
 * `prisma migrate deploy`, skipped when nothing is pending (the CLI takes ~10 s even then), then
 * graphile-worker's own schema (its job queue, graphile_worker): every change readers can see adds
 * its purge jobs in its own transaction (lib/outbox/reader-change.ts), from any process, so the
 * queue must exist before the first write, not only once a job runner has started.
 */
export async function migrate(url: string, log: (line: string) => void = console.log) {
  const pending = await pendingMigrations(url);
  if (pending.length > 0) {
    log(`Applying ${pending.length} migration(s)…`);
    await runOrFail(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      quiet: true,
    });
  }
  const { runMigrations, Logger } = await import("graphile-worker");
  await runMigrations({ connectionString: url, logger: new Logger(() => () => {}) });
}
