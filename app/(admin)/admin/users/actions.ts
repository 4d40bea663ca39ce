"use server";

import { revalidatePath } from "next/cache";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { isAppError } from "@/lib/errors";
import { createUser } from "@/lib/users/create-user";
import { createApiKey } from "@/lib/users/create-api-key";
import { liftSignInLock } from "@/lib/users/lift-sign-in-lock";
import { revokeApiKey } from "@/lib/users/revoke-api-key";
import { setUserPassword } from "@/lib/users/set-user-password";
import { updateUser } from "@/lib/users/update-user";
import { passwordConfirmationErrors } from "@/lib/users/schemas";
import { withArticle } from "@/lib/auth/permissions";

// Every action here is for admins; the lib functions check the permission (user.manage,
// apikey.manage) and their refusal comes back as the form's message, never as an error page.

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export type UserFormState = { message?: string; fields?: Record<string, string[]>; values?: Record<string, string>; created?: string };

export async function createUserAction(_previous: UserFormState, form: FormData): Promise<UserFormState> {
  const actor = await requireAdminActor();
  const values = { email: text(form, "email").slice(0, 320), name: text(form, "name").slice(0, 200), role: text(form, "role").slice(0, 20) };
  const mismatch = passwordConfirmationErrors(text(form, "password"), text(form, "passwordConfirm"));
  if (mismatch) return { message: "Check the highlighted fields", fields: mismatch, values };
  try {
    const user = await createUser({ actor, input: { ...values, name: values.name || undefined, role: values.role as never, password: text(form, "password") } });
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
    const { key, user } = await createApiKey({ actor, input: { email: text(form, "email") } });
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
  const input = change === "deactivate" ? { active: false } : change === "activate" ? { active: true } : { role: text(form, "role") as never };
  try {
    const user = await updateUser({ actor, id: text(form, "id"), input });
    revalidatePath("/admin/users");
    return { saved: user.active ? `Saved: ${user.email} is ${withArticle(user.role)}.` : `${user.email} is deactivated; their sessions and API keys no longer work.` };
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
}

export type SetPasswordState = { message?: string; fields?: Record<string, string[]>; saved?: string };

/** Gives a user a new password; they are signed out everywhere. */
export async function setPasswordAction(_previous: SetPasswordState, form: FormData): Promise<SetPasswordState> {
  const actor = await requireAdminActor();
  const mismatch = passwordConfirmationErrors(text(form, "password"), text(form, "passwordConfirm"));
  if (mismatch) return { message: "Check the highlighted fields", fields: mismatch };
  try {
    const user = await setUserPassword({ actor, user: { id: text(form, "id") }, input: { password: text(form, "password") } });
    revalidatePath("/admin/users");
    return { saved: `New password set for ${user.email}; their sessions have ended.` };
  } catch (error) {
    if (isAppError(error)) return { message: error.message, fields: error.fields };
    throw error;
  }
}

export type SignInLockState = { message?: string; saved?: string };

export async function liftSignInLockAction(_previous: SignInLockState, form: FormData): Promise<SignInLockState> {
  const actor = await requireAdminActor();
  try {
    const { email } = await liftSignInLock({ actor, id: text(form, "id") });
    revalidatePath("/admin/users");
    return { saved: `${email} can sign in again.` };
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
}

export type RevokeApiKeyState = { message?: string };

export async function revokeApiKeyAction(_previous: RevokeApiKeyState, form: FormData): Promise<RevokeApiKeyState> {
  const actor = await requireAdminActor();
  try {
    await revokeApiKey({ actor, id: text(form, "id") });
    revalidatePath("/admin/users");
    return {};
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
}
