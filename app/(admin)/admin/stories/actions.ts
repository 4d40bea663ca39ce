"use server";

import { redirect } from "next/navigation";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { isAppError } from "@/lib/errors";
import { createStory } from "@/lib/stories/create-story";
import { updateStory } from "@/lib/stories/update-story";
import { publishStory } from "@/lib/stories/publish-story";
import { unpublishStory } from "@/lib/stories/unpublish-story";
import { submitStory } from "@/lib/stories/submit-story";
import { killStory } from "@/lib/stories/kill-story";
import { returnStory, withdrawFromReview } from "@/lib/stories/review-stories";
import { storyInputFromForm } from "@/lib/stories/schemas";
import { suggestTags } from "@/lib/tags/suggest-tags";
import { discardDraftChanges, publishDraftChanges, saveDraftChanges } from "@/lib/stories/draft-changes";
import { otherChangeSince, type OtherChange } from "@/lib/stories/other-change";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";
import { getStory } from "@/lib/stories/get-story";
import { storyFormValues, type StoryFormValues } from "@/lib/stories/story-form-values";
import type { StoryJson } from "@/lib/stories/story-shape";

/** Where a save stands in the newsroom's words, and the tokens the next save must name. */
export type SavedStory = {
  id: string;
  version: number;
  draftSavedAt: string | null;
  status: string;
  slug: string;
  /** When it was saved, in the newsroom's time zone ("27 Dec 2023, 14:05 IST"). */
  savedAt: string;
};

/** Someone else saved first: their copy as the form holds it, for the editor to merge field by field. */
export type TheirCopy = {
  values: StoryFormValues;
  version: number;
  draftSavedAt: string | null;
  status: string;
  by: string | null;
  at: string | null;
  /** Where to compare the two in full. */
  href: string;
};

export type SaveResult =
  | { ok: true; saved: SavedStory }
  | { ok: false; message: string; fields?: Record<string, string[]>; theirs?: TheirCopy };

function theirCopyHref(id: string, change: OtherChange) {
  return `/admin/stories/${id}/revisions${change.from === change.to ? "" : `?${new URLSearchParams({ from: String(change.from), to: String(change.to) })}`}`;
}

function staleMessage(change: OtherChange): string {
  const when = change.at ? formatNewsroomTime(change.at) : "";
  return {
    saved: `${change.by ?? "Someone else"} saved this story since you opened it (version ${change.version}, ${when}). Nothing of yours is lost: choose, field by field, what to keep.`,
    draft: `${change.by ?? "Someone else"} saved a draft of changes to this story since you opened it (${when}). Nothing of yours is lost: choose, field by field, what to keep.`,
    discarded: "The draft of changes you were editing has been published or discarded since. Nothing of yours is lost: choose, field by field, what to keep.",
  }[change.kind];
}

/** Maps nested field paths (dateline.location) to the form's field names (datelineLocation). */
function formFieldErrors(fields: Record<string, string[]> | undefined) {
  if (!fields) return undefined;
  const names: Record<string, string> = { "dateline.location": "datelineLocation", "dateline.country": "datelineCountry", "dateline.date": "datelineDate" };
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fields)) {
    const name = names[path] ?? path.split(".")[0];
    (out[name] ??= []).push(...messages);
  }
  return out;
}

function savedStory(story: StoryJson): SavedStory {
  return { id: story.id, version: story.version, draftSavedAt: story.draftSavedAt, status: story.status, slug: story.slug, savedAt: formatNewsroomTime(new Date()) };
}

/**
 * The story editor's one save, answering instead of redirecting so that the editor keeps typing
 * while it saves. `intent` says how: "live" saves the story itself (a draft's save, or a live
 * story's change put live at once), "draft" keeps a live story's change as its draft of changes
 * (what autosave does for a live story: readers see nothing until someone publishes it), and
 * "publishChanges" puts the draft of changes live as the form now reads. A save refused because
 * someone else saved first answers with their copy, which the editor merges field by field.
 */
export async function saveStoryAction(form: FormData): Promise<SaveResult> {
  const actor = await requireAdminActor();
  const id = typeof form.get("id") === "string" ? String(form.get("id")) : "";
  const intent = form.get("intent") === "draft" || form.get("intent") === "publishChanges" ? (form.get("intent") as "draft" | "publishChanges") : "live";
  const draftSavedAt = typeof form.get("draftSavedAt") === "string" && form.get("draftSavedAt") ? String(form.get("draftSavedAt")) : null;
  const input = storyInputFromForm(form);
  try {
    if (!id) return { ok: true, saved: savedStory(await createStory({ actor, input })) };
    if (intent === "draft") return { ok: true, saved: savedStory(await saveDraftChanges({ actor, id, input: { ...input, draftSavedAt } })) };
    if (intent === "publishChanges") return { ok: true, saved: savedStory(await publishDraftChanges({ actor, id, input: { ...input, draftSavedAt } })) };
    return { ok: true, saved: savedStory(await updateStory({ actor, id, input })) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    const refused = { ok: false as const, message: error.message, fields: formFieldErrors(error.fields) };
    if (error.code !== "conflict" || !id || typeof input.version !== "number") return refused;
    const change = await otherChangeSince({ actor, id, version: input.version, draftSavedAt });
    if (!change) return refused;
    const story = await getStory({ actor, id });
    return {
      ...refused,
      message: staleMessage(change),
      theirs: {
        values: storyFormValues(story),
        version: story.version,
        draftSavedAt: story.draftSavedAt,
        status: story.status,
        by: change.by,
        at: change.at ? formatNewsroomTime(change.at) : null,
        href: theirCopyHref(id, change),
      },
    };
  }
}

export async function discardDraftAction(_previous: StoryCommandState, form: FormData): Promise<StoryCommandState> {
  const actor = await requireAdminActor();
  const draftSavedAt = form.get("draftSavedAt");
  const input = { version: Number(form.get("version")), draftSavedAt: typeof draftSavedAt === "string" && draftSavedAt ? draftSavedAt : null };
  return runCommand(form, (id) => discardDraftChanges({ actor, id, input }), "draftDiscarded");
}

export type StoryCommandState = { message?: string };

async function runCommand(form: FormData, command: (id: string) => Promise<unknown>, done: string | ((result: unknown) => string)): Promise<StoryCommandState> {
  const id = String(form.get("id") ?? "");
  let result: unknown;
  try {
    result = await command(id);
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
  redirect(`/admin/stories/${id}?${typeof done === "string" ? done : done(result)}=1`);
}

export async function publishStoryAction(_previous: StoryCommandState, form: FormData): Promise<StoryCommandState> {
  const actor = await requireAdminActor();
  const at = form.get("at");
  // Publishing an embargoed story schedules it for the embargo's end: the notice says so.
  return runCommand(form, (id) => publishStory({ actor, id, input: typeof at === "string" && at ? { at } : {} }), (story) =>
    (story as StoryJson).status === "scheduled" ? "scheduledForEmbargo" : "published",
  );
}

export async function unpublishStoryAction(_previous: StoryCommandState, form: FormData): Promise<StoryCommandState> {
  const actor = await requireAdminActor();
  return runCommand(form, (id) => unpublishStory({ actor, id }), "unpublished");
}

export async function submitStoryAction(_previous: StoryCommandState, form: FormData): Promise<StoryCommandState> {
  const actor = await requireAdminActor();
  return runCommand(form, (id) => submitStory({ actor, id }), "submitted");
}

export async function withdrawStoryAction(_previous: StoryCommandState, form: FormData): Promise<StoryCommandState> {
  const actor = await requireAdminActor();
  return runCommand(form, (id) => withdrawFromReview({ actor, id }), "withdrawn");
}

export async function returnStoryAction(_previous: StoryCommandState, form: FormData): Promise<StoryCommandState> {
  const actor = await requireAdminActor();
  return runCommand(form, (id) => returnStory({ actor, id, input: { note: form.get("note") } }), "returned");
}

export async function killStoryAction(_previous: StoryCommandState, form: FormData): Promise<StoryCommandState> {
  const actor = await requireAdminActor();
  return runCommand(form, (id) => killStory({ actor, id }), "killed");
}

export async function suggestTagsAction(query: string) {
  const actor = await requireAdminActor();
  return suggestTags({ actor, query });
}
