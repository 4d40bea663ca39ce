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

export type StoryFormState = {
  message?: string;
  fields?: Record<string, string[]>;
  // What was typed, so a refused form comes back as the editor left it.
  values?: Record<string, string>;
};

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

export async function saveStoryAction(_previous: StoryFormState, form: FormData): Promise<StoryFormState> {
  const actor = await requireAdminActor();
  const id = form.get("id");
  let storyId: string;
  try {
    const input = storyInputFromForm(form);
    const story = typeof id === "string" && id ? await updateStory({ actor, id, input }) : await createStory({ actor, input });
    storyId = story.id;
  } catch (error) {
    if (isAppError(error)) return { message: error.message, fields: formFieldErrors(error.fields), values: typedValues(form) };
    throw error;
  }
  redirect(`/admin/stories/${storyId}?saved=1`);
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
