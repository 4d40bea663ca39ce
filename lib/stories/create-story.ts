import "server-only";
import { db } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { resolveTags } from "@/lib/tags/resolve-tags";
import { chooseSlug } from "@/lib/stories/unique-slug";
import { recordRevision } from "@/lib/stories/revision";
import { createStorySchema, type CreateStoryInput } from "@/lib/stories/schemas";
import { toStoryJson } from "@/lib/stories/story-shape";

/** Creates a draft story, its tags and its first revision in one transaction. */
export async function createStory(options: { actor: Actor; input: CreateStoryInput | Record<string, unknown> }) {
  const { actor } = options;
  requirePermission(actor, "story.create");
  const input = parseInput(createStorySchema, options.input);
  const row = await db.$transaction(async (tx) => {
    const slug = await chooseSlug(tx, { requested: input.slug, headline: input.headline });
    const tags = await resolveTags(tx, actor, input.tags ?? []);
    const story = await tx.story.create({
      data: {
        slug,
        headline: input.headline,
        standfirst: input.standfirst,
        body: input.body,
        byline: input.byline,
        agency: input.agency,
        credits: input.credits,
        datelineLocation: input.dateline?.location ?? null,
        datelineCountry: input.dateline?.country ?? null,
        datelineDate: input.dateline?.date ? new Date(`${input.dateline.date}T00:00:00Z`) : null,
        embargoUntil: input.embargoUntil ? new Date(input.embargoUntil) : null,
        createdById: actor.id,
        updatedById: actor.id,
        tags: { create: tags.map((tag, position) => ({ tagId: tag.id, position })) },
      },
      select: { id: true },
    });
    return recordRevision(tx, story.id, actor.id);
  });
  return toStoryJson(row);
}
