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
import { storyInputFromForm } from "@/lib/stories/schemas";
import { suggestTags } from "@/lib/tags/suggest-tags";
import { discardDraftChanges, publishDraftChanges, saveDraftChanges } from "@/lib/stories/draft-changes";
import { otherChangeSince, type OtherChange } from "@/lib/stories/other-change";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";
import type { FieldDiff } from "@/lib/stories/revision-diff";

export type StoryFormState = {
  message?: string;
  fields?: Record<string, string[]>;
  // What was typed, so a refused form comes back as the editor left it.
  values?: Record<string, string>;
  // A save refused because someone else saved first: where to see their change, and the change itself.
  stale?: { href: string; title: string; fields: FieldDiff[] | null };
};

function staleState(id: string, change: OtherChange): Pick<StoryFormState, "message" | "stale"> {
  const when = change.at ? formatNewsroomTime(change.at) : "";
  const message = {
    saved: `Someone else saved this story since you opened it (version ${change.version} by ${change.by} at ${when}). Your changes are not saved.`,
    draft: `Someone else saved a draft of changes to this story since you opened it (by ${change.by} at ${when}). Your changes are not saved.`,
    discarded: "The draft of changes you opened has been discarded since. Your changes are not saved.",
  }[change.kind];
  const comparison = change.comparison;
  return {
    message,
    stale: {
      href: `/admin/stories/${id}/revisions${change.from === change.to ? "" : `?${new URLSearchParams({ from: String(change.from), to: String(change.to) })}`}`,
      title: comparison ? `Changes from ${comparison.from.label} to ${comparison.to.label}` : "Their change",
      fields: comparison?.fields ?? null,
    },
  };
}

function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
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

const savedNotices = { live: "saved", draft: "draftSaved", publishChanges: "changesPublished" } as const;

/**
 * The story form's one action. `intent` says how to save an existing story: live (the default),
 * as a draft of changes to a live story, or by publishing the draft of changes the form holds.
 */
export async function saveStoryAction(_previous: StoryFormState, form: FormData): Promise<StoryFormState> {
  const actor = await requireAdminActor();
  const id = typeof form.get("id") === "string" ? String(form.get("id")) : "";
  const intent = form.get("intent") === "draft" || form.get("intent") === "publishChanges" ? (form.get("intent") as "draft" | "publishChanges") : "live";
  const draftSavedAt = typeof form.get("draftSavedAt") === "string" && form.get("draftSavedAt") ? String(form.get("draftSavedAt")) : null;
  const input = storyInputFromForm(form);
  let storyId: string;
  try {
    if (!id) storyId = (await createStory({ actor, input })).id;
    else if (intent === "draft") storyId = (await saveDraftChanges({ actor, id, input: { ...input, draftSavedAt } })).id;
    else if (intent === "publishChanges") storyId = (await publishDraftChanges({ actor, id, input: { ...input, draftSavedAt } })).id;
    else storyId = (await updateStory({ actor, id, input })).id;
  } catch (error) {
    if (!isAppError(error)) throw error;
    const refused = { message: error.message, fields: formFieldErrors(error.fields), values: typedValues(form) };
    if (error.code !== "conflict" || !id || typeof input.version !== "number") return refused;
    const change = await otherChangeSince({ actor, id, version: input.version, draftSavedAt });
    return change ? { ...refused, ...staleState(id, change) } : refused;
  }
  redirect(`/admin/stories/${storyId}?${savedNotices[id ? intent : "live"]}=1`);
}

export async function discardDraftAction(_previous: StoryCommandState, form: FormData): Promise<StoryCommandState> {
  const actor = await requireAdminActor();
  const draftSavedAt = form.get("draftSavedAt");
  const input = { version: Number(form.get("version")), draftSavedAt: typeof draftSavedAt === "string" && draftSavedAt ? draftSavedAt : null };
  return runCommand(form, (id) => discardDraftChanges({ actor, id, input }), "draftDiscarded");
}

export type StoryCommandState = { message?: string };

async function runCommand(form: FormData, command: (id: string) => Promise<unknown>, done: string): Promise<StoryCommandState> {
  const id = String(form.get("id") ?? "");
  try {
    await command(id);
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
  redirect(`/admin/stories/${id}?${done}=1`);
}

export async function publishStoryAction(_previous: StoryCommandState, form: FormData): Promise<StoryCommandState> {
  const actor = await requireAdminActor();
  const at = form.get("at");
  return runCommand(form, (id) => publishStory({ actor, id, input: typeof at === "string" && at ? { at } : {} }), "published");
}

export async function unpublishStoryAction(_previous: StoryCommandState, form: FormData): Promise<StoryCommandState> {
  const actor = await requireAdminActor();
  return runCommand(form, (id) => unpublishStory({ actor, id }), "unpublished");
}

export async function submitStoryAction(_previous: StoryCommandState, form: FormData): Promise<StoryCommandState> {
  const actor = await requireAdminActor();
  return runCommand(form, (id) => submitStory({ actor, id }), "submitted");
}

export async function killStoryAction(_previous: StoryCommandState, form: FormData): Promise<StoryCommandState> {
  const actor = await requireAdminActor();
  return runCommand(form, (id) => killStory({ actor, id }), "killed");
}

export async function suggestTagsAction(query: string) {
  const actor = await requireAdminActor();
  return suggestTags({ actor, query });
}
