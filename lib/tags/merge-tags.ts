import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { lockNames } from "@/lib/name-locks";
import { retryOnUniqueViolation } from "@/lib/unique-retry";
import { mergeTagsSchema, type MergeTagsInput } from "@/lib/tags/schemas";
import { tagSelect, toTagJson } from "@/lib/tags/tag-shape";
import { lowerName } from "@/lib/tags/tag-names";
import { recordTagChange } from "@/lib/tags/record-tag-change";
import { forgetVocabulary } from "@/lib/wire-ingest/vocabulary";

const noSuchTarget = () =>
  new AppError("validation_failed", "There is no tag to merge into by that id or slug", { into: ["No tag with that id or slug"] });

async function findTargetId(tx: Tx, into: string): Promise<string> {
  const target = await tx.tag.findUnique({ where: isUuid(into) ? { id: into } : { slug: into.toLowerCase() }, select: { id: true } });
  if (!target) throw noSuchTarget();
  return target.id;
}

/** The survivor's aliases with the merged tag's name and aliases added, each spelling once, never its own name. */
function mergedAliases(into: { name: string; aliases: string[] }, from: { name: string; aliases: string[] }): string[] {
  const seen = new Set([lowerName(into.name)]);
  return [...into.aliases, from.name, ...from.aliases].filter((alias) => {
    const key = lowerName(alias);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Merges one tag into another: every story of the first gets the second (once, at the earlier of
 * the two positions where it had both), the first's slug and its former slugs redirect to the
 * second, its name and aliases become the second's aliases, and the first is deleted.
 */
export async function mergeTags(options: { actor: Actor; id: string; input: MergeTagsInput | Record<string, unknown> }) {
  const { actor, id } = options;
  requirePermission(actor, "tag.manage");
  if (!isUuid(id)) throw new AppError("not_found", "No tag with that id");
  const { into } = parseInput(mergeTagsSchema, options.input);

  const result = await retryOnUniqueViolation(() =>
    db.$transaction(async (tx) => {
      const targetId = await findTargetId(tx, into);
      if (targetId === id) throw new AppError("validation_failed", "A tag cannot be merged into itself", { into: ["Choose another tag"] });
      // Renames and merges of either tag queue up (one statement, so two merges cannot deadlock).
      await lockNames(tx, [`tag-id:${id}`, `tag-id:${targetId}`]);
      const [from, target] = await Promise.all([
        tx.tag.findUnique({ where: { id }, select: tagSelect }),
        tx.tag.findUnique({ where: { id: targetId }, select: tagSelect }),
      ]);
      if (!from) throw new AppError("not_found", "No tag with that id");
      if (!target) throw noSuchTarget();
      // Creators of either name wait (lib/tags/resolve-tags.ts), so no story gets the old tag mid-merge.
      await lockNames(tx, [`tag:${lowerName(from.name)}`, `tag:${lowerName(target.name)}`]);

      // A story with both keeps one link, at the earlier position; the rest move over as they are
      // (livePublishedAt is the story's own, so it stays right).
      await tx.$executeRaw`
        UPDATE "StoryTag" AS kept SET "position" = LEAST(kept."position", gone."position")
        FROM "StoryTag" AS gone
        WHERE gone."tagId" = ${id}::uuid AND kept."tagId" = ${targetId}::uuid AND kept."storyId" = gone."storyId"`;
      const both = await tx.$executeRaw`
        DELETE FROM "StoryTag" AS gone USING "StoryTag" AS kept
        WHERE gone."tagId" = ${id}::uuid AND kept."tagId" = ${targetId}::uuid AND kept."storyId" = gone."storyId"`;
      const moved = await tx.$executeRaw`UPDATE "StoryTag" SET "tagId" = ${targetId}::uuid WHERE "tagId" = ${id}::uuid`;

      const formerSlugs = (await tx.tagRedirect.findMany({ where: { tagId: id }, select: { slug: true } })).map((row) => row.slug);
      await tx.tagRedirect.updateMany({ where: { tagId: id }, data: { tagId: targetId } });
      await tx.tagRedirect.upsert({ where: { slug: from.slug }, create: { slug: from.slug, tagId: targetId }, update: { tagId: targetId } });
      const tag = await tx.tag.update({ where: { id: targetId }, data: { aliases: mergedAliases(target, from) }, select: tagSelect });
      await tx.tag.delete({ where: { id } });
      await tx.auditEntry.create({
        data: {
          action: "tag.merge",
          actorId: actor.id,
          storyId: null,
          detail: {
            from: { id, name: from.name, slug: from.slug, type: from.type },
            into: { id: targetId, name: target.name, slug: target.slug, type: target.type },
            stories: both + moved,
          },
        },
      });
      await recordTagChange(tx, [from.slug, ...formerSlugs, tag.slug]);
      return { tag };
    }),
  );

  forgetVocabulary();
  return toTagJson(result.tag);
}
