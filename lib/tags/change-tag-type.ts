import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { lockNames } from "@/lib/name-locks";
import { changeTagTypeSchema, type ChangeTagTypeInput } from "@/lib/tags/schemas";
import { tagSelect, toTagJson } from "@/lib/tags/tag-shape";
import { lowerName } from "@/lib/tags/tag-names";
import { assertNameFree } from "@/lib/tags/rename-tag";
import { recordTagChange } from "@/lib/tags/record-tag-change";
import { forgetVocabulary } from "@/lib/wire-ingest/vocabulary";

/**
 * Changes what a tag is (a person, place, organisation or topic), e.g. "Georgia" filed as a person.
 * Its name and address stay; names are unique per type, so a tag of the new type with the same
 * name is refused with "merge into it instead".
 */
export async function changeTagType(options: { actor: Actor; id: string; input: ChangeTagTypeInput | Record<string, unknown> }) {
  const { actor, id } = options;
  requirePermission(actor, "tag.manage");
  if (!isUuid(id)) throw new AppError("not_found", "No tag with that id");
  const { type } = parseInput(changeTagTypeSchema, options.input);

  const result = await db.$transaction(async (tx) => {
    await lockNames(tx, [`tag-id:${id}`]);
    const before = await tx.tag.findUnique({ where: { id }, select: tagSelect });
    if (!before) throw new AppError("not_found", "No tag with that id");
    if (before.type === type) return { tag: before, changed: false };
    // Creators of this name (of either type) wait until the change is in (lib/tags/resolve-tags.ts).
    await lockNames(tx, [`tag:${lowerName(before.name)}`]);
    await assertNameFree(tx, { name: before.name, type, exceptId: id });
    const tag = await tx.tag.update({ where: { id }, data: { type }, select: tagSelect });
    await tx.auditEntry.create({
      data: { action: "tag.retype", actorId: actor.id, storyId: null, detail: { tagId: id, name: before.name, slug: before.slug, from: before.type, to: type } },
    });
    await recordTagChange(tx, [tag.slug]);
    return { tag, changed: true };
  });

  if (result.changed) forgetVocabulary();
  return toTagJson(result.tag);
}
