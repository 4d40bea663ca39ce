import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";

/** Revokes an API key; it stops working on the next request. */
export async function revokeApiKey(options: { actor: Actor; id: string }) {
  requirePermission(options.actor, "apikey.manage");
  if (!isUuid(options.id)) throw new AppError("not_found", "No API key with that id");
  await db.$transaction(async (tx) => {
    const key = await tx.apiKey.findUnique({ where: { id: options.id }, select: { id: true, prefix: true, userId: true, revokedAt: true } });
    if (!key) throw new AppError("not_found", "No API key with that id");
    if (key.revokedAt) return;
    await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    await tx.auditEntry.create({ data: { action: "apikey.revoke", actorId: options.actor.id, detail: { apiKeyId: key.id, userId: key.userId, prefix: key.prefix } } });
  });
}
