import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { lockNames } from "@/lib/name-locks";
import { tagSelect, toTagJson } from "@/lib/tags/tag-shape";
import { lowerName } from "@/lib/tags/tag-names";
import { recordTagChange } from "@/lib/tags/record-tag-change";
import { forgetVocabulary } from "@/lib/wire-ingest/vocabulary";

/**
 * Deletes a tag that no story carries (a typo, a test). A tag in use is refused: its stories
 * would silently lose it; merging it into another is the way to retire it. Its former slugs go
 * with it.
 */
export async function deleteTag(options: { actor: Actor; id: string }) {
  const { actor, id } = options;
  requirePermission(actor, "tag.manage");
  if (!isUuid(id)) throw new AppError("not_found", "No tag with that id");

  const tag = await db.$transaction(async (tx) => {
    await lockNames(tx, [`tag-id:${id}`]);
    const found = await tx.tag.findUnique({ where: { id }, select: tagSelect });
    if (!found) throw new AppError("not_found", "No tag with that id (it may have been deleted or merged already)");
    await lockNames(tx, [`tag:${lowerName(found.name)}`]);
    // FOR UPDATE waits for any story being given this tag right now (its link holds a key-share
    // lock on the row), so the count below sees it.
    await tx.$queryRaw`SELECT 1 FROM "Tag" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const stories = await tx.storyTag.count({ where: { tagId: id } });
    if (stories > 0) {
      throw new AppError(
        "conflict",
        `“${found.name}” is on ${stories === 1 ? "a story" : `${stories.toLocaleString("en")} stories`}, so it cannot be deleted: merge it into another tag instead.`,
      );
    }
    await tx.tag.delete({ where: { id } });
    await tx.auditEntry.create({
      data: { action: "tag.delete", actorId: actor.id, storyId: null, detail: { tagId: id, name: found.name, slug: found.slug, type: found.type } },
    });
    await recordTagChange(tx, [found.slug]);
    return found;
  });

  forgetVocabulary();
  return toTagJson(tag);
}
