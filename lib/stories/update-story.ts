import "server-only";
import type { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertStoryId } from "@/lib/ids";
import { can, requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { retryOnUniqueViolation } from "@/lib/unique-retry";
import { resolveTags } from "@/lib/tags/resolve-tags";
import { chooseSlug } from "@/lib/stories/unique-slug";
import { makeSlug } from "@/lib/stories/make-slug";
import { recordRevision } from "@/lib/stories/revision";
import { updateStorySchema, type UpdateStoryInput } from "@/lib/stories/schemas";
import { toStoryJson } from "@/lib/stories/story-shape";
import { storyColumns } from "@/lib/stories/story-data";
import { assertPicturesExist } from "@/lib/media/lead-image";
import { recordStoryChange } from "@/lib/outbox/reader-change";
import { schedulePublication } from "@/lib/jobs/schedule-publication";
import { lockStory } from "@/lib/stories/lock-story";
import { markStoryUpdatedInTx } from "@/lib/stories/mark-updated";
import { assertStoryPublishable } from "@/lib/stories/assert-publishable";
import { LIVE_STATUSES } from "@/lib/stories/live";


/** Whether a slug is the one made from a headline (with a -2, -3 … when that was taken). */
function isSlugOf(slug: string, headline: string): boolean {
  const base = makeSlug(headline);
  return slug === base || new RegExp(`^${base}-\\d+$`).test(slug);
}
export const staleMessage = (version: number, current: number) =>
  `This story has changed since version ${version}: it is now at version ${current}. Reload it and apply your change again.`;

/**
 * A live story given an embargo that lifts later than it went (or goes) live leaves the site and
 * is scheduled for the embargo's end, like publishing an embargoed story: one rule for what is
 * readable (lib/stories/live.ts) and one instant for the scheduler and the page caches to act on.
 * A story scheduled only to wait for its embargo follows the embargo when it is brought forward,
 * lifted now or cleared: it goes out when the embargo now ends, or at once.
 */
async function embargoReschedule(tx: Tx, id: string, status: string, embargoUntil: string | null | undefined) {
  if (embargoUntil === undefined || !LIVE_STATUSES.has(status)) return {};
  const story = await tx.story.findUniqueOrThrow({ where: { id }, select: { publishedAt: true, scheduledAt: true, embargoUntil: true, firstPublishedAt: true } });
  const goesLive = story.scheduledAt ?? story.publishedAt;
  const now = new Date();
  const lifts = embargoUntil === null ? null : new Date(embargoUntil);
  const waitedForEmbargo = status === "scheduled" && !!goesLive && goesLive.getTime() === story.embargoUntil?.getTime();
  let at: Date | null = null;
  if (waitedForEmbargo && goesLive && (lifts === null || lifts < goesLive)) at = lifts && lifts > now ? lifts : now;
  else if (lifts && lifts > now && (!goesLive || lifts > goesLive)) at = lifts;
  if (!at) return {};
  // A story readers have seen keeps its first publication time (its place in the lists) when it returns.
  const publishedAt = story.firstPublishedAt ?? at;
  await tx.storyTag.updateMany({ where: { storyId: id }, data: { livePublishedAt: publishedAt } });
  await schedulePublication(tx, id, at);
  return { status: "scheduled" as const, scheduledAt: at, publishedAt };
}

/**
 * Applies a validated change inside the caller's transaction (wire ingest updates drafts through
 * here too). Returns the stored row and what the story was before, for cache revalidation.
 */
export async function updateStoryInTx(tx: Tx, actor: Actor, id: string, input: z.output<typeof updateStorySchema>) {
  requirePermission(actor, "story.edit");
  // Under the story's lock, what is read below is what the change is applied to: a publish, kill
  // or scheduler run cannot slip in between (the version claim alone would miss the scheduler's,
  // which moves no version).
  await lockStory(tx, id);
  const current = await tx.story.findUnique({
    where: { id },
    select: { status: true, slug: true, version: true, headline: true, publishedAt: true, firstPublishedAt: true, tags: { select: { tag: { select: { slug: true } } } } },
  });
  if (!current) throw new AppError("not_found", "No story with that id");
  if (current.status === "killed") throw new AppError("conflict", "A killed story cannot be edited");
  if (LIVE_STATUSES.has(current.status) && !can(actor, "story.edit.live")) {
    throw new AppError("forbidden", "Only an editor or admin may change a published story");
  }
  if (current.version !== input.version) throw new AppError("conflict", staleMessage(input.version, current.version));

  // Claim the version before anything else (a compare-and-set, kept for callers of this function
  // that did not read the version under the lock): of two saves based on the same version, the
  // second finds it gone and is refused, having changed nothing.
  const claimed = await tx.story.updateMany({ where: { id, version: input.version }, data: { version: { increment: 1 }, updatedById: actor.id } });
  if (claimed.count !== 1) throw new AppError("conflict", staleMessage(input.version, input.version + 1));

  let slug = current.slug;
  const slugKept = !input.slug || input.slug === current.slug;
  if (slugKept && input.headline && input.headline !== current.headline && !current.firstPublishedAt && isSlugOf(current.slug, current.headline)) {
    // Until a story is first published, a slug nobody chose by hand follows the headline.
    slug = await chooseSlug(tx, { requested: null, headline: input.headline, storyId: id });
  } else if (!slugKept && input.slug) {
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

  const { version: _version, slug: _slug, tags: _tags, markAsUpdate, ...fields } = input;
  await assertPicturesExist(tx, [fields]);
  // A proposed headline (lib/wire/propose-headline.ts) stops needing writing once someone changes it.
  const headlineWritten = input.headline !== undefined && input.headline !== current.headline ? { headlineProposed: false } : {};
  await tx.story.update({ where: { id }, data: { ...storyColumns(fields), slug, ...headlineWritten, ...(await embargoReschedule(tx, id, current.status, fields.embargoUntil)) } });
  if (markAsUpdate) await markStoryUpdatedInTx(tx, { actor, storyId: id });
  // A change to a live story is a publication of it: it meets what the newsroom requires (PUBLISH_REQUIRE).
  if (LIVE_STATUSES.has(current.status)) await assertStoryPublishable(tx, id);
  const row = await recordRevision(tx, id, actor.id);
  // Readers of a live story get the new copy, under old and new slug and tags (at the commit, or never).
  if (LIVE_STATUSES.has(row.status)) {
    // Published and still published: an update; put back under an embargo, it left the site.
    const event = row.status === "published" ? "story.updated" : current.status === "published" ? "story.unpublished" : null;
    await recordStoryChange(tx, { storyId: id, slugs: [current.slug, row.slug], tagSlugs: [...current.tags, ...row.tags].map((t) => t.tag.slug), event });
  }
  return { row, before: current };
}

/**
 * Changes a story's fields. The change must name the version it was based on: if anyone saved
 * since, it is refused with 409 rather than silently overwriting their work.
 */
export async function updateStory(options: { actor: Actor; id: string; input: UpdateStoryInput | Record<string, unknown> }) {
  const { actor, id } = options;
  requirePermission(actor, "story.edit");
  assertStoryId(id);
  const input = parseInput(updateStorySchema, options.input);

  const updated = await retryOnUniqueViolation(() => db.$transaction((tx) => updateStoryInTx(tx, actor, id, input)));
  return toStoryJson(updated.row);
}
