"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/auth";
import { newsroomPath } from "@/lib/auth/site-redirect";
import { signInSchema } from "@/lib/users/schemas";
import { fieldErrorsOf } from "@/lib/validation";

export type SignInState = { message?: string; fields?: Record<string, string[]>; email?: string };

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const input = { email: form.get("email"), password: form.get("password") };
  const email = typeof input.email === "string" ? input.email : "";
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { message: "Check the highlighted fields", fields: fieldErrorsOf(parsed.error), email };
  const redirectTo = newsroomPath(form.get("next")) ?? "/admin";
  try {
    // On success this throws Next's redirect (to SITE_URL's origin), which must propagate.
    await signIn("credentials", { ...parsed.data, redirectTo });
    return {};
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "throttled") {
      return { message: "Too many failed sign-ins for this account or from this address. Try again in 15 minutes.", email };
    }
    if (error instanceof AuthError) return { message: "That email and password do not match an active account", email };
    throw error;
  }
}
