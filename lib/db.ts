import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "@/lib/env";

function createClient() {
  const adapter = new PrismaPg({ connectionString: databaseUrl(), max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  const client = new PrismaClient({
    adapter,
    // Secrets never leave the data layer unless a query asks for them by name.
    omit: { user: { passwordHash: true }, apiKey: { keyHash: true } },
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

export const db = new Proxy({} as Client, {
  get(_target, property) {
    const value = Reflect.get(client(), property);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});

export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
