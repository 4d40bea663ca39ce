import "server-only";
import { db } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { signInLocks } from "@/lib/auth/sign-in-throttle";

/**
 * Every user with their API keys (prefixes only), any pause on their sign-in and when they last
 * signed in, for the admin's users page. The last sign-in is the later of the newest session and
 * the newest successful attempt: sessions end (sign-out, a new password), and sign-in attempts are
 * trimmed after a month, but the newest success is always kept.
 */
export async function listUsers(options: { actor: Actor }) {
  requirePermission(options.actor, "user.manage");
  const users = await db.user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: {
      id: true, email: true, name: true, role: true, active: true, createdAt: true,
      apiKeys: { orderBy: { createdAt: "desc" }, select: { id: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } },
    },
  });
  const emails = users.map((user) => user.email);
  const [locks, lastSignIns] = await Promise.all([signInLocks(emails), lastSignInOf(users)]);
  return users.map((user) => ({ ...user, signInLock: locks.get(user.email) ?? null, lastSignInAt: lastSignIns.get(user.id) ?? null }));
}

async function lastSignInOf(users: { id: string; email: string }[]): Promise<Map<string, Date>> {
  if (!users.length) return new Map();
  const rows = await db.$queryRaw<{ id: string; at: Date | null }[]>`
    SELECT u."id", greatest(
      (SELECT max(s."createdAt") FROM "Session" s WHERE s."userId" = u."id"),
      (SELECT max(a."at") FROM "SignInAttempt" a WHERE a."email" = u."email" AND a."succeeded")
    ) AS "at"
    FROM unnest(${users.map((user) => user.id)}::uuid[], ${users.map((user) => user.email)}::text[]) AS u("id", "email")`;
  return new Map(rows.filter((row) => row.at).map((row) => [row.id, row.at as Date]));
}
