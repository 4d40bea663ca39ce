import type { Tx } from "@/lib/db";

/**
 * Transaction-scoped advisory locks on names (a slug, a tag name), taken in sorted order so two
 * transactions can never wait on each other in a cycle. Creators of the same name queue up instead
 * of racing: the second reads the first's committed row and chooses around it.
 */
export async function lockNames(tx: Tx, names: string[]): Promise<void> {
  for (const name of [...new Set(names)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${name}, 0))`;
  }
}
