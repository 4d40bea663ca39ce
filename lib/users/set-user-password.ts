import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { hashPassword } from "@/lib/auth/passwords";
import { endUserSessions } from "@/lib/auth/sessions";
import { parseInputAsync } from "@/lib/validation";
import { requirePermission, SYSTEM, type Operator } from "@/lib/auth/permissions";
import { setPasswordSchema } from "@/lib/users/schemas";

/**
 * An admin (or the operator's CLI) gives a user a new password, e.g. one who forgot theirs. Every
 * session of that user ends in the same transaction; the change is audited without the password.
 */
export async function setUserPassword(options: { actor: Operator; user: { id: string } | { email: string }; input: { password: unknown } }) {
  if (options.actor !== SYSTEM) requirePermission(options.actor, "user.manage");
  const where = "id" in options.user ? options.user : { email: options.user.email.trim().toLowerCase() };
  if ("id" in where && !isUuid(where.id)) throw new AppError("not_found", "No such user");
  const user = await db.user.findUnique({ where, select: { id: true, email: true, name: true } });
  if (!user) throw new AppError("not_found", "email" in where ? `No user with email ${where.email}` : "No such user");
  // One's own password is changed at /admin/account, proving the current one: a session left
  // open must not be enough to take the account over.
  if (options.actor !== SYSTEM && options.actor.id === user.id) {
    throw new AppError("forbidden", "Change your own password on your account page, with your current password");
  }
  const { password } = await parseInputAsync(setPasswordSchema(user), options.input);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const sessionsEnded = await endUserSessions(tx, user.id);
    await tx.auditEntry.create({
      data: { action: "user.password_set", actorId: options.actor === SYSTEM ? null : options.actor.id, detail: { userId: user.id, email: user.email, sessionsEnded } },
    });
    return { id: user.id, email: user.email, sessionsEnded };
  });
}
