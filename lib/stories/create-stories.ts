import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { resolveTagLists } from "@/lib/tags/resolve-tags";
import { allocateSlugs } from "@/lib/stories/allocate-slugs";
import { chooseSlug } from "@/lib/stories/unique-slug";
import { storyColumns } from "@/lib/stories/story-data";
import { revisionSnapshot } from "@/lib/stories/revision-snapshot";
import { bulkInsert, type Column } from "@/lib/bulk-insert";
import type { createStorySchema } from "@/lib/stories/schemas";
import { assertPicturesExist } from "@/lib/media/lead-image";
import type { WireChannel } from "@/lib/wire-ingest/wire-sender";

/**
 * Where a story came from, when it was made from agency copy: the item's uri and version, and the
 * path it came by (its versions belong to that source: the creating actor, by that path and key).
 */
export type WireOrigin = {
  wireGuid: string | null;
  wireVersion: number | null;
  // userId: the sender, where it is not the actor (an editor taking an item a source brought in).
  owner?: { channel: WireChannel; apiKeyId: string | null; sourceId?: string | null; userId?: string } | null;
  /** The headline was proposed from the copy, which carried none: the draft says it needs writing. */
  headlineProposed?: boolean;
};
export type NewStory = { input: z.output<typeof createStorySchema>; origin?: WireOrigin };

/**
 * Creates draft stories with their tags and first revisions inside the caller's transaction, with
 * a fixed number of queries however many there are: bulk wire ingest makes hundreds at a time,
 * and a single story goes the same way. Returns the new ids, in order.
 */
export async function createStoriesInTx(tx: Tx, actor: Actor, stories: NewStory[]): Promise<string[]> {
  requirePermission(actor, "story.create");
  if (stories.length === 0) return [];
  const automatic = stories.flatMap((story, index) => (story.input.slug ? [] : [index]));
  const allocated = await allocateSlugs(tx, automatic.map((index) => stories[index].input.headline));
  const slugs: string[] = [];
  for (const [index, story] of stories.entries()) {
    slugs.push(story.input.slug ? await chooseSlug(tx, { requested: story.input.slug, headline: story.input.headline }) : allocated[automatic.indexOf(index)]);
  }
  await assertPicturesExist(tx, stories.map((story) => story.input));
  const tagLists = await resolveTagLists(tx, actor, stories.map((story) => story.input.tags ?? []));
  const ids = stories.map(() => randomUUID());
  const now = new Date();

  const rows = stories.map(({ input, origin }, index) => {
    const { slug: _slug, tags: _tags, ...fields } = input;
    return { id: ids[index], slug: slugs[index], ...storyColumns(fields), origin, tags: tagLists[index], input };
  });
  type Row = (typeof rows)[number];
  const storyColumnsList: Column<Row>[] = [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "slug", type: "text", value: (r) => r.slug },
    { name: "headline", type: "text", value: (r) => r.headline },
    { name: "standfirst", type: "text", value: (r) => r.standfirst },
    { name: "body", type: "text", value: (r) => r.body },
    { name: "byline", type: "text", value: (r) => r.byline },
    { name: "agency", type: "text", value: (r) => r.agency },
    { name: "credits", type: "text", value: (r) => r.credits },
    { name: "datelineLocation", type: "text", value: (r) => r.datelineLocation ?? null },
    { name: "datelineCountry", type: "text", value: (r) => r.datelineCountry ?? null },
    { name: "datelineDate", type: "date", value: (r) => r.input.dateline?.date ?? null },
    { name: "embargoUntil", type: "timestamp", value: (r) => r.embargoUntil ?? null },
    { name: "leadImageId", type: "uuid", value: (r) => r.leadImageId ?? null },
    { name: "wireGuid", type: "text", value: (r) => r.origin?.wireGuid ?? null },
    { name: "wireVersion", type: "int", value: (r) => r.origin?.wireVersion ?? null },
    { name: "wireOwnerId", type: "uuid", value: (r) => (r.origin?.owner ? (r.origin.owner.userId ?? actor.id) : null) },
    { name: "wireOwnerChannel", type: "text", cast: '"WireChannel"', value: (r) => r.origin?.owner?.channel ?? null },
    { name: "wireOwnerApiKeyId", type: "uuid", value: (r) => r.origin?.owner?.apiKeyId ?? null },
    { name: "wireOwnerSourceId", type: "uuid", value: (r) => r.origin?.owner?.sourceId ?? null },
    { name: "headlineProposed", type: "text", cast: "boolean", value: (r) => String(!!r.origin?.headlineProposed) },
    { name: "createdById", type: "uuid", value: () => actor.id },
    { name: "updatedById", type: "uuid", value: () => actor.id },
    { name: "createdAt", type: "timestamp", value: () => now },
    { name: "updatedAt", type: "timestamp", value: () => now },
  ];
  await bulkInsert(tx, "Story", storyColumnsList, rows);

  const links = rows.flatMap((row) => row.tags.map((tag, position) => ({ storyId: row.id, tagId: tag.id, position })));
  await bulkInsert(tx, "StoryTag", [
    { name: "storyId", type: "uuid", value: (l) => l.storyId },
    { name: "tagId", type: "uuid", value: (l) => l.tagId },
    { name: "position", type: "int", value: (l) => l.position },
  ], links);

  await bulkInsert(tx, "StoryRevision", [
    { name: "id", type: "uuid", value: () => randomUUID() },
    { name: "storyId", type: "uuid", value: (r) => r.id },
    { name: "version", type: "int", value: () => 1 },
    { name: "authorId", type: "uuid", value: () => actor.id },
    { name: "createdAt", type: "timestamp", value: () => now },
    {
      name: "snapshot",
      type: "jsonb",
      value: ({ input, slug, tags }) =>
        revisionSnapshot({
          headline: input.headline,
          standfirst: input.standfirst,
          body: input.body,
          byline: input.byline,
          agency: input.agency,
          credits: input.credits,
          dateline: { location: input.dateline?.location ?? null, country: input.dateline?.country ?? null, date: input.dateline?.date ?? null },
          slug,
          status: "draft",
          embargoUntil: input.embargoUntil ? new Date(input.embargoUntil).toISOString() : null,
          leadImageId: input.leadImage?.id ?? null,
          tags: tags.map(({ name, slug: tagSlug, type }) => ({ name, slug: tagSlug, type })),
        }),
    },
  ], rows);
  return ids;
}
