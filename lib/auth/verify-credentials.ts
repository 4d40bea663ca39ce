import "server-only";
import { db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";

let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword("decoy password that matches no account"));
import { signInSchema } from "@/lib/users/schemas";
import type { Actor } from "@/lib/auth/permissions";

/** The user for a correct email and password, else null (the same answer for every failure). */
export async function verifyCredentials(input: unknown): Promise<Actor | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    omit: { passwordHash: false },
  });
  // Unknown and deactivated accounts cost the same argon2 check, so timing does not reveal which emails exist.
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyHash()), parsed.data.password);
  if (!user || !user.active || !passwordOk) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
