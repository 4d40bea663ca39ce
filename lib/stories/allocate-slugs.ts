import "server-only";
import type { Tx } from "@/lib/db";
import { lockNames } from "@/lib/name-locks";
import { makeSlug, firstFreeSlug } from "@/lib/stories/make-slug";

const CANDIDATES = 10;

/**
 * Free slugs for many new stories at once, one per headline, in order: base, base-2, base-3 …
 * Checks the first ten candidates of every base with two exact-match queries; only a base with all
 * ten taken falls back to scanning its prefix (index-backed).
 */
export async function allocateSlugs(tx: Tx, headlines: string[]): Promise<string[]> {
  const bases = headlines.map(makeSlug);
  await lockNames(tx, bases.map((base) => `slug:${base}`));
  const candidates = [...new Set(bases)].flatMap((base) => [base, ...Array.from({ length: CANDIDATES - 1 }, (_, i) => `${base}-${i + 2}`)]);
  const [stories, redirects] = await Promise.all([
    tx.story.findMany({ where: { slug: { in: candidates } }, select: { slug: true } }),
    tx.slugRedirect.findMany({ where: { slug: { in: candidates } }, select: { slug: true } }),
  ]);
  const taken = new Set([...stories, ...redirects].map((row) => row.slug));
  const slugs: string[] = [];
  const scanned = new Set<string>();
  for (const base of bases) {
    let slug = firstFreeSlug(base, taken);
    if (slug !== base && Number(slug.slice(base.length + 1)) > CANDIDATES && !scanned.has(base)) {
      scanned.add(base);
      const [more, moreRedirects] = await Promise.all([
        tx.story.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } }),
        tx.slugRedirect.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } }),
      ]);
      for (const row of [...more, ...moreRedirects]) taken.add(row.slug);
      slug = firstFreeSlug(base, taken);
    }
    taken.add(slug);
    slugs.push(slug);
  }
  return slugs;
}
