import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/ids";
import { cancelPoll } from "@/lib/jobs/schedule-poll";

/** Removes a source (admins only): it is polled no more; what it brought in stays on the desk and in stories. */
export async function deleteWireSource(options: { actor: Actor; id: string }): Promise<void> {
  requirePermission(options.actor, "wire.sources");
  if (!isUuid(options.id)) throw new AppError("not_found", "No such source");
  await db.$transaction(async (tx) => {
    const deleted = await tx.wireSource.deleteMany({ where: { id: options.id } });
    if (deleted.count === 0) throw new AppError("not_found", "No such source");
    await tx.auditEntry.create({ data: { action: "wire.source_delete", actorId: options.actor.id, detail: { sourceId: options.id } } });
  });
  await cancelPoll(options.id);
}
