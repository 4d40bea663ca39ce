import "server-only";
import type { Tx } from "@/lib/db";

/**
 * The tag slugs in use that start with any of these bases: current slugs, and former ones that
 * now redirect (a new tag must not take over an old link). A tag's own former slugs are free to
 * it again (renaming back).
 */
export async function takenTagSlugs(tx: Tx, bases: string[], ownTagId?: string): Promise<Set<string>> {
  const prefixes = [...new Set(bases)].map((base) => ({ slug: { startsWith: base } }));
  if (prefixes.length === 0) return new Set();
  const [tags, redirects] = await Promise.all([
    tx.tag.findMany({ where: { OR: prefixes, ...(ownTagId ? { NOT: { id: ownTagId } } : {}) }, select: { slug: true } }),
    tx.tagRedirect.findMany({ where: { OR: prefixes, ...(ownTagId ? { NOT: { tagId: ownTagId } } : {}) }, select: { slug: true } }),
  ]);
  return new Set([...tags, ...redirects].map((row) => row.slug));
}
