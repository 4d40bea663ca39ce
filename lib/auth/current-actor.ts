import "server-only";
import { cache } from "react";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";

/**
 * The signed-in user, read fresh from the database once per request: a role change or a
 * deactivation takes effect at once, whatever the session cookie says.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, active: true } });
  if (!user || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});
