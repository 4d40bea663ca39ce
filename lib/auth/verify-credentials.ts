import "server-only";
import { CredentialsSignin } from "next-auth";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { signInSchema } from "@/lib/users/schemas";
import { recordSignInAttempt, signInThrottled } from "@/lib/auth/sign-in-throttle";
import type { Actor } from "@/lib/auth/permissions";

let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword("decoy password that matches no account"));

/** Too many failures for the account or the address: refused before the password is checked. */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
}

/** The user for a correct email and password, else null (the same answer for every failure). */
export async function verifyCredentials(input: unknown, address = "unknown"): Promise<Actor | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (await signInThrottled(email, address)) {
    await recordSignInAttempt(email, address, false);
    throw new SignInThrottled();
  }
  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  // Unknown and deactivated accounts cost the same argon2 check, so timing does not reveal which emails exist.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  const ok = !!user && user.active && passwordOk;
  await recordSignInAttempt(email, address, ok);
  if (!ok) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The client's address as the server saw it (first hop of X-Forwarded-For when behind a proxy). */
export function clientAddress(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}
