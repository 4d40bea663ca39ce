import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import { can, type Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { lockNames } from "@/lib/name-locks";
import { makeSlug, firstFreeSlug } from "@/lib/stories/make-slug";
import { takenTagSlugs } from "@/lib/tags/tag-slugs";
import type { TagRef, TagType } from "@/lib/stories/schemas";

export type ResolvedTag = { id: string; slug: string; name: string; type: TagType };

const lower = (name: string) => name.toLocaleLowerCase("en");

/**
 * Turns lists of tag names (one list per story) into tags, in order and without repeats: an
 * existing tag of the same name (and type, when one is given) is reused, matched exactly but for
 * case; anything else becomes a new tag (a topic unless typed). A whole batch costs a few queries.
 */
export async function resolveTagLists(tx: Tx, actor: Actor, lists: TagRef[][]): Promise<ResolvedTag[][]> {
  const refs = lists.flat();
  if (refs.length === 0) return lists.map(() => []);
  const names = [...new Set(refs.map((ref) => lower(ref.name)))];
  await lockNames(tx, names.map((name) => `tag:${name}`));
  // lower() = lower(), not ILIKE: a tag named "G_0" must not match "G20".
  const known = await tx.$queryRaw<ResolvedTag[]>`
    SELECT "id", "slug", "name", "type"::text AS "type" FROM "Tag"
    WHERE lower("name") = ANY(${names}::text[]) ORDER BY "createdAt", "id"`;
  const find = (ref: TagRef) => known.find((tag) => lower(tag.name) === lower(ref.name) && (!ref.type || tag.type === ref.type));

  const missing = new Map<string, { name: string; type: TagType }>();
  for (const ref of refs) {
    if (find(ref)) continue;
    const type = ref.type ?? "topic";
    missing.set(`${type}:${lower(ref.name)}`, { name: ref.name, type });
  }
  if (missing.size) {
    const first = [...missing.values()][0];
    if (!can(actor, "tag.create")) throw new AppError("forbidden", `Your role may not create tags (${first.name})`);
    const created = [...missing.values()].map((tag) => ({ id: randomUUID(), ...tag, slug: "" }));
    const bases = created.map((tag) => makeSlug(tag.name));
    const taken = await takenTagSlugs(tx, bases);
    created.forEach((tag, index) => {
      tag.slug = firstFreeSlug(bases[index], taken);
      taken.add(tag.slug);
    });
    await tx.tag.createMany({ data: created });
    known.push(...created);
  }

  return lists.map((list) => {
    const resolved: ResolvedTag[] = [];
    for (const ref of list) {
      const tag = find(ref) ?? known.find((t) => lower(t.name) === lower(ref.name) && t.type === (ref.type ?? "topic"))!;
      if (!resolved.some((r) => r.id === tag.id)) resolved.push(tag);
    }
    return resolved;
  });
}

/** The tags of one story (see resolveTagLists). */
export async function resolveTags(tx: Tx, actor: Actor, refs: TagRef[]): Promise<ResolvedTag[]> {
  return (await resolveTagLists(tx, actor, [refs]))[0];
}
