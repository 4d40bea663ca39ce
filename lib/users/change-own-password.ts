import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { endUserSessions } from "@/lib/auth/sessions";
import { beginSignInAttempt, finishSignInAttempt, refusalMessage, signInRefusal } from "@/lib/auth/sign-in-throttle";
import { parseInputAsync } from "@/lib/validation";
import type { Actor } from "@/lib/auth/permissions";
import { changeOwnPasswordSchema } from "@/lib/users/schemas";

/**
 * A signed-in user changes their own password, proving the current one (throttled like a sign-in,
 * so a stolen session cannot guess it). Every session of theirs ends, this one included: whoever
 * else held one of them is out, and the user signs in again with the new password.
 */
export async function changeOwnPassword(options: { actor: Actor; address: string; input: { currentPassword: unknown; password: unknown } }) {
  const { actor } = options;
  const { currentPassword, password } = await parseInputAsync(changeOwnPasswordSchema(actor), options.input);
  const attemptId = await beginSignInAttempt(actor.email, options.address);
  const refusal = await signInRefusal(attemptId, actor.email, options.address);
  if (refusal) {
    await finishSignInAttempt(attemptId, actor.email, "throttled");
    throw new AppError("conflict", refusalMessage(refusal));
  }
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { id: true, email: true, passwordHash: true } });
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("validation_failed", "Some fields are not valid", { currentPassword: ["That is not your current password"] });
  }
  await finishSignInAttempt(attemptId, actor.email, "succeeded");
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const sessionsEnded = await endUserSessions(tx, user.id);
    await tx.auditEntry.create({ data: { action: "user.password_change", actorId: actor.id, detail: { userId: user.id, email: user.email, sessionsEnded } } });
  });
}
