import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { clearSignInFailures } from "@/lib/auth/sign-in-throttle";
import { requirePermission, type Actor } from "@/lib/auth/permissions";

/** An admin lets a user whose sign-in is paused try again at once; audited with how many failures were forgotten. */
export async function liftSignInLock(options: { actor: Actor; id: string }) {
  requirePermission(options.actor, "user.manage");
  if (!isUuid(options.id)) throw new AppError("not_found", "No such user");
  const user = await db.user.findUnique({ where: { id: options.id }, select: { id: true, email: true } });
  if (!user) throw new AppError("not_found", "No such user");
  return db.$transaction(async (tx) => {
    const failuresCleared = await clearSignInFailures(tx, user.email);
    await tx.auditEntry.create({ data: { action: "user.sign_in_unlock", actorId: options.actor.id, detail: { userId: user.id, email: user.email, failuresCleared } } });
    return { email: user.email, failuresCleared };
  });
}
