"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { isAppError } from "@/lib/errors";
import { createWireSource } from "@/lib/wire-sources/create-wire-source";
import { updateWireSource } from "@/lib/wire-sources/update-wire-source";
import { deleteWireSource } from "@/lib/wire-sources/delete-wire-source";
import { getWireSource } from "@/lib/wire-sources/list-wire-sources";
import { pollSourceNow } from "@/lib/wire-sources/poll-source-now";

// Every action here is for admins: the lib functions check wire.sources themselves, and their
// refusal (or a 422's field errors) comes back as the form's message, never as an error page.

const LIST = "/admin/wire/sources";

export type SourceFormState = { message?: string; fields?: Record<string, string[]> };
export type SourceActionState = { message?: string; saved?: string };

const plainObject = (input: unknown): Record<string, unknown> => (input && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {});

/** Adds a source from the form's input; back to the list, which says it was added. */
export async function createSourceAction(input: unknown): Promise<SourceFormState> {
  const actor = await requireAdminActor();
  let id: string;
  try {
    id = (await createWireSource({ actor, input })).id;
  } catch (error) {
    if (isAppError(error)) return { message: error.message, fields: error.fields };
    throw error;
  }
  revalidatePath(LIST);
  redirect(`${LIST}?${new URLSearchParams({ added: id })}`);
}

/** Changes a source: the fields given replace the stored ones (credentials left out are kept). */
export async function updateSourceAction(id: string, input: unknown): Promise<SourceFormState> {
  const actor = await requireAdminActor();
  try {
    await updateWireSource({ actor, id: String(id), input: plainObject(input) });
  } catch (error) {
    if (isAppError(error)) return { message: error.message, fields: error.fields };
    throw error;
  }
  revalidatePath(LIST);
  redirect(`${LIST}?${new URLSearchParams({ changed: String(id) })}`);
}

export async function setSourceEnabledAction(_previous: SourceActionState, form: FormData): Promise<SourceActionState> {
  const actor = await requireAdminActor();
  const enabled = form.get("enabled") === "true";
  try {
    const source = await updateWireSource({ actor, id: String(form.get("id") ?? ""), input: { enabled } });
    revalidatePath(LIST);
    return { saved: enabled ? `${source.name} is enabled: it is polled now and every ${source.intervalSeconds} s.` : `${source.name} is disabled: it is not polled until enabled again.` };
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
}

export async function deleteSourceAction(_previous: SourceActionState, form: FormData): Promise<SourceActionState> {
  const actor = await requireAdminActor();
  try {
    await deleteWireSource({ actor, id: String(form.get("id") ?? "") });
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
  revalidatePath(LIST);
  redirect(`${LIST}?deleted=1`);
}

/** "Poll now": the poll is queued; the button then watches the source's health until it was polled. */
export async function pollSourceNowAction(id: string): Promise<SourceActionState> {
  const actor = await requireAdminActor();
  try {
    await pollSourceNow({ actor, id: String(id) });
    return {};
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
}

/** When the source was last polled (ISO), for the "Poll now" button to tell when its poll is done. */
export async function sourceLastPolledAction(id: string): Promise<{ lastPolledAt: string | null; message?: string }> {
  const actor = await requireAdminActor();
  try {
    return { lastPolledAt: (await getWireSource({ actor, id: String(id) })).health.lastPolledAt };
  } catch (error) {
    if (isAppError(error)) return { lastPolledAt: null, message: error.message };
    throw error;
  }
}
