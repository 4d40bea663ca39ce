import type { QueueRow } from "@/lib/wire-desk/queue-row";

// How a queue row reads, in words, for the desk's rows, its panel and its announcements. Plain
// functions, shared by the server's first page and the browser's live rows.

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** "ANI", "ANI · 3 agencies", "PTI · 2 versions": what the cluster behind a row holds. */
export function clusterWords(row: QueueRow): string | null {
  const parts: string[] = [];
  if (row.cluster.agencies.length > 1) parts.push(plural(row.cluster.agencies.length, "agency", "agencies"));
  if (row.cluster.items > row.cluster.threads) parts.push(row.cluster.threads === 1 ? plural(row.cluster.items, "version") : plural(row.cluster.items, "item"));
  return parts.length ? parts.join(" · ") : null;
}

/** "new", "seen by Priya Shah", "taken by Priya Shah", "dismissed by …". */
export function stateWords(row: QueueRow): string {
  switch (row.state) {
    case "seen":
      return row.seenBy ? `seen by ${row.seenBy.name}` : "seen";
    case "taken":
      return row.takenBy ? `taken by ${row.takenBy.name}` : "taken";
    case "dismissed":
      return row.dismissedBy ? `dismissed by ${row.dismissedBy.name}` : "dismissed";
    default:
      return "new";
  }
}

/** The words a row has for a screen reader's one line, and for the flash notification. */
export const rowTitle = (row: QueueRow) => row.headline ?? row.slugline ?? "Untitled wire item";

export { plural };
