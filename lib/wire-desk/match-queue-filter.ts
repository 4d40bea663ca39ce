import type { QueueRow } from "@/lib/wire-desk/queue-row";
import type { QueueFilter } from "@/lib/wire-desk/schemas";

// The desk's live list decides in the browser whether a row the stream pushes belongs on it, as
// listWireQueue's SQL would have decided (lib/wire-desk/list-wire-queue.ts filterSql): the two
// must agree, or a row would appear live and vanish on reload. Pure, so the browser can run it.

const same = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();

/**
 * Whether the queue filtered by `filter` shows `row`. The text query `q` is not judged here: its
 * words are matched by PostgreSQL's text search, which the browser cannot repeat exactly, so a
 * desk searching for words refetches its first page instead (see `needsRefetch`).
 */
export function matchesQueueFilter(row: QueueRow, filter: QueueFilter): boolean {
  if (filter.state ? row.state !== filter.state : row.state === "dismissed") return false;
  if (filter.agency && !same(row.agency, filter.agency)) return false;
  if (filter.priority && row.priority !== filter.priority) return false;
  if (filter.category && !same(row.category, filter.category)) return false;
  if (filter.source && row.source?.id !== filter.source) return false;
  if (filter.desk && row.desk !== filter.desk) return false;
  return true;
}

/** Whether a live row can only be placed by asking the server (a text search is in the filter). */
export const needsRefetch = (filter: QueueFilter) => !!filter.q;
