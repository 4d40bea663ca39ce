import "server-only";
import { cache } from "react";
import { auth } from "@/auth";
import type { Actor } from "@/lib/auth/permissions";

/**
 * The signed-in user, once per request. `auth()` runs the session check in auth.ts (the session's
 * row and its user, loaded fresh in one query), so signing out, a deactivation, a password change
 * or the end of the session's 8 hours take effect on the next request, whatever the cookie says,
 * and a role change does too.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (session?.unavailable) throw new Error("The session could not be checked: the database did not answer");
  const user = session?.user;
  if (!user?.id || !user.role) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});
