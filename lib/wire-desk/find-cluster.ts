import "server-only";
import type { Tx } from "@/lib/db";
import { MINHASH_SIZE, SAME_EVENT_SIMILARITY } from "@/lib/wire-desk/near-duplicates";
import type { DeskColumns } from "@/lib/wire-desk/desk-columns";

/** How far apart two agencies' copy of one event may arrive and still be grouped. */
const CLUSTER_WINDOW_MS = 48 * 3600_000;
/** Candidates compared at most: the band index finds few, and a flood of them (copy re-sent all day) must not cost more. */
const MAX_CANDIDATES = 50;

/**
 * The cluster a new item joins: that of an earlier version of the same agency item (same guid)
 * or of the story its take belongs to (same slug line), else that of the most similar copy
 * received within 48 hours (MinHash, lib/wire-desk/near-duplicates.ts), else a cluster of its own
 * (`ownId`). One indexed query each way.
 */
export async function findCluster(
  tx: Tx,
  item: { ownId: string; guid: string | null; slugKey: string | null; isTake: boolean; receivedAt: Date; columns: DeskColumns },
): Promise<string> {
  if (item.guid) {
    const version = await tx.wireItem.findFirst({ where: { guid: item.guid }, orderBy: { receivedAt: "desc" }, select: { clusterId: true } });
    if (version) return version.clusterId;
  }
  const from = new Date(item.receivedAt.getTime() - CLUSTER_WINDOW_MS);
  const to = new Date(item.receivedAt.getTime() + CLUSTER_WINDOW_MS);
  if (item.slugKey && item.isTake) {
    const take = await tx.wireItem.findFirst({ where: { slugKey: item.slugKey, receivedAt: { gte: from, lte: to } }, orderBy: { receivedAt: "desc" }, select: { clusterId: true } });
    if (take) return take.clusterId;
  }
  if (item.columns.lshBands.length === 0) return item.ownId;
  // PostgreSQL cannot estimate how few rows share a band (each band hash is all but unique, so
  // its statistics hold none of them): left to itself it reads the whole table or the receivedAt
  // index (half a second at 200,000 items) rather than the band index (0.1 ms). So the band index
  // is the only way in for this one query: no sequential scan, and the time window checked on the
  // rows it finds (an expression no index matches), not used to choose an index.
  await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
  // Compared in the database (the share of equal hashes), so only the best candidate comes back:
  // copy re-sent many times shares bands with every earlier copy, and shipping each one's 64
  // hashes here cost more than the comparison.
  const [best] = await tx.$queryRaw<{ clusterId: string; equal: number }[]>`
    SELECT c."clusterId", (SELECT count(*) FROM unnest(c."minhash", ${item.columns.minhash}::int4[]) AS h(a, b) WHERE a = b)::int AS "equal"
    FROM (
      SELECT "clusterId", "minhash" FROM "WireItem"
      WHERE "lshBands" && ${item.columns.lshBands.map(String)}::bigint[] AND ("receivedAt" + interval '0 s') BETWEEN ${from} AND ${to}
      LIMIT ${MAX_CANDIDATES}
    ) c
    ORDER BY "equal" DESC
    LIMIT 1`;
  await tx.$executeRaw`SET LOCAL enable_seqscan TO DEFAULT`;
  return best && best.equal >= Math.ceil(SAME_EVENT_SIMILARITY * MINHASH_SIZE) ? best.clusterId : item.ownId;
}

type Clusterable = Parameters<typeof findCluster>[1];

/**
 * findCluster for a batch of new items (bulk ingest: hundreds of drafts in one transaction), in
 * two statements however many there are: their guids' earlier versions, then each one's best
 * candidate through the band index; then the batch's items with each other.
 */
export async function findClusters(tx: Tx, items: Clusterable[]): Promise<string[]> {
  const clusters = items.map((item) => item.ownId);
  const guids = [...new Set(items.flatMap((item) => (item.guid ? [item.guid] : [])))];
  const byGuid = new Map<string, string>();
  if (guids.length) {
    const rows = await tx.$queryRaw<{ guid: string; clusterId: string }[]>`
      SELECT DISTINCT ON ("guid") "guid", "clusterId" FROM "WireItem" WHERE "guid" = ANY(${guids}::text[]) ORDER BY "guid", "receivedAt" DESC`;
    for (const row of rows) byGuid.set(row.guid, row.clusterId);
  }
  const looked: number[] = [];
  items.forEach((item, index) => {
    const held = item.guid ? byGuid.get(item.guid) : undefined;
    if (held) clusters[index] = held;
    else if (item.columns.lshBands.length) looked.push(index);
  });
  if (looked.length === 0) return clusters;
  // As in findCluster: the band index is the only way in (see there why).
  await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
  const best = await tx.$queryRaw<{ idx: number; clusterId: string; equal: number }[]>`
    SELECT q."idx", b."clusterId", b."equal"
    FROM unnest(${looked}::int[], ${looked.map((i) => `{${items[i].columns.lshBands.join(",")}}`)}::text[],
      ${looked.map((i) => `{${items[i].columns.minhash.join(",")}}`)}::text[], ${looked.map((i) => items[i].receivedAt)}::timestamptz[]) AS q("idx", "bands", "signature", "at")
    CROSS JOIN LATERAL (
      SELECT c."clusterId", (SELECT count(*) FROM unnest(c."minhash", q."signature"::int4[]) AS h(a, b) WHERE a = b)::int AS "equal"
      FROM (
        SELECT w."clusterId", w."minhash" FROM "WireItem" w
        WHERE w."lshBands" && q."bands"::bigint[] AND (w."receivedAt" + interval '0 s') BETWEEN q."at" - ${`${CLUSTER_WINDOW_MS} milliseconds`}::interval AND q."at" + ${`${CLUSTER_WINDOW_MS} milliseconds`}::interval
        LIMIT ${MAX_CANDIDATES}
      ) c
      ORDER BY "equal" DESC
      LIMIT 1
    ) b`;
  await tx.$executeRaw`SET LOCAL enable_seqscan TO DEFAULT`;
  const threshold = Math.ceil(SAME_EVENT_SIMILARITY * MINHASH_SIZE);
  const equalHeld = new Map<number, number>();
  for (const row of best) {
    if (row.equal < threshold) continue;
    clusters[row.idx] = row.clusterId;
    equalHeld.set(row.idx, row.equal);
  }
  joinWithinBatch(items, looked, clusters, equalHeld, threshold);
  return clusters;
}

/**
 * Items of one batch compared with each other (two agencies' copy of an event often arrive in the
 * same poll, and the database holds neither yet): an item joins the cluster of an earlier one in
 * the batch that shares a band and is more alike than anything held. Candidates come from the
 * bands, as in the database, so a batch of thousands costs no more than its shared bands.
 */
function joinWithinBatch(items: Clusterable[], looked: number[], clusters: string[], equalHeld: Map<number, number>, threshold: number) {
  const byBand = new Map<bigint, number[]>();
  for (const index of looked) {
    const { lshBands, minhash } = items[index].columns;
    let bestEqual = equalHeld.get(index) ?? threshold - 1;
    let bestEarlier = -1;
    const compared = new Set<number>();
    for (const band of lshBands) {
      for (const earlier of byBand.get(band) ?? []) {
        if (compared.has(earlier)) continue;
        compared.add(earlier);
        const other = items[earlier].columns.minhash;
        let equal = 0;
        for (let h = 0; h < minhash.length; h++) if (minhash[h] === other[h]) equal++;
        if (equal > bestEqual) {
          bestEqual = equal;
          bestEarlier = earlier;
        }
      }
    }
    if (bestEarlier >= 0) clusters[index] = clusters[bestEarlier];
    for (const band of lshBands) byBand.set(band, [...(byBand.get(band) ?? []), index]);
  }
}
