import "server-only";
import { db } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { retryOnUniqueViolation } from "@/lib/unique-retry";
import { resolveTags } from "@/lib/tags/resolve-tags";
import { chooseSlug } from "@/lib/stories/unique-slug";
import { recordRevision } from "@/lib/stories/revision";
import { createStorySchema, type CreateStoryInput } from "@/lib/stories/schemas";
import { toStoryJson } from "@/lib/stories/story-shape";
import { storyColumns } from "@/lib/stories/story-data";

/** Creates a draft story, its tags and its first revision in one transaction. */
export async function createStory(options: { actor: Actor; input: CreateStoryInput | Record<string, unknown> }) {
  const { actor } = options;
  requirePermission(actor, "story.create");
  const input = parseInput(createStorySchema, options.input);
  const row = await retryOnUniqueViolation(() => db.$transaction(async (tx) => {
    const { slug: _requested, tags: _tags, ...fields } = input;
    const slug = await chooseSlug(tx, { requested: input.slug, headline: input.headline });
    const tags = await resolveTags(tx, actor, input.tags ?? []);
    const story = await tx.story.create({
      data: {
        ...storyColumns(fields),
        slug,
        createdById: actor.id,
        updatedById: actor.id,
        tags: { create: tags.map((tag, position) => ({ tagId: tag.id, position })) },
      },
      select: { id: true },
    });
    return recordRevision(tx, story.id, actor.id);
  }));
  return toStoryJson(row);
}
