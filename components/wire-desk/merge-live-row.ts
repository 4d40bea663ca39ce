import type { QueueRow } from "@/lib/wire-desk/queue-row";

// How a row the desk's stream pushes changes what the list shows. Pure, so the rules read in one
// place: the desk component only says whether the editor is at the top of the list.

export type LiveList = {
  rows: QueueRow[];
  /** Rows that arrived while the editor was further down, shown when asked ("3 new items"). */
  held: QueueRow[];
};

const newer = (a: QueueRow, b: QueueRow) => a.receivedAt > b.receivedAt || (a.receivedAt === b.receivedAt && a.id > b.id);
const without = (rows: QueueRow[], clusterId: string) => rows.filter((row) => row.clusterId !== clusterId);

/**
 * `row` (which `matches` the desk's filter, or not) merged into the list. A row shown changes in
 * place, or leaves when it no longer matches; a newer item of a shown cluster, or a new cluster,
 * goes on top when `atTop`, else is held; an older one (an item restored after a dismissal) takes
 * its place by time among the rows loaded (`complete`: no older page is left to load).
 */
export function mergeLiveRow(list: LiveList, row: QueueRow, options: { matches: boolean; atTop: boolean; complete: boolean }): LiveList {
  const { matches, atTop } = options;
  const held = list.held.find((each) => each.clusterId === row.clusterId);
  const shown = list.rows.find((each) => each.clusterId === row.clusterId);
  if (held && (held.id === row.id || newer(row, held))) {
    return { rows: list.rows, held: matches ? list.held.map((each) => (each === held ? row : each)) : without(list.held, row.clusterId) };
  }
  if (shown?.id === row.id) {
    return { rows: matches ? list.rows.map((each) => (each === shown ? row : each)) : without(list.rows, row.clusterId), held: list.held };
  }
  if (shown && !newer(row, shown)) {
    // An older item of the cluster changed: the row shown stays, with what the cluster now holds.
    return { rows: list.rows.map((each) => (each === shown ? { ...shown, cluster: row.cluster } : each)), held: list.held };
  }
  if (!matches) return list;
  const top = list.rows[0];
  if (!top || newer(row, top) || shown) {
    if (atTop) return { rows: [row, ...without(list.rows, row.clusterId)], held: without(list.held, row.clusterId) };
    return { rows: list.rows, held: [row, ...without(list.held, row.clusterId)] };
  }
  const last = list.rows.at(-1)!;
  if (!options.complete && newer(last, row)) return list;
  const at = list.rows.findIndex((each) => newer(row, each));
  const rows = [...list.rows];
  rows.splice(at === -1 ? rows.length : at, 0, row);
  return { rows, held: list.held };
}

/** The held rows put on top, newest first, each replacing its cluster's row. */
export function revealHeld(list: LiveList): LiveList {
  const clusters = new Set(list.held.map((row) => row.clusterId));
  const held = [...list.held].sort((a, b) => (newer(a, b) ? -1 : 1));
  return { rows: [...held, ...list.rows.filter((row) => !clusters.has(row.clusterId))], held: [] };
}
