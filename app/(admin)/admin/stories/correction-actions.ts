"use server";

import { revalidatePath } from "next/cache";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { isAppError } from "@/lib/errors";
import { addCorrection } from "@/lib/corrections/add-correction";

export type CorrectionFormState = { message?: string; fields?: Record<string, string[]>; note?: string; kind?: string; added?: string };

/** Adds a correction or update from the editor; the page reloads its data, so the list and version follow. */
export async function addCorrectionAction(_previous: CorrectionFormState, form: FormData): Promise<CorrectionFormState> {
  const actor = await requireAdminActor();
  const storyId = String(form.get("storyId") ?? "");
  const kind = String(form.get("kind") ?? "");
  const note = String(form.get("note") ?? "");
  try {
    const correction = await addCorrection({ actor, storyId, input: { kind, note } });
    revalidatePath(`/admin/stories/${storyId}`);
    return { added: correction.kind === "correction" ? "Correction added: readers see it at the foot of the story." : "Update added: readers see it at the foot of the story." };
  } catch (error) {
    if (isAppError(error)) return { message: error.message, fields: error.fields, note, kind };
    throw error;
  }
}
