import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { parseInput } from "@/lib/validation";
import { requirePermission, roles, type Actor } from "@/lib/auth/permissions";
import { endUserSessions } from "@/lib/auth/sessions";

export const updateUserSchema = z.object({
  role: z.enum(roles, { message: "Role must be writer, editor or admin" }).optional(),
  active: z.boolean().optional(),
});

/**
 * An admin changes a user's role or (de)activates them. Takes effect at once: every request
 * reloads its user, so a role change applies to the next one. Deactivating also ends every
 * session of the user (their API keys stop while they are inactive), so reactivating them later
 * revives none of those sessions. Each change is audited in the same transaction.
 */
export async function updateUser(options: { actor: Actor; id: string; input: z.input<typeof updateUserSchema> }) {
  const { actor } = options;
  requirePermission(actor, "user.manage");
  if (!isUuid(options.id)) throw new AppError("not_found", "No such user");
  const input = parseInput(updateUserSchema, options.input);
  if (options.id === actor.id && (input.active === false || (input.role && input.role !== "admin"))) {
    throw new AppError("conflict", "You cannot deactivate or demote your own account; ask another admin");
  }
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: options.id }, select: { id: true, email: true, role: true, active: true } });
    if (!user) throw new AppError("not_found", "No such user");
    const updated = await tx.user.update({ where: { id: user.id }, data: input, select: { id: true, email: true, name: true, role: true, active: true } });
    if (input.role && input.role !== user.role) {
      await tx.auditEntry.create({ data: { action: "user.role_change", actorId: actor.id, detail: { userId: user.id, email: user.email, from: user.role, to: input.role } } });
    }
    if (input.active === false) {
      const sessionsEnded = await endUserSessions(tx, user.id);
      if (user.active) await tx.auditEntry.create({ data: { action: "user.deactivate", actorId: actor.id, detail: { userId: user.id, email: user.email, sessionsEnded } } });
    } else if (input.active === true && !user.active) {
      await tx.auditEntry.create({ data: { action: "user.activate", actorId: actor.id, detail: { userId: user.id, email: user.email } } });
    }
    return updated;
  });
}
