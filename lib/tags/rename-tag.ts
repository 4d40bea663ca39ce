import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { lockNames } from "@/lib/name-locks";
import { retryOnUniqueViolation } from "@/lib/unique-retry";
import { firstFreeSlug, makeSlug } from "@/lib/stories/make-slug";
import { renameTagSchema, type RenameTagInput } from "@/lib/tags/schemas";
import { tagSelect, toTagJson } from "@/lib/tags/tag-shape";
import { takenTagSlugs } from "@/lib/tags/tag-slugs";
import { lowerName } from "@/lib/tags/tag-names";
import { recordTagChange } from "@/lib/tags/record-tag-change";
import { forgetVocabulary } from "@/lib/wire-ingest/vocabulary";

/** Whether a slug is the one made from a name (with a -2, -3 … when that was taken). */
function isSlugOf(slug: string, name: string): boolean {
  const base = makeSlug(name);
  return slug === base || new RegExp(`^${base}-\\d+$`).test(slug);
}

/** Another tag of this type with this name but for case: names are unique per type (an index holds it too). */
export async function assertNameFree(tx: Tx, options: { name: string; type: string; exceptId: string }) {
  const [clash] = await tx.$queryRaw<{ name: string }[]>`
    SELECT "name" FROM "Tag"
    WHERE "type" = ${options.type}::"TagType" AND lower("name") = ${lowerName(options.name)} AND "id" <> ${options.exceptId}::uuid`;
  if (clash) {
    throw new AppError("validation_failed", `There is already a ${options.type} tag named “${clash.name}”: merge into it instead`, {
      name: [`Already the name of another ${options.type} tag; merge into it instead`],
    });
  }
}

/**
 * Renames a tag. Its slug follows the new name, and the old slug becomes a redirect, so links to
 * the tag's page and feed keep working; a change of case or punctuation alone keeps the slug.
 */
export async function renameTag(options: { actor: Actor; id: string; input: RenameTagInput | Record<string, unknown> }) {
  const { actor, id } = options;
  requirePermission(actor, "tag.manage");
  if (!isUuid(id)) throw new AppError("not_found", "No tag with that id");
  const { name } = parseInput(renameTagSchema, options.input);

  const result = await retryOnUniqueViolation(() =>
    db.$transaction(async (tx) => {
      // Renames and merges of one tag queue up; then creators of either name (lib/tags/resolve-tags.ts).
      await lockNames(tx, [`tag-id:${id}`]);
      const before = await tx.tag.findUnique({ where: { id }, select: tagSelect });
      if (!before) throw new AppError("not_found", "No tag with that id");
      if (before.name === name) return { tag: before, before };
      await lockNames(tx, [`tag:${lowerName(before.name)}`, `tag:${lowerName(name)}`]);
      await assertNameFree(tx, { name, type: before.type, exceptId: id });

      const base = makeSlug(name);
      const slug = isSlugOf(before.slug, name) ? before.slug : firstFreeSlug(base, await takenTagSlugs(tx, [base], id));
      if (slug !== before.slug) {
        await tx.tagRedirect.upsert({ where: { slug: before.slug }, create: { slug: before.slug, tagId: id }, update: { tagId: id } });
        // Renaming back to a former name takes its slug back from the redirect.
        await tx.tagRedirect.deleteMany({ where: { slug } });
      }
      const tag = await tx.tag.update({ where: { id }, data: { name, slug }, select: tagSelect });
      await tx.auditEntry.create({
        data: {
          action: "tag.rename",
          actorId: actor.id,
          storyId: null,
          detail: { tagId: id, from: { name: before.name, slug: before.slug }, to: { name, slug } },
        },
      });
      const formerSlugs = (await tx.tagRedirect.findMany({ where: { tagId: id }, select: { slug: true } })).map((row) => row.slug);
      await recordTagChange(tx, [before.slug, slug, ...formerSlugs]);
      return { tag, before };
    }),
  );

  if (result.tag !== result.before) forgetVocabulary();
  return toTagJson(result.tag);
}
