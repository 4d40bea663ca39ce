"use server";

import { revalidatePath } from "next/cache";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { isAppError } from "@/lib/errors";
import { createUser } from "@/lib/users/create-user";
import { createApiKey } from "@/lib/users/create-api-key";
import { revokeApiKey } from "@/lib/users/revoke-api-key";

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

export async function revokeApiKeyAction(form: FormData) {
  const actor = await requireAdminActor();
  await revokeApiKey({ actor, id: String(form.get("id") ?? "") });
  revalidatePath("/admin/users");
}
