"use server";

import { redirect } from "next/navigation";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { isAppError } from "@/lib/errors";
import { restoreRevision } from "@/lib/stories/restore-revision";

export type RestoreState = { message?: string };

export async function restoreRevisionAction(_previous: RestoreState, form: FormData): Promise<RestoreState> {
  const actor = await requireAdminActor();
  const id = String(form.get("id") ?? "");
  const revision = String(form.get("revision") ?? "");
  try {
    await restoreRevision({ actor, id, revision, input: { version: Number(form.get("version")) } });
  } catch (error) {
    if (isAppError(error)) return { message: [error.message, ...Object.values(error.fields ?? {}).flat()].join(" ") };
    throw error;
  }
  redirect(`/admin/stories/${id}?restored=${revision}`);
}
