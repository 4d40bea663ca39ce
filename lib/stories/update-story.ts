import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can, requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { resolveTags } from "@/lib/tags/resolve-tags";
import { chooseSlug } from "@/lib/stories/unique-slug";
import { recordRevision } from "@/lib/stories/revision";
import { updateStorySchema, type UpdateStoryInput } from "@/lib/stories/schemas";
import { toStoryJson } from "@/lib/stories/story-shape";
import { revalidateStory } from "@/lib/cache/revalidate-story";

const LIVE_STATUSES = new Set(["published", "scheduled"]);

/**
 * Changes a story's fields. The change must name the version it was based on: if anyone saved
 * since, it is refused with 409 rather than silently overwriting their work.
 */
export async function updateStory(options: { actor: Actor; id: string; input: UpdateStoryInput | Record<string, unknown> }) {
  const { actor, id } = options;
  requirePermission(actor, "story.edit");
  const input = parseInput(updateStorySchema, options.input);

  const { row, before } = await db.$transaction(async (tx) => {
    const current = await tx.story.findUnique({
      where: { id },
      select: { status: true, slug: true, version: true, headline: true, publishedAt: true, firstPublishedAt: true, tags: { select: { tag: { select: { slug: true } } } } },
    });
    if (!current) throw new AppError("not_found", "No story with that id");
    if (current.status === "killed") throw new AppError("conflict", "A killed story cannot be edited");
    if (LIVE_STATUSES.has(current.status) && !can(actor, "story.edit.live")) {
      throw new AppError("forbidden", "Only an editor or admin may change a published story");
    }
    if (current.version !== input.version) {
      throw new AppError("conflict", `This story has changed since version ${input.version}: it is now at version ${current.version}. Reload it and apply your change again.`);
    }

    let slug = current.slug;
    if (input.slug && input.slug !== current.slug) {
      slug = await chooseSlug(tx, { requested: input.slug, headline: input.headline ?? current.headline, storyId: id });
      // A slug that readers may have seen keeps answering, as a redirect to the new one.
      if (current.firstPublishedAt) {
        await tx.slugRedirect.upsert({ where: { slug: current.slug }, create: { slug: current.slug, storyId: id }, update: { storyId: id } });
      }
      await tx.slugRedirect.deleteMany({ where: { slug } });
    }

    if (input.tags) {
      const tags = await resolveTags(tx, actor, input.tags);
      const livePublishedAt = LIVE_STATUSES.has(current.status) ? current.publishedAt : null;
      await tx.storyTag.deleteMany({ where: { storyId: id } });
      await tx.storyTag.createMany({ data: tags.map((tag, position) => ({ storyId: id, tagId: tag.id, position, livePublishedAt })) });
    }

    const dateline = input.dateline;
    const updated = await tx.story.updateMany({
      where: { id, version: input.version },
      data: {
        slug,
        headline: input.headline,
        standfirst: input.standfirst,
        body: input.body,
        byline: input.byline,
        agency: input.agency,
        credits: input.credits,
        ...(dateline
          ? {
              datelineLocation: dateline.location,
              datelineCountry: dateline.country,
              datelineDate: dateline.date ? new Date(`${dateline.date}T00:00:00Z`) : null,
            }
          : {}),
        ...(input.embargoUntil !== undefined ? { embargoUntil: input.embargoUntil ? new Date(input.embargoUntil) : null } : {}),
        version: { increment: 1 },
        updatedById: actor.id,
      },
    });
    // Another save won the race between our read and this write.
    if (updated.count !== 1) throw new AppError("conflict", "This story was changed by someone else at the same moment. Reload it and apply your change again.");
    return { row: await recordRevision(tx, id, actor.id), before: current };
  });

  if (LIVE_STATUSES.has(row.status)) {
    await revalidateStory({
      slugs: [before.slug, row.slug],
      tagSlugs: [...before.tags.map((t) => t.tag.slug), ...row.tags.map((t) => t.tag.slug)],
    });
  }
  return toStoryJson(row);
}
