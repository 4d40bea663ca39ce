import "server-only";
import { db } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { signInLocks } from "@/lib/auth/sign-in-throttle";

/** Every user with their API keys (prefixes only) and any pause on their sign-in, for the admin's users page. */
export async function listUsers(options: { actor: Actor }) {
  requirePermission(options.actor, "user.manage");
  const users = await db.user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: {
      id: true, email: true, name: true, role: true, active: true, createdAt: true,
      apiKeys: { orderBy: { createdAt: "desc" }, select: { id: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } },
    },
  });
  const locks = await signInLocks(users.map((user) => user.email));
  return users.map((user) => ({ ...user, signInLock: locks.get(user.email) ?? null }));
}
