import "server-only";
import { queueRowsByIds, type QueueRow } from "@/lib/wire-desk/queue-row";

// Every open desk hears of every item arriving: one query per process fetches the rows they were
// told of in the last 50 ms, however many desks are open, and each desk picks what it shows.
const GATHER_MS = 50;

/** A row, null for an item gone, or "unreadable": the database could not answer now (the desk should refetch). */
export type LoadedRow = QueueRow | null | "unreadable";

let waiting = new Map<string, ((row: LoadedRow) => void)[]>();
let timer: NodeJS.Timeout | null = null;

async function flush() {
  const batch = waiting;
  waiting = new Map();
  timer = null;
  let rows: QueueRow[] | null = null;
  try {
    rows = await queueRowsByIds([...batch.keys()]);
  } catch {
    // The database could not answer now: each desk is told to refetch rather than miss the item.
  }
  const byId = new Map((rows ?? []).map((row) => [row.id, row]));
  for (const [id, resolvers] of batch) for (const resolve of resolvers) resolve(rows ? (byId.get(id) ?? null) : "unreadable");
}

/** The queue row of an item, fetched with the others asked for at about the same time. */
export function loadQueueRowSoon(id: string): Promise<LoadedRow> {
  return new Promise((resolve) => {
    const resolvers = waiting.get(id) ?? [];
    resolvers.push(resolve);
    waiting.set(id, resolvers);
    timer ??= setTimeout(() => void flush(), GATHER_MS);
  });
}
