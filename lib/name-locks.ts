import type { Tx } from "@/lib/db";

/**
 * Transaction-scoped advisory locks on names (a slug, a tag name, a wire item), all in one
 * statement and in sorted order, so two transactions can never wait on each other in a cycle.
 * Creators of the same name queue up instead of racing: the second reads the first's committed
 * row and chooses around it. Callers take their groups in one order: wire, then slug, then tag.
 */
export async function lockNames(tx: Tx, names: string[]): Promise<void> {
  const sorted = [...new Set(names)].sort();
  if (sorted.length === 0) return;
  await tx.$executeRaw`SELECT count(pg_advisory_xact_lock(hashtextextended(n, 0))) FROM (SELECT unnest(${sorted}::text[]) AS n ORDER BY 1) AS names`;
}
