"use server";

import { headers } from "next/headers";
import { signOut } from "@/auth";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { clientAddress } from "@/lib/auth/verify-credentials";
import { isAppError } from "@/lib/errors";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import { passwordConfirmationErrors } from "@/lib/users/schemas";

export type ChangePasswordState = { message?: string; fields?: Record<string, string[]> };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** Changes the signed-in user's password, then signs them out (every session of theirs has ended). */
export async function changeOwnPasswordAction(_previous: ChangePasswordState, form: FormData): Promise<ChangePasswordState> {
  const actor = await requireAdminActor();
  const mismatch = passwordConfirmationErrors(text(form, "password"), text(form, "passwordConfirm"));
  if (mismatch) return { fields: mismatch };
  try {
    await changeOwnPassword({
      actor,
      address: clientAddress(await headers()),
      input: { currentPassword: text(form, "currentPassword"), password: text(form, "password") },
    });
  } catch (error) {
    if (isAppError(error)) return { message: error.fields ? undefined : error.message, fields: error.fields };
    throw error;
  }
  // Clears the cookie too (its session row is already gone); throws Next's redirect.
  await signOut({ redirectTo: "/login?notice=password-changed" });
  return {};
}
