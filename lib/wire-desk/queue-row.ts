import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

/** One row of the desk's queue (and of GET /api/v1/wire/items), as JSON. */
export type QueueRow = {
  id: string;
  receivedAt: string;
  agency: string | null;
  priority: string | null;
  category: string | null;
  slugline: string | null;
  headline: string | null;
  dateline: string | null;
  wordCount: number | null;
  /** Where it stands on the desk: new, seen, taken (in a story), dismissed. */
  state: string;
  /** withdrawn: the agency withdrew it (a cancel or kill); pending: an update waiting on a live story. */
  withdrawn: boolean;
  pendingUpdate: boolean;
  takeKind: string | null;
  version: number | null;
  desk: string | null;
  source: { id: string; name: string } | null;
  takenBy: { id: string; name: string } | null;
  takenAt: string | null;
  seenBy: { id: string; name: string } | null;
  dismissedBy: { id: string; name: string } | null;
  storyId: string | null;
  story: { id: string; headline: string; status: string } | null;
  clusterId: string;
  /** What its cluster holds: items in all, agencies, distinct agency items (versions stack), the stories made from them. */
  cluster: { items: number; agencies: string[]; threads: number; stories: { id: string; headline: string; status: string }[] };
};

type Sql = {
  id: string;
  receivedAt: Date;
  agency: string | null;
  priority: string | null;
  category: string | null;
  slugline: string | null;
  headline: string | null;
  dateline: string | null;
  wordCount: number | null;
  deskState: string;
  state: string;
  takeKind: string | null;
  version: number | null;
  desk: string | null;
  clusterId: string;
  storyId: string | null;
  takenAt: Date | null;
  source: { id: string; name: string } | null;
  takenBy: { id: string; name: string } | null;
  seenBy: { id: string; name: string } | null;
  dismissedBy: { id: string; name: string } | null;
  story: { id: string; headline: string; status: string } | null;
  cluster: QueueRow["cluster"];
};

/**
 * The queue rows of the items `where` picks (a fragment on "WireItem" w), in `order`: each with
 * its source, who saw, took or dismissed it, its story, and a summary of its cluster, all in one
 * statement. One round trip matters here: every page of every open desk, and every item arriving
 * on them, is read this way.
 */
export async function queueRowsWhere(where: Prisma.Sql, order: Prisma.Sql = Prisma.sql`w."receivedAt" DESC, w."id" DESC`): Promise<QueueRow[]> {
  const person = (alias: string, column: string) =>
    Prisma.raw(`(SELECT json_build_object('id', ${alias}."id", 'name', ${alias}."name") FROM "User" ${alias} WHERE ${alias}."id" = w."${column}")`);
  const rows = await db.$queryRaw<Sql[]>`
    SELECT w."id", w."receivedAt", w."agency", w."priority"::text AS "priority", w."category", w."slugline", w."headline",
      w."dateline", w."wordCount", w."deskState"::text AS "deskState", w."state"::text AS "state", w."takeKind"::text AS "takeKind",
      w."version", w."desk", w."clusterId", w."storyId", w."takenAt",
      (SELECT json_build_object('id', src."id", 'name', src."name") FROM "WireSource" src WHERE src."id" = w."sourceId") AS "source",
      ${person("taker", "takenById")} AS "takenBy",
      ${person("seer", "seenById")} AS "seenBy",
      ${person("dismisser", "dismissedById")} AS "dismissedBy",
      (SELECT json_build_object('id', s."id", 'headline', s."headline", 'status', s."status") FROM "Story" s WHERE s."id" = w."storyId") AS "story",
      (SELECT json_build_object(
          'items', count(*),
          'agencies', coalesce(array_agg(DISTINCT m."agency") FILTER (WHERE m."agency" IS NOT NULL), '{}'),
          'threads', count(DISTINCT coalesce(m."guid", m."slugKey", m."id"::text)),
          'stories', coalesce((SELECT json_agg(json_build_object('id', s."id", 'headline', s."headline", 'status', s."status") ORDER BY s."createdAt")
            FROM "Story" s WHERE s."id" IN (SELECT c."storyId" FROM "WireItem" c WHERE c."clusterId" = w."clusterId" AND c."storyId" IS NOT NULL)), '[]'))
        FROM "WireItem" m WHERE m."clusterId" = w."clusterId") AS "cluster"
    FROM "WireItem" w
    WHERE ${where}
    ORDER BY ${order}`;
  return rows.map((row) => ({
    id: row.id,
    receivedAt: row.receivedAt.toISOString(),
    agency: row.agency,
    priority: row.priority,
    category: row.category,
    slugline: row.slugline,
    headline: row.headline,
    dateline: row.dateline,
    wordCount: row.wordCount,
    state: row.deskState,
    withdrawn: row.state === "withdrawn",
    pendingUpdate: row.state === "pending",
    takeKind: row.takeKind,
    version: row.version,
    desk: row.desk,
    source: row.source,
    takenBy: row.takenBy,
    takenAt: row.takenAt?.toISOString() ?? null,
    seenBy: row.seenBy,
    dismissedBy: row.dismissedBy,
    storyId: row.storyId,
    story: row.story,
    clusterId: row.clusterId,
    cluster: row.cluster,
  }));
}

/** The queue rows of these items, newest first (ids of no item are left out). */
export const queueRowsByIds = (ids: string[]) => (ids.length ? queueRowsWhere(Prisma.sql`w."id" = ANY(${ids}::uuid[])`) : Promise.resolve([]));
