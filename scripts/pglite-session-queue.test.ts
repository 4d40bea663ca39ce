import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "./embedded-database";

let database: EmbeddedDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await startEmbeddedDatabase({ dataDir: "memory://" });
  pool = new pg.Pool({ connectionString: database.url, max: 8 });
  await pool.query("CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)");
  await pool.query("INSERT INTO counter VALUES (1, 0)");
}, 30_000);

afterAll(async () => {
  await pool.end();
  await database.stop();
});

describe("the embedded database shared by many connections", () => {
  it("answers every connection with its own rows while they query at once", async () => {
    const mismatches: string[] = [];
    await Promise.all(
      Array.from({ length: 12 }, async (_, worker) => {
        for (let i = 0; i < 40; i++) {
          const n = worker * 1000 + i;
          // A distinct literal per query: a reply meant for another connection cannot match.
          const padding = "x".repeat((worker % 4) * 4000);
          const result = await pool.query(`SELECT ${n} AS n, length($1::text) AS padding`, [padding]);
          if (Number(result.rows[0].n) !== n) mismatches.push(`${n} got ${result.rows[0].n}`);
        }
      }),
    );
    expect(mismatches).toEqual([]);
  }, 60_000);

  it("keeps transactions whole while other connections query", async () => {
    const increments = Array.from({ length: 10 }, async () => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const { rows } = await client.query("SELECT n FROM counter WHERE id = $1", [1]);
        await client.query("UPDATE counter SET n = $1 WHERE id = $2", [rows[0].n + 1, 1]);
        await client.query("COMMIT");
      } finally {
        client.release();
      }
    });
    const readers = Array.from({ length: 10 }, () => pool.query("SELECT $1::int AS echo", [7]));
    await Promise.all([...increments, ...readers]);
    expect((await pool.query("SELECT n FROM counter WHERE id = 1")).rows[0].n).toBe(10);
  }, 60_000);
});
