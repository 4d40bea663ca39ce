import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { displayPath, EMBEDDED_DATABASE } from "./embedded-database";

// Versions before the embedded PostgreSQL server kept their database in DATA_DIR/pglite (PGlite:
// Postgres compiled to WebAssembly, in this process). The first start of this version moves that
// data into the server, so an upgrade never starts empty over it:
//  1. the migrations the old database had applied are applied to a new database, in order;
//  2. every table's rows are copied across (as JSON, through json_populate_recordset, foreign-key
//     triggers off for the copy), in one transaction, and the row counts checked;
//  3. the new database takes the app's name, and the old folder is renamed aside (kept, not deleted).
// Migrations the old database had not applied yet run afterwards as on any start, data migrations
// included. A move that fails leaves the old folder as it was and stops the start.

const MIGRATIONS_DIR = path.resolve("prisma", "migrations");
const MOVING = `${EMBEDDED_DATABASE}_moving`;
const MOVED_MARK = "Dateline: moved from an earlier version's .data/pglite";
const BATCH = 500;

// Prisma's own bookkeeping table, as `prisma migrate` creates it; its rows are copied like any table's.
const PRISMA_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

type Old = {
  query: <T>(sql: string, params?: unknown[]) => Promise<{ rows: T[] }>;
  exec: (sql: string) => Promise<unknown>;
  close: () => Promise<void>;
};

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

// Stored columns only: a generated column (the search vector) is computed by the new server itself.
const COLUMNS = `SELECT attname AS name FROM pg_attribute
  WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`;

/** Where the old folder goes once its data has moved. */
const asideName = (dir: string) => path.join(dir, `pglite-moved-${new Date().toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}`);

/**
 * Moves DATA_DIR/pglite into the embedded server's database, if there is such a folder.
 * `adminUrl` is the server's maintenance database (`postgres`); `urlFor` gives any database's URL.
 */
export async function movePgliteData(options: { dir: string; adminUrl: string; urlFor: (database: string) => string; log: (line: string) => void }) {
  const { dir, log } = options;
  const oldDir = path.join(dir, "pglite");
  if (!fs.existsSync(oldDir)) return;
  const shown = displayPath(oldDir);

  const admin = new pg.Client({ connectionString: options.adminUrl });
  await admin.connect();
  try {
    const target = await admin.query<{ mark: string | null }>("SELECT shobj_description(oid, 'pg_database') AS mark FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE]);
    if (target.rowCount) {
      if (target.rows[0].mark === MOVED_MARK) {
        // Moved by a start that stopped before it could rename the folder.
        fs.renameSync(oldDir, asideName(dir));
      } else {
        log(`${shown} (an earlier version's database) was left alone: the embedded PostgreSQL already holds data. To move it instead, stop, delete ${displayPath(path.join(dir, "postgres"))} and start again.`);
      }
      return;
    }

    let old: Old;
    try {
      const { PGlite } = await import("@electric-sql/pglite");
      old = (await PGlite.create(oldDir)) as unknown as Old;
    } catch (error) {
      throw new Error(`could not open ${shown} to move it to the embedded PostgreSQL (${(error as Error).message}); it is untouched: start the previous version and pg_dump its data, or move the folder aside to start empty`);
    }
    try {
      const copied = await copyInto(old, admin, options.urlFor(MOVING));
      await admin.query(`COMMENT ON DATABASE ${quote(MOVING)} IS ${admin.escapeLiteral(MOVED_MARK)}`);
      await admin.query(`ALTER DATABASE ${quote(MOVING)} RENAME TO ${quote(EMBEDDED_DATABASE)}`);
      await old.close();
      const aside = asideName(dir);
      fs.renameSync(oldDir, aside);
      // Where that version's `npm start` told its CLI the port it served PGlite on.
      fs.rmSync(path.join(dir, "embedded-db.json"), { force: true });
      log(`Moved ${copied.rows} rows in ${copied.tables} tables from ${shown} (an earlier version's database) to the embedded PostgreSQL; the old folder is kept as ${displayPath(aside)}`);
    } catch (error) {
      await old.close().catch(() => {});
      throw new Error(`could not move ${shown} to the embedded PostgreSQL (${(error as Error).message}); it is untouched and will be moved on the next start`);
    }
  } finally {
    await admin.end();
  }
}

async function copyInto(old: Old, admin: pg.Client, movingUrl: string): Promise<{ tables: number; rows: number }> {
  const hasMigrations = (await old.query<{ name: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS name`)).rows[0]?.name;
  const applied = hasMigrations
    ? (await old.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`)).rows.map((row) => row.migration_name)
    : [];
  for (const name of applied) {
    if (!fs.existsSync(path.join(MIGRATIONS_DIR, name, "migration.sql"))) throw new Error(`it was migrated by a version this one does not know (migration ${name})`);
  }

  await admin.query(`DROP DATABASE IF EXISTS ${quote(MOVING)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${quote(MOVING)}`);
  const target = new pg.Client({ connectionString: movingUrl });
  await target.connect();
  try {
    // The schema as the old database had it, migration by migration, as `prisma migrate deploy` runs them.
    for (const name of applied) await target.query(fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8"));
    await target.query(PRISMA_MIGRATIONS_TABLE);

    const tables = (await old.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows.map((row) => row.name);
    let rows = 0;
    await target.query("BEGIN");
    // Rows arrive in any order: foreign keys (and any triggers) stay off for this transaction.
    await target.query("SET LOCAL session_replication_role = replica");
    for (const table of tables) {
      const regclass = `public.${quote(table)}`;
      const newColumns = new Set((await target.query<{ name: string }>(COLUMNS, [regclass]).catch(() => ({ rows: [] as { name: string }[] }))).rows.map((row) => row.name));
      if (!newColumns.size) throw new Error(`table ${table} has no place in the new database`);
      const columns = (await old.query<{ name: string }>(COLUMNS, [regclass])).rows.map((row) => row.name).filter((name) => newColumns.has(name));
      const list = columns.map(quote).join(", ");
      await old.exec("BEGIN");
      await old.exec(`DECLARE moving NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM (SELECT ${list} FROM ${quote(table)}) t`);
      for (;;) {
        const batch = (await old.query<{ row: string }>(`FETCH ${BATCH} FROM moving`)).rows;
        if (!batch.length) break;
        await target.query(
          `INSERT INTO ${quote(table)} (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`,
          [`[${batch.map((entry) => entry.row).join(",")}]`],
        );
        rows += batch.length;
      }
      await old.exec("CLOSE moving; COMMIT");
      const [before, after] = await Promise.all([
        old.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table)}`),
        target.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table)}`),
      ]);
      if (before.rows[0].n !== after.rows[0].n) throw new Error(`table ${table}: ${before.rows[0].n} rows, ${after.rows[0].n} copied`);
    }
    // Sequences go on from where they were, so new rows do not collide with moved ones.
    const sequences = (await old.query<{ name: string; value: string | null }>(`SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public'`)).rows;
    for (const sequence of sequences) {
      if (sequence.value !== null) await target.query(`SELECT setval($1, $2::bigint, true)`, [`public.${quote(sequence.name)}`, sequence.value]);
    }
    await target.query("COMMIT");
    return { tables: tables.length, rows };
  } catch (error) {
    await target.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await target.end();
  }
}
