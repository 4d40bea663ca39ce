import "server-only";
import type { Tx } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { makeSlug, firstFreeSlug } from "@/lib/stories/make-slug";
import type { TagRef } from "@/lib/stories/schemas";

/**
 * Turns tag names into tag ids, in order: an existing tag of the same name (and type, when one is
 * given) is reused, case-insensitively; anything else becomes a new tag (a topic unless typed).
 */
export async function resolveTags(tx: Tx, actor: Actor, refs: TagRef[]): Promise<{ id: string; slug: string }[]> {
  const unique = new Map<string, TagRef>();
  for (const ref of refs) {
    const key = `${ref.type ?? "*"}:${ref.name.toLocaleLowerCase("en")}`;
    if (!unique.has(key)) unique.set(key, ref);
  }
  const resolved: { id: string; slug: string }[] = [];
  for (const ref of unique.values()) {
    const existing = await tx.tag.findFirst({
      where: { name: { equals: ref.name, mode: "insensitive" }, ...(ref.type ? { type: ref.type } : {}) },
      select: { id: true, slug: true },
      orderBy: { createdAt: "asc" },
    });
    if (existing) {
      if (!resolved.some((tag) => tag.id === existing.id)) resolved.push(existing);
      continue;
    }
    if (!can(actor, "tag.create")) throw new AppError("forbidden", `Your role may not create tags (${ref.name})`);
    const base = makeSlug(ref.name);
    const taken = await tx.tag.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
    const created = await tx.tag.create({
      data: { name: ref.name, type: ref.type ?? "topic", slug: firstFreeSlug(base, taken.map((t) => t.slug)) },
      select: { id: true, slug: true },
    });
    resolved.push(created);
  }
  return resolved;
}
