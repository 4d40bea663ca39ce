import "server-only";
import { queueRowsByIds, type QueueRow } from "@/lib/wire-desk/queue-row";

// Every open desk hears of every item arriving: one query per process fetches the rows they were
// told of in the last 50 ms, however many desks are open, and each desk picks what it shows.
const GATHER_MS = 50;

let waiting = new Map<string, ((row: QueueRow | null) => void)[]>();
let timer: NodeJS.Timeout | null = null;

async function flush() {
  const batch = waiting;
  waiting = new Map();
  timer = null;
  let rows: QueueRow[] = [];
  try {
    rows = await queueRowsByIds([...batch.keys()]);
  } catch {
    // The database is away: the desks are told nothing now, and resync when the stream returns.
  }
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const [id, resolvers] of batch) for (const resolve of resolvers) resolve(byId.get(id) ?? null);
}

/** The queue row of an item, fetched with the others asked for at about the same time (null: gone, or unreadable now). */
export function loadQueueRowSoon(id: string): Promise<QueueRow | null> {
  return new Promise((resolve) => {
    const resolvers = waiting.get(id) ?? [];
    resolvers.push(resolve);
    waiting.set(id, resolvers);
    timer ??= setTimeout(() => void flush(), GATHER_MS);
  });
}
