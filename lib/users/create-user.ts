import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/passwords";
import { parseInputAsync } from "@/lib/validation";
import { requirePermission, SYSTEM, type Operator } from "@/lib/auth/permissions";
import { createUserSchema, type CreateUserInput } from "@/lib/users/schemas";

/** Creates a user. `actor` is null only for the operator's CLI and the seed, which run with shell access. */
export async function createUser(options: { actor: Operator; input: CreateUserInput }) {
  if (options.actor !== SYSTEM) requirePermission(options.actor, "user.manage");
  const input = await parseInputAsync(createUserSchema, options.input);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("conflict", `A user with email ${input.email} already exists`, { email: ["Already in use"] });
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: input.email, name: input.name ?? input.email.split("@")[0], role: input.role, passwordHash },
    });
    await tx.auditEntry.create({
      data: { action: "user.create", actorId: options.actor === SYSTEM ? null : options.actor.id, detail: { userId: user.id, email: user.email, role: user.role } },
    });
    return user;
  });
}
