"use server";

import { revalidatePath } from "next/cache";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { isAppError } from "@/lib/errors";
import { renameTag } from "@/lib/tags/rename-tag";
import { mergeTags } from "@/lib/tags/merge-tags";
import { changeTagType } from "@/lib/tags/change-tag-type";
import { deleteTag } from "@/lib/tags/delete-tag";
import { suggestTags } from "@/lib/tags/suggest-tags";

// Each action answers with a sentence: `done` on success, `message` when refused (a lib
// AppError, permission included), never an error page.

export type TagFormState = { message?: string; value?: string; done?: string };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function renameTagAction(_previous: TagFormState, form: FormData): Promise<TagFormState> {
  const actor = await requireAdminActor();
  const name = text(form, "name");
  try {
    const tag = await renameTag({ actor, id: text(form, "id"), input: { name } });
    revalidatePath("/admin/tags");
    return { done: `Renamed to “${tag.name}” (/tags/${tag.slug}).` };
  } catch (error) {
    if (isAppError(error)) return { message: error.fields?.name?.join(" ") ?? error.message, value: name };
    throw error;
  }
}

export async function mergeTagsAction(_previous: TagFormState, form: FormData): Promise<TagFormState> {
  const actor = await requireAdminActor();
  const into = text(form, "into");
  try {
    const tag = await mergeTags({ actor, id: text(form, "id"), input: { into } });
    revalidatePath("/admin/tags");
    return { done: `Merged “${text(form, "name")}” into “${tag.name}”: its stories are now tagged “${tag.name}”, and its address leads there.` };
  } catch (error) {
    if (isAppError(error)) return { message: error.fields?.into?.join(" ") ?? error.message, value: into };
    throw error;
  }
}

export async function changeTagTypeAction(_previous: TagFormState, form: FormData): Promise<TagFormState> {
  const actor = await requireAdminActor();
  try {
    const tag = await changeTagType({ actor, id: text(form, "id"), input: { type: text(form, "type") } });
    revalidatePath("/admin/tags");
    return { done: `“${tag.name}” is now a ${tag.type}.` };
  } catch (error) {
    if (isAppError(error)) return { message: error.fields?.type?.join(" ") ?? error.fields?.name?.join(" ") ?? error.message };
    throw error;
  }
}

export async function deleteTagAction(_previous: TagFormState, form: FormData): Promise<TagFormState> {
  const actor = await requireAdminActor();
  try {
    const tag = await deleteTag({ actor, id: text(form, "id") });
    revalidatePath("/admin/tags");
    return { done: `Deleted the tag “${tag.name}”.` };
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
}

/** Tags whose names start with what was typed, for picking the tag to merge into. */
export async function suggestMergeTargetsAction(query: string) {
  const actor = await requireAdminActor();
  return suggestTags({ actor, query: typeof query === "string" ? query : "" });
}
