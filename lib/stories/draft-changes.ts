import "server-only";
import { assertPicturesExist } from "@/lib/media/lead-image";
import type { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertStoryId } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { retryOnUniqueViolation } from "@/lib/unique-retry";
import { resolveTags } from "@/lib/tags/resolve-tags";
import { chooseSlug } from "@/lib/stories/unique-slug";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";
import { draftChangesSchema, draftDecisionSchema, updateStorySchema, type DraftChangesInput } from "@/lib/stories/schemas";
import { revisionSnapshot, snapshotUpdateInput, type RevisionSnapshot } from "@/lib/stories/revision-snapshot";
import { changedFields } from "@/lib/stories/revision-diff";
import { storySelect, toStoryJson, type StoryJson } from "@/lib/stories/story-shape";
import { staleMessage, updateStoryInTx } from "@/lib/stories/update-story";
import { lockStory } from "@/lib/stories/lock-story";
import { assertStoryPublishable } from "@/lib/stories/assert-publishable";
import { LIVE_STATUSES } from "@/lib/stories/live";

// A draft of changes is how a live story is edited without readers seeing the edit yet: the story
// as it will read (a RevisionSnapshot) waits on the story row until it is published. Saving or
// discarding it changes nothing readers see, so the story's version (the live copy's) and its
// modified time stay; a draft carries its own token instead, the instant it was saved, which every
// later save, publish or discard of it must name.

const noDraft = { draftChanges: Prisma.DbNull, draftBaseVersion: null, draftById: null, draftSavedAt: null };

type StoryRowWithDraft = Prisma.StoryGetPayload<{ select: typeof storySelect }>;

async function loadStory(tx: Tx, id: string) {
  const row = await tx.story.findUnique({ where: { id }, select: storySelect, relationLoadStrategy: "join" });
  if (!row) throw new AppError("not_found", "No story with that id");
  return row;
}

/** Refuses a change based on a draft other than the one now held (or on none, when one is held). */
function assertSameDraft(row: StoryRowWithDraft, expected: string | null) {
  const held = row.draftSavedAt?.toISOString() ?? null;
  if (held === expected) return;
  throw new AppError(
    "conflict",
    row.draftSavedAt
      ? `Someone else saved a draft of changes to this story (${row.draftBy?.name ?? "an editor"}, ${formatNewsroomTime(row.draftSavedAt)}) since you opened it. Reload it and apply your change again.`
      : "The draft of changes you opened has been published or discarded since. Reload the story and apply your change again.",
  );
}

const defined = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * Saves a change to a published or scheduled story as its draft of changes: readers keep seeing
 * the live copy. The change is applied to the draft already held (or to the live copy when there
 * is none), so the API may send only the fields it changes.
 */
export async function saveDraftChanges(options: { actor: Actor; id: string; input: DraftChangesInput | Record<string, unknown> }) {
  const { actor, id } = options;
  requirePermission(actor, "story.edit.live");
  assertStoryId(id);
  const input = parseInput(draftChangesSchema, options.input);
  if (input.markAsUpdate) {
    throw new AppError("validation_failed", "A draft of changes is not an update yet: mark it as one when you publish it", {
      markAsUpdate: ["Mark the update when publishing the changes, not on the draft"],
    });
  }

  const row = await retryOnUniqueViolation(() =>
    db.$transaction(async (tx) => {
      await lockStory(tx, id);
      const current = await loadStory(tx, id);
      if (!LIVE_STATUSES.has(current.status)) {
        throw new AppError("conflict", "Only a published or scheduled story keeps a draft of changes: save this one directly");
      }
      if (current.version !== input.version) throw new AppError("conflict", staleMessage(input.version, current.version));
      assertSameDraft(current, input.draftSavedAt);

      const story = toStoryJson(current);
      const copy = story.draftChanges ?? revisionSnapshot(story);
      // Marking an update belongs to publishing the changes, not to the draft.
      const { version: _version, draftSavedAt: _draftSavedAt, tags, slug, dateline, embargoUntil, markAsUpdate: _markAsUpdate, leadImage, ...text } = input;
      await assertPicturesExist(tx, [{ leadImage, body: text.body }]);
      const headline = text.headline ?? copy.headline;
      const draft: RevisionSnapshot = {
        ...copy,
        ...defined(text),
        dateline: dateline ?? copy.dateline,
        // Checked now, so the editor hears of a taken slug when saving rather than when publishing.
        slug: slug && slug !== copy.slug ? await chooseSlug(tx, { requested: slug, headline, storyId: id }) : copy.slug,
        embargoUntil: embargoUntil === undefined ? copy.embargoUntil : embargoUntil && new Date(embargoUntil).toISOString(),
        // The snapshot names the picture by id, as revisions do (snapshotUpdateInput reads it back).
        leadImageId: leadImage === undefined ? (copy.leadImageId ?? null) : (leadImage?.id ?? null),
        tags: tags ? (await resolveTags(tx, actor, tags)).map(({ name, slug, type }) => ({ name, slug, type })) : copy.tags,
        status: current.status,
      };

      // Claimed atomically: of two draft saves based on the same draft, the second finds it gone.
      const claimed = await tx.story.updateMany({
        where: { id, version: input.version, draftSavedAt: current.draftSavedAt },
        data: { draftChanges: draft, draftBaseVersion: input.version, draftById: actor.id, draftSavedAt: new Date(), updatedAt: current.updatedAt },
      });
      if (claimed.count !== 1) throw new AppError("conflict", "Someone else saved this story at the same moment. Reload it and apply your change again.");
      return loadStory(tx, id);
    }),
  );
  return toStoryJson(row);
}

/**
 * Whether the live copy changed (not just its status) since the draft was saved, so that
 * publishing the draft would undo someone's edit.
 */
async function liveChangedSinceDraft(tx: Tx, row: StoryRowWithDraft): Promise<boolean> {
  if (row.draftBaseVersion === null || row.draftBaseVersion === row.version) return false;
  const base = await tx.storyRevision.findUnique({ where: { storyId_version: { storyId: row.id, version: row.draftBaseVersion } }, select: { snapshot: true } });
  if (!base) return true;
  const live = revisionSnapshot(toStoryJson(row));
  return changedFields(base.snapshot as RevisionSnapshot, live).some((field) => field !== "status");
}

/** For the editor's banner: whether the live copy moved on after the story's draft was saved. */
export async function draftIsBehindLive(options: { actor: Actor; id: string }): Promise<boolean> {
  requirePermission(options.actor, "story.read");
  assertStoryId(options.id);
  return db.$transaction(async (tx) => liveChangedSinceDraft(tx, await loadStory(tx, options.id)));
}

/** Clears the draft, taking it atomically: a draft that someone else just took is refused. */
async function takeDraft(tx: Tx, row: StoryRowWithDraft) {
  const taken = await tx.story.updateMany({ where: { id: row.id, draftSavedAt: row.draftSavedAt }, data: { ...noDraft, updatedAt: row.updatedAt } });
  if (taken.count !== 1) throw new AppError("conflict", "The draft of changes was published or discarded by someone else just now. Reload the story.");
}

/** The stored draft, with any fields the caller changed on top, applied to the live story as a normal update. */
async function applyDraft(tx: Tx, actor: Actor, row: StoryRowWithDraft, version: number, overrides: Partial<z.output<typeof updateStorySchema>> = {}) {
  const draft = row.draftChanges as RevisionSnapshot;
  await takeDraft(tx, row);
  const changes = { ...parseInput(updateStorySchema, snapshotUpdateInput(draft, version)), ...defined(overrides) };
  return updateStoryInTx(tx, actor, row.id, changes);
}

/**
 * Puts the draft of changes live, with whatever the editor changed in the form on top: a normal
 * update (a new revision) based on the version the editor saw, after which the draft is gone.
 */
export async function publishDraftChanges(options: { actor: Actor; id: string; input: DraftChangesInput | Record<string, unknown> }) {
  const { actor, id } = options;
  requirePermission(actor, "story.edit.live");
  assertStoryId(id);
  const input = parseInput(draftChangesSchema, options.input);
  const updated = await retryOnUniqueViolation(() =>
    db.$transaction(async (tx) => {
      await lockStory(tx, id);
      const current = await loadStory(tx, id);
      if (!current.draftChanges) throw new AppError("conflict", "This story has no draft of changes: it was published or discarded since you opened it. Reload the story.");
      assertSameDraft(current, input.draftSavedAt);
      const { draftSavedAt: _token, ...changes } = input;
      const result = await applyDraft(tx, actor, current, input.version, changes);
      // The copy going live meets what the newsroom requires (PUBLISH_REQUIRE), as any publish.
      await assertStoryPublishable(tx, id);
      await tx.auditEntry.create({
        data: { action: "story.publish_changes", actorId: actor.id, storyId: id, detail: { version: result.row.version, draftBy: current.draftBy?.name ?? null } },
      });
      return result;
    }),
  );
  return toStoryJson(updated.row);
}

/**
 * Inside a publish, under the story's lock (lib/stories/lock-story.ts): a story with a draft of
 * changes goes live as the draft reads. If the live copy was edited after the draft was saved,
 * publishing would silently undo that edit, so it is refused.
 */
export async function applyDraftChangesInTx(tx: Tx, actor: Actor, id: string) {
  const current = await loadStory(tx, id);
  if (!current.draftChanges || current.status === "killed") return null;
  if (await liveChangedSinceDraft(tx, current)) {
    throw new AppError(
      "conflict",
      `This story has a draft of changes saved before its latest edit (version ${current.version}). Open it in the editor to publish or discard the draft first.`,
    );
  }
  return applyDraft(tx, actor, current, current.version);
}

/** Throws the draft of changes away; the live copy is untouched. */
export async function discardDraftChanges(options: { actor: Actor; id: string; input: { version: number; draftSavedAt: string | null } | Record<string, unknown> }): Promise<StoryJson> {
  const { actor, id } = options;
  requirePermission(actor, "story.edit.live");
  assertStoryId(id);
  const input = parseInput(draftDecisionSchema, options.input);
  const row = await db.$transaction(async (tx) => {
    await lockStory(tx, id);
    const current = await loadStory(tx, id);
    if (!current.draftChanges) throw new AppError("conflict", "This story has no draft of changes: it was published or discarded since you opened it.");
    if (current.version !== input.version) throw new AppError("conflict", staleMessage(input.version, current.version));
    assertSameDraft(current, input.draftSavedAt);
    await takeDraft(tx, current);
    await tx.auditEntry.create({ data: { action: "story.discard_changes", actorId: actor.id, storyId: id, detail: { draftBy: current.draftBy?.name ?? null } } });
    return loadStory(tx, id);
  });
  return toStoryJson(row);
}
