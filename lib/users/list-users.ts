import "server-only";
import { db } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/permissions";

/** Every user with their API keys (prefixes only), for the admin's users page. */
export async function listUsers(options: { actor: Actor }) {
  requirePermission(options.actor, "user.manage");
  return db.user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: {
      id: true, email: true, name: true, role: true, active: true, createdAt: true,
      apiKeys: { orderBy: { createdAt: "desc" }, select: { id: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } },
    },
  });
}
