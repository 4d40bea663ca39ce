import "server-only";
import { CredentialsSignin } from "next-auth";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { signInSchema } from "@/lib/users/schemas";
import { beginSignInAttempt, finishSignInAttempt, refusalMessage, signInRefusal, type SignInRefusal } from "@/lib/auth/sign-in-throttle";
import type { Actor } from "@/lib/auth/permissions";

let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword("decoy password that matches no account"));

/** Refused by the throttle before the password was checked; says why and for how long. */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
  readonly refusal: SignInRefusal;
  readonly userMessage: string;

  constructor(refusal: SignInRefusal) {
    super();
    this.refusal = refusal;
    this.userMessage = refusalMessage(refusal);
  }
}

/** The user for a correct email and password, else null (the same answer for every failure). */
export async function verifyCredentials(input: unknown, address = "unknown"): Promise<Actor | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  // Recorded before it is judged, so that guesses sent in parallel count against each other.
  const attemptId = await beginSignInAttempt(email, address);
  const refusal = await signInRefusal(attemptId, email, address);
  if (refusal) {
    await finishSignInAttempt(attemptId, email, "throttled");
    throw new SignInThrottled(refusal);
  }
  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  // Unknown and deactivated accounts cost the same argon2 check, so timing does not reveal which emails exist.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyHash()), password);
  if (!user || !user.active || !passwordOk) return null;
  await finishSignInAttempt(attemptId, email, "succeeded");
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The client's address as the front server passed it (one address; see lib/serving, TRUST_PROXY). */
export function clientAddress(headers: Headers): string {
  const address = headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
  // Stored and compared as given: bounded, so a header cannot grow the table's rows.
  return address.slice(0, 64);
}
