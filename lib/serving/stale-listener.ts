import pg from "pg";
import { ALL_KEY, STALE_PAGES_CHANNEL } from "@/lib/cache/surrogate-keys";

/** The surrogate keys a change made stale (lib/outbox/reader-change.ts), or "all": changes may have gone unheard. */
export type StaleNotice = string[] | "all";

/** A notice's keys; one that cannot be read purges everything (ALL_KEY), as the safe reading. */
export function parseStaleNotice(payload: string): string[] {
  try {
    const value = JSON.parse(payload) as { keys?: unknown };
    if (!Array.isArray(value.keys) || value.keys.length === 0) return [ALL_KEY];
    return value.keys.map(String);
  } catch {
    return [ALL_KEY];
  }
}

export type StaleListener = {
  /** Resolves once every notification committed before the call has been handled (or after 2 s). */
  sync: () => Promise<void>;
  /** Whether changes are being heard right now. */
  listening: () => boolean;
  close: () => Promise<void>;
};

/**
 * Hears which reader responses went stale, from any process on the database. Changes made while
 * the connection was down went unheard: every page is marked stale when it drops and again when
 * it comes back (each is made anew on its next request, and kept only if that fails).
 */
export async function listenForStalePages(options: {
  databaseUrl: string;
  onStale: (notice: StaleNotice) => void;
  log?: (line: string) => void;
}): Promise<StaleListener> {
  const { onStale, log = () => {} } = options;
  let client: pg.Client | null = null;
  let closed = false;
  // Tried again soon: until it is back, kept pages are served as they are (lib/serving/page-cache.ts),
  // and the first change after an outage must reach readers within a second.
  const RECONNECT_MS = 250;
  let syncing: Promise<void> = Promise.resolve();
  const connect = async (): Promise<void> => {
    // keepAlive: a connection dropped silently (a NAT, a failover) errors out instead of going deaf.
    const next = new pg.Client({ connectionString: options.databaseUrl, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    next.on("notification", (message) => {
      if (message.channel === STALE_PAGES_CHANNEL) onStale(parseStaleNotice(message.payload ?? ""));
    });
    next.on("error", (error) => {
      log(`page cache lost its database connection (${error.message}); reconnecting`);
      client = null;
      onStale("all");
      void next.end().catch(() => {});
      if (!closed) setTimeout(() => void connect().catch(retry), RECONNECT_MS);
    });
    await next.connect();
    await next.query(`LISTEN ${STALE_PAGES_CHANNEL}`);
    client = next;
    onStale("all");
  };
  const retry = (error: Error) => {
    log(`page cache could not listen for changes (${error.message}); retrying`);
    if (!closed) setTimeout(() => void connect().catch(retry), RECONNECT_MS);
  };
  await connect();
  return {
    // A round trip on the listening connection: Postgres sends a session its notifications before
    // the reply, so afterwards every change committed before the call has been applied.
    // Round trips are chained, one at a time on the connection; each starts after the caller's
    // change was committed, so it is never answered before that change's notification.
    sync: () => {
      const roundTrip = syncing.then(() => client?.query("SELECT 1"));
      // A connection that does not answer must not hold up the writes waiting behind it.
      syncing = Promise.race([roundTrip, new Promise((resolve) => setTimeout(resolve, 2000).unref())]).then(
        () => {},
        () => {},
      );
      return syncing;
    },
    listening: () => client !== null,
    close: async () => {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}
