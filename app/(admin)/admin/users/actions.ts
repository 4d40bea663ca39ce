"use server";

import { revalidatePath } from "next/cache";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { isAppError } from "@/lib/errors";
import { createUser } from "@/lib/users/create-user";
import { createApiKey } from "@/lib/users/create-api-key";
import { revokeApiKey } from "@/lib/users/revoke-api-key";
import { updateUser } from "@/lib/users/update-user";

export type UserFormState = { message?: string; fields?: Record<string, string[]>; values?: Record<string, string>; created?: string };

export async function createUserAction(_previous: UserFormState, form: FormData): Promise<UserFormState> {
  const actor = await requireAdminActor();
  const values = { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? ""), role: String(form.get("role") ?? "") };
  try {
    const user = await createUser({ actor, input: { ...values, name: values.name || undefined, role: values.role as never, password: String(form.get("password") ?? "") } });
    revalidatePath("/admin/users");
    return { created: `Created ${user.email} (${user.role}).` };
  } catch (error) {
    if (isAppError(error)) return { message: error.message, fields: error.fields, values };
    throw error;
  }
}

export type ApiKeyState = { key?: string; email?: string; message?: string };

export async function createApiKeyAction(_previous: ApiKeyState, form: FormData): Promise<ApiKeyState> {
  const actor = await requireAdminActor();
  try {
    const { key, user } = await createApiKey({ actor, input: { email: String(form.get("email") ?? "") } });
    revalidatePath("/admin/users");
    return { key, email: user.email };
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
}

export type UserAccessState = { message?: string; saved?: string };

/** Changes a user's role, or deactivates / reactivates them (the button pressed says which). */
export async function updateUserAction(_previous: UserAccessState, form: FormData): Promise<UserAccessState> {
  const actor = await requireAdminActor();
  const change = form.get("change");
  const input = change === "deactivate" ? { active: false } : change === "activate" ? { active: true } : { role: String(form.get("role")) as never };
  try {
    const user = await updateUser({ actor, id: String(form.get("id") ?? ""), input });
    revalidatePath("/admin/users");
    return { saved: user.active ? `Saved: ${user.email} is ${user.role === "admin" ? "an" : "a"} ${user.role}.` : `${user.email} is deactivated; their sessions and API keys no longer work.` };
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
}

export async function revokeApiKeyAction(form: FormData) {
  const actor = await requireAdminActor();
  await revokeApiKey({ actor, id: String(form.get("id") ?? "") });
  revalidatePath("/admin/users");
}
