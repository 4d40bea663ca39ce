import pg from "pg";

// Waiting for streaming replicas (DATABASE_REPLICA_URL) to replay a change before anything that
// would read it back through them is told of it: a cache purged too early is filled again with
// the old copy from a replica that has not caught up, and keeps it.

export class ReplicaBehind extends Error {}

export type ReplicaWatch = {
  /** The primary's current WAL position: every change committed before the call is at or before it. */
  primaryPosition: () => Promise<string>;
  /** Resolves once every replica has replayed up to `lsn`; ReplicaBehind after `timeoutMs`. */
  caughtUp: (lsn: string, timeoutMs?: number) => Promise<void>;
  close: () => Promise<void>;
};

const POLL_MS = 10;

export function watchReplicas(options: { primaryUrl: string; replicaUrls: string[] }): ReplicaWatch {
  // A server that does not answer (dropped packets, not refused connections) fails each try in
  // seconds, so the deadline below holds.
  const settings = { idleTimeoutMillis: 30_000, allowExitOnIdle: true, connectionTimeoutMillis: 2_000, query_timeout: 2_000 };
  const primary = new pg.Pool({ connectionString: options.primaryUrl, max: 1, ...settings });
  const replicas = options.replicaUrls.map((url) => ({ url, pool: new pg.Pool({ connectionString: url, max: 2, ...settings }) }));
  for (const pool of [primary, ...replicas.map((replica) => replica.pool)]) pool.on("error", () => {});
  return {
    primaryPosition: async () => (await primary.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn")).rows[0].lsn,
    caughtUp: async (lsn, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      for (const replica of replicas) {
        for (;;) {
          // NULL: not a standby (replaying nothing), so nothing to wait for.
          const done = await replica.pool.query<{ done: boolean | null }>("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done", [lsn]).then(
            ({ rows }) => rows[0].done !== false,
            () => false,
          );
          if (done) break;
          if (Date.now() > deadline) throw new ReplicaBehind(`the replica at ${new URL(replica.url).host} has not replayed ${lsn} after ${timeoutMs / 1000} s (or cannot be reached)`);
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        }
      }
    },
    close: async () => {
      await Promise.all([primary.end(), ...replicas.map((replica) => replica.pool.end())]);
    },
  };
}
