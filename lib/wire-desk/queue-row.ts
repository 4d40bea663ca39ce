import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

/** What a row of the queue reads of its item. */
export const queueRowSelect = {
  id: true,
  receivedAt: true,
  agency: true,
  priority: true,
  category: true,
  slugline: true,
  headline: true,
  dateline: true,
  wordCount: true,
  deskState: true,
  state: true,
  takeKind: true,
  version: true,
  desk: true,
  clusterId: true,
  storyId: true,
  source: { select: { id: true, name: true } },
  takenBy: { select: { id: true, name: true } },
  takenAt: true,
  seenBy: { select: { id: true, name: true } },
  dismissedBy: { select: { id: true, name: true } },
  story: { select: { id: true, headline: true, status: true } },
} satisfies Prisma.WireItemSelect;

type Selected = Prisma.WireItemGetPayload<{ select: typeof queueRowSelect }>;

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

/** The rows, each with a summary of its cluster (one grouped query for the page). */
export async function toQueueRows(rows: Selected[]): Promise<QueueRow[]> {
  const clusterIds = [...new Set(rows.map((row) => row.clusterId))];
  const summaries = clusterIds.length
    ? await db.$queryRaw<{ clusterId: string; items: number; agencies: string[]; threads: number; storyIds: string[] }[]>`
        SELECT "clusterId", count(*)::int AS "items",
          coalesce(array_agg(DISTINCT "agency") FILTER (WHERE "agency" IS NOT NULL), '{}') AS "agencies",
          count(DISTINCT coalesce("guid", "slugKey", "id"::text))::int AS "threads",
          coalesce(array_agg(DISTINCT "storyId") FILTER (WHERE "storyId" IS NOT NULL), '{}')::text[] AS "storyIds"
        FROM "WireItem" WHERE "clusterId" = ANY(${clusterIds}::uuid[]) GROUP BY "clusterId"`
    : [];
  const storyIds = [...new Set(summaries.flatMap((summary) => summary.storyIds))];
  const stories = new Map(
    (storyIds.length ? await db.story.findMany({ where: { id: { in: storyIds } }, select: { id: true, headline: true, status: true } }) : []).map((story) => [story.id, story]),
  );
  const byCluster = new Map(summaries.map((summary) => [summary.clusterId, summary]));
  return rows.map((row) => {
    const summary = byCluster.get(row.clusterId);
    return {
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
      story: row.story ? { ...row.story, status: row.story.status } : null,
      clusterId: row.clusterId,
      cluster: {
        items: summary?.items ?? 1,
        agencies: summary?.agencies ?? (row.agency ? [row.agency] : []),
        threads: summary?.threads ?? 1,
        stories: (summary?.storyIds ?? []).flatMap((id) => (stories.has(id) ? [stories.get(id)!] : [])),
      },
    };
  });
}
