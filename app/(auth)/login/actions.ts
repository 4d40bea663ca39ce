"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/auth";
import { SignInThrottled } from "@/lib/auth/verify-credentials";
import { newsroomPath } from "@/lib/auth/site-redirect";
import { signInSchema } from "@/lib/users/schemas";
import { fieldErrorsOf } from "@/lib/validation";

export type SignInState = { message?: string; fields?: Record<string, string[]>; email?: string };

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const input = { email: form.get("email"), password: form.get("password") };
  const email = typeof input.email === "string" ? input.email.slice(0, 254) : "";
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { message: "Check the highlighted fields", fields: fieldErrorsOf(parsed.error), email };
  const redirectTo = newsroomPath(form.get("next")) ?? "/admin";
  try {
    // On success this throws Next's redirect (to SITE_URL's origin), which must propagate.
    await signIn("credentials", { ...parsed.data, redirectTo });
    return {};
  } catch (error) {
    if (error instanceof SignInThrottled) return { message: error.userMessage, email };
    if (error instanceof AuthError && error.type === "CredentialsSignin") return { message: "That email and password do not match an active account", email };
    // Anything else (the database did not answer, …) is not the visitor's mistake.
    if (error instanceof AuthError) {
      console.error("sign-in failed:", error.cause ?? error);
      return { message: "Signing in is not possible just now. Try again in a moment.", email };
    }
    throw error;
  }
}
