import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/env";

// The connections that hold sources' poll locks, kept between polls: a watched folder receiving
// 20 files a second is polled several times a second, and a connection opened for each poll (a
// new server process each) cost more than the poll's own queries.
let lockPool: pg.Pool | null = null;
function lockConnections(): pg.Pool {
  if (!lockPool) {
    // allowExitOnIdle: idle lock connections never keep a process (the CLI, a test) from exiting.
    lockPool = new pg.Pool({ connectionString: databaseUrl(), max: 8, idleTimeoutMillis: 30_000, keepAlive: true, allowExitOnIdle: true });
    // An idle connection that dies (a database restart) is replaced on next use.
    lockPool.on("error", () => {});
  }
  return lockPool;
}

const LOCK_KEY = `hashtextextended('wire-source:' || $1, 0)`;

/**
 * Runs `poll` holding the source's advisory lock, on a connection of its own, or answers null at
 * once when another instance holds it (that poll is under way). A session lock, not a job's: it
 * goes with the connection, so an instance killed mid-poll (kill -9, a lost machine) frees the
 * source at once, where a job queue's lock would wait hours to be declared dead. The connection
 * goes back to its pool only once the lock is let go; one that failed is closed, which lets go too.
 */
export async function withSourcePollLock<T>(sourceId: string, poll: () => Promise<T>): Promise<T | null> {
  const client = await lockConnections().connect();
  let broken: Error | undefined;
  const query = async (sql: string) => {
    try {
      return (await client.query<{ locked: boolean }>(sql, [sourceId])).rows[0];
    } catch (error) {
      broken = error as Error;
      throw error;
    }
  };
  try {
    if (!(await query(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS locked`)).locked) return null;
    try {
      return await poll();
    } finally {
      await query(`SELECT pg_advisory_unlock(${LOCK_KEY})`).catch(() => undefined);
    }
  } finally {
    client.release(broken);
  }
}
