"use server";

import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { isAppError } from "@/lib/errors";
import { createPreviewLink } from "@/lib/stories/create-preview-link";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";

export type PreviewState = { url?: string; expires?: string; message?: string };

/** "Preview": a link to the story as readers will see it, to open or to send a colleague. */
export async function previewLinkAction(_previous: PreviewState, form: FormData): Promise<PreviewState> {
  const actor = await requireAdminActor();
  try {
    const link = await createPreviewLink({ actor, id: String(form.get("id") ?? "") });
    return { url: link.url, expires: formatNewsroomTime(link.expiresAt) };
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
}
