import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/env";

/**
 * Runs `poll` holding the source's advisory lock, on a connection of its own, or answers null at
 * once when another instance holds it (that poll is under way). A session lock, not a job's: it
 * goes with the connection, so an instance killed mid-poll (kill -9, a lost machine) frees the
 * source at once, where a job queue's lock would wait hours to be declared dead.
 */
export async function withSourcePollLock<T>(sourceId: string, poll: () => Promise<T>): Promise<T | null> {
  const client = new pg.Client({ connectionString: databaseUrl(), keepAlive: true });
  // A connection lost while polling ends the lock; the poll's own writes go through the pool.
  client.on("error", () => {});
  await client.connect();
  try {
    const [{ locked }] = (await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(hashtextextended('wire-source:' || $1, 0)) AS locked`, [sourceId])).rows;
    if (!locked) return null;
    return await poll();
  } finally {
    await client.end().catch(() => {});
  }
}
