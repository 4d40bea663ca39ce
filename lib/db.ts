import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { readReplicas } from "@prisma/extension-read-replicas";
import { databasePoolSettings, databaseReplicaUrls, databaseUrl } from "@/lib/env";
import { asUnavailableError } from "@/lib/database-unavailable";

// How long a write waits, at most, for each thing it needs. A write that cannot have them in time
// is answered 503 with Retry-After (lib/database-unavailable.ts), having changed nothing.
/**
 * For a connection of the writers' pool (every write is a transaction, and begins with this).
 * pg's own timeout is the bound: Prisma's maxWait only notices afterwards that it was exceeded,
 * once a connection has come, so it is set beyond this one and never fires first.
 */
const WRITE_CONNECT_TIMEOUT_MS = 5_000;
const TRANSACTION_MAX_WAIT_MS = WRITE_CONNECT_TIMEOUT_MS + 2_000;
/** For a row lock (a story another command is changing): longer than the above, so a write queued behind a lock is not the one given up on first. */
const LOCK_TIMEOUT_MS = 10_000;
/** For the whole transaction. */
const TRANSACTION_TIMEOUT_MS = 20_000;
/** For a connection of the readers' pool, outside transactions. */
const READ_CONNECT_TIMEOUT_MS = 10_000;

/**
 * Two pools behind one client. Prisma's pg adapter runs a transaction on a connection it takes with
 * `connect()`, and any other query with `query()`: this pool serves the first from its own
 * connections and hands the second to a pool of readers. So however many reads are waiting (feeds,
 * sitemaps, newsroom lists under load), a write never queues behind them for a connection.
 */
class WritersFirstPool extends pg.Pool {
  constructor(
    config: pg.PoolConfig,
    private readonly readers: pg.Pool,
  ) {
    super(config);
  }

  query(...args: unknown[]): never {
    return (this.readers.query as (...args: unknown[]) => never).apply(this.readers, args);
  }

  async end(): Promise<void> {
    await Promise.all([super.end(), this.readers.end()]);
  }
}

// Secrets never leave the data layer unless a query asks for them by name.
const OMIT = { user: { passwordHash: true }, apiKey: { keyHash: true } } as const;

function createClient() {
  const connectionString = databaseUrl();
  const { readers, writers } = databasePoolSettings();
  const readerPool = new pg.Pool({ connectionString, max: readers, connectionTimeoutMillis: READ_CONNECT_TIMEOUT_MS });
  // An idle connection that dies (a database restart) is replaced on next use; unheard, its error
  // would end the process (both pools: the writers' idle connections die the same way).
  readerPool.on("error", () => {});
  const pool = new WritersFirstPool(
    { connectionString, max: writers, connectionTimeoutMillis: WRITE_CONNECT_TIMEOUT_MS, lock_timeout: LOCK_TIMEOUT_MS },
    readerPool,
  );
  pool.on("error", () => {});
  const client = new PrismaClient({
    adapter: new PrismaPg(pool),
    transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS },
    omit: OMIT,
    // DATELINE_LOG_SQL=1 prints every query; DATELINE_SQL_EVENTS=1 only emits them (tests count them).
    log: process.env.DATELINE_LOG_SQL === "1" || process.env.DATELINE_SQL_EVENTS === "1" ? [{ emit: "event", level: "query" }] : [],
  });
  if (process.env.DATELINE_LOG_SQL === "1") {
    client.$on("query" as never, (event: { query: string; duration: number }) => {
      console.log(`[sql] ${event.duration}ms ${event.query}`);
    });
  }
  return client;
}

type Client = ReturnType<typeof createClient>;
const globalForPrisma = globalThis as unknown as { datelinePrisma?: Client };

// One client per process, made on first use (so importing this module needs no database) and
// cached on globalThis so dev-server reloads do not open new pools.
function client(): Client {
  return (globalForPrisma.datelinePrisma ??= createClient());
}

/**
 * `$transaction` as Prisma's, except that a transaction the database could not take (no connection
 * in time, a lock held too long, the server gone) fails as a 503 AppError, which the API answers
 * with Retry-After and the newsroom's actions show as a message, like any refusal.
 */
const transaction = ((...args: unknown[]) =>
  (client().$transaction as (...args: unknown[]) => Promise<unknown>).apply(client(), args).catch((error: unknown) => {
    throw asUnavailableError(error) ?? error;
  })) as Client["$transaction"];

export const db = new Proxy({} as Client, {
  get(_target, property) {
    if (property === "$transaction") return transaction;
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});

export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];

/** A client on one replica: readers' pool only (nothing is written there). */
function replicaClient(connectionString: string): Client {
  const pool = new pg.Pool({ connectionString, max: databasePoolSettings().readers, connectionTimeoutMillis: READ_CONNECT_TIMEOUT_MS });
  pool.on("error", () => {});
  return new PrismaClient({ adapter: new PrismaPg(pool), omit: OMIT }) as Client;
}

function createReaderClient() {
  const urls = databaseReplicaUrls();
  if (urls.length === 0) return null;
  // Prisma's read-replicas extension picks a replica for each query ($replica()); the primary
  // client is what it extends, for anything it is not given.
  return client().$extends(readReplicas({ replicas: urls.map(replicaClient) as never }));
}

const globalForReaders = globalThis as unknown as { datelineReaders?: ReturnType<typeof createReaderClient> };

function readerClient(): Client {
  const extended = (globalForReaders.datelineReaders ??= createReaderClient());
  return extended ? (extended.$replica() as unknown as Client) : client();
}

/**
 * For what readers see and nothing else (lib/reader: pages, lists, feeds, sitemaps, search): a
 * replica when DATABASE_REPLICA_URL names any, a random one per query; the primary otherwise. A
 * replica may be a moment behind, so anything that must read its own writes (the newsroom, the
 * API's writes, previews) uses `db`; purges wait for the replicas to catch up (lib/db-replicas.ts).
 */
export const readerDb = new Proxy({} as Client, {
  get(_target, property) {
    const target = readerClient();
    const value = Reflect.get(target, property);
    return typeof value === "function" ? value.bind(target) : value;
  },
});
