import "server-only";
import { db, type Tx } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import type { Actor } from "@/lib/auth/permissions";
import { SESSION_LIFETIME_SECONDS } from "@/lib/auth/session-lifetime";

// The newsroom's sign-in sessions (the `Session` table). The cookie is a JWT that names its row;
// the row is the authority: no row, no session, whatever the cookie says. These few functions are
// the whole life of a session, so they share one file.

/** A new session for a user who has just proved their password; expired ones of theirs are swept. */
export async function startSession(userId: string): Promise<{ id: string; expiresAt: Date }> {
  const now = new Date();
  const [, session] = await db.$transaction([
    db.session.deleteMany({ where: { userId, expiresAt: { lte: now } } }),
    db.session.create({ data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_LIFETIME_SECONDS * 1000) }, select: { id: true, expiresAt: true } }),
  ]);
  return session;
}

/**
 * The user a session acts as, loaded with the session in one query: null when the session has
 * ended (signed out, expired, its user deactivated or their password changed) or names another user.
 */
export async function findSessionActor(sessionId: string, userId: string): Promise<{ actor: Actor; expiresAt: Date } | null> {
  // Cookies made before sessions had rows name none.
  if (!isUuid(sessionId)) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, active: true } } },
  });
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  const { user } = session;
  if (user.id !== userId || !user.active) return null;
  return { actor: { id: user.id, email: user.email, name: user.name, role: user.role }, expiresAt: session.expiresAt };
}

/** Signing out: this session only. */
export async function endSession(sessionId: string): Promise<void> {
  if (isUuid(sessionId)) await db.session.deleteMany({ where: { id: sessionId } });
}

/** Every session of a user (deactivation, a new password), in the transaction that made the change. */
export async function endUserSessions(tx: Tx, userId: string): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId } });
  return count;
}
