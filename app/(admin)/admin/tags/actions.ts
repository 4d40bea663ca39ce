"use server";

import { revalidatePath } from "next/cache";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { isAppError } from "@/lib/errors";
import { renameTag } from "@/lib/tags/rename-tag";
import { mergeTags } from "@/lib/tags/merge-tags";

export type TagFormState = { message?: string; value?: string; done?: string };

export async function renameTagAction(_previous: TagFormState, form: FormData): Promise<TagFormState> {
  const actor = await requireAdminActor();
  const name = String(form.get("name") ?? "");
  try {
    const tag = await renameTag({ actor, id: String(form.get("id") ?? ""), input: { name } });
    revalidatePath("/admin/tags");
    return { done: `Renamed to “${tag.name}” (/tags/${tag.slug}).` };
  } catch (error) {
    if (isAppError(error)) return { message: error.fields?.name?.join(" ") ?? error.message, value: name };
    throw error;
  }
}

export async function mergeTagsAction(_previous: TagFormState, form: FormData): Promise<TagFormState> {
  const actor = await requireAdminActor();
  const into = String(form.get("into") ?? "");
  try {
    const tag = await mergeTags({ actor, id: String(form.get("id") ?? ""), input: { into } });
    revalidatePath("/admin/tags");
    return { done: `Merged into “${tag.name}”.` };
  } catch (error) {
    if (isAppError(error)) return { message: error.fields?.into?.join(" ") ?? error.message, value: into };
    throw error;
  }
}
