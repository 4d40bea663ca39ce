import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { makeSlug, firstFreeSlug } from "@/lib/stories/make-slug";
import { lockNames } from "@/lib/name-locks";
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
  await lockNames(tx, [...unique.values()].map((ref) => `tag:${ref.name.toLocaleLowerCase("en")}`));
  const resolved: { id: string; slug: string }[] = [];
  for (const ref of unique.values()) {
    // lower() = lower(), not ILIKE: a tag named "G_0" must not match "G20".
    const [existing] = await tx.$queryRaw<{ id: string; slug: string }[]>`
      SELECT "id", "slug" FROM "Tag"
      WHERE lower("name") = lower(${ref.name}) ${ref.type ? Prisma.sql`AND "type" = ${ref.type}::"TagType"` : Prisma.empty}
      ORDER BY "createdAt" LIMIT 1`;
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
