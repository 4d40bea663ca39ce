import "server-only";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/passwords";
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
  if (!user || !user.active) return null;
  if (!(await verifyPassword(user.passwordHash, parsed.data.password))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
