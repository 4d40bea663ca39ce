import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { generateApiKey } from "@/lib/auth/api-key-hash";
import { requirePermission, SYSTEM, type Operator } from "@/lib/auth/permissions";
import { createApiKeySchema } from "@/lib/users/schemas";

/** Makes an API key acting as the user with that email. Returns the key itself, which is never stored. */
export async function createApiKey(options: { actor: Operator; input: { email: string } }) {
  if (options.actor !== SYSTEM) requirePermission(options.actor, "apikey.manage");
  const { email } = parseInput(createApiKeySchema, options.input);
  const user = await db.user.findUnique({ where: { email } });
  if (!user) throw new AppError("not_found", `No user with email ${email}`, { email: ["No such user"] });
  if (!user.active) throw new AppError("conflict", `User ${email} is deactivated`);
  const { key, prefix, keyHash } = generateApiKey();
  await db.$transaction(async (tx) => {
    const apiKey = await tx.apiKey.create({ data: { userId: user.id, prefix, keyHash } });
    await tx.auditEntry.create({
      data: { action: "apikey.create", actorId: options.actor === SYSTEM ? null : options.actor.id, detail: { apiKeyId: apiKey.id, userId: user.id, prefix } },
    });
  });
  return { key, prefix, user: { id: user.id, email: user.email, role: user.role } };
}
