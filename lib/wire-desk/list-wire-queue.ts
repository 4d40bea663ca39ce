import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { decodeCursor, encodeCursor, prefixTsQuery } from "@/lib/pagination";
import { parseInput } from "@/lib/validation";
import { wireDeskSettings } from "@/lib/env";
import { queuePageSchema, type QueueFilter } from "@/lib/wire-desk/schemas";
import { queueRowsWhere, type QueueRow } from "@/lib/wire-desk/queue-row";

/** The words searched: the headline and the slug line (the GIN index of migration 20261204010000). */
export const SEARCH_VECTOR = Prisma.sql`to_tsvector('simple', coalesce("headline", '') || ' ' || coalesce("slugline", ''))`;

/** The filter as SQL on the item aliased `alias`: the queue's items and, for clusters, their newer members. */
function filterSql(alias: string, filter: QueueFilter, since: Date): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const parts: Prisma.Sql[] = [Prisma.sql`${column("receivedAt")} >= ${since}`];
  if (filter.state) parts.push(Prisma.sql`${column("deskState")} = ${filter.state}::"WireDeskState"`);
  else parts.push(Prisma.sql`${column("deskState")} <> 'dismissed'`);
  if (filter.agency) parts.push(Prisma.sql`lower(${column("agency")}) = lower(${filter.agency})`);
  if (filter.priority) parts.push(Prisma.sql`${column("priority")} = ${filter.priority}::"WirePriority"`);
  if (filter.category) parts.push(Prisma.sql`lower(${column("category")}) = lower(${filter.category})`);
  if (filter.source) parts.push(Prisma.sql`${column("sourceId")} = ${filter.source}::uuid`);
  if (filter.desk) parts.push(Prisma.sql`${column("desk")} = ${filter.desk}`);
  const query = filter.q ? prefixTsQuery(filter.q) : null;
  if (query) {
    parts.push(Prisma.sql`to_tsvector('simple', coalesce(${column("headline")}, '') || ' ' || coalesce(${column("slugline")}, '')) @@ to_tsquery('simple', ${query})`);
  }
  return Prisma.join(parts, " AND ");
}

export type QueuePage = { items: QueueRow[]; nextCursor: string | null };

/**
 * The wire desk's queue, newest first: one row per cluster (an item's versions and takes, and the
 * same event from other agencies), the cluster's newest item that matches the filter, with what
 * the cluster holds. Keyset-paged; items older than WIRE_QUEUE_HOURS have left the queue.
 */
export async function listWireQueue(options: { actor: Actor; query: unknown; now?: Date }): Promise<QueuePage> {
  requirePermission(options.actor, "wire.read");
  const { cursor: cursorText, limit, ...filter } = parseInput(queuePageSchema, options.query);
  const cursor = cursorText ? decodeCursor(cursorText) : null;
  const since = new Date((options.now ?? new Date()).getTime() - wireDeskSettings().queueHours * 3600_000);
  // A cluster appears once, as its newest matching item: an item with a newer matching member of
  // its cluster is left out (one probe of the clusterId index per row read).
  // One statement: the page's ids (one more than asked, to know whether a next page exists), then their rows.
  const rows = await queueRowsWhere(Prisma.sql`w."id" IN (
    SELECT p."id" FROM "WireItem" p
    WHERE ${filterSql("p", filter, since)}
      ${cursor ? Prisma.sql`AND (p."receivedAt", p."id") < (${cursor.sortValue}, ${cursor.id}::uuid)` : Prisma.empty}
      AND NOT EXISTS (
        SELECT 1 FROM "WireItem" n
        WHERE n."clusterId" = p."clusterId" AND (n."receivedAt", n."id") > (p."receivedAt", p."id") AND ${filterSql("n", filter, since)}
      )
    ORDER BY p."receivedAt" DESC, p."id" DESC
    LIMIT ${limit + 1})`);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(new Date(last.receivedAt), last.id) : null };
}
