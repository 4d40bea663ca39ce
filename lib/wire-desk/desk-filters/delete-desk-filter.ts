import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/ids";

/** Deletes a desk's saved filter (the desk's, not one person's: anyone who reads the desk may). */
export async function deleteDeskFilter(options: { actor: Actor; id: string }): Promise<{ id: string; name: string }> {
  requirePermission(options.actor, "wire.read");
  if (!isUuid(options.id)) throw new AppError("not_found", "No saved filter with that id");
  const found = await db.wireDeskFilter.findUnique({ where: { id: options.id }, select: { id: true, name: true } });
  if (!found) throw new AppError("not_found", "No saved filter with that id (it may have been deleted already)");
  // deleteMany: of two deletes at once, the second finds nothing to do rather than failing.
  await db.wireDeskFilter.deleteMany({ where: { id: options.id } });
  return found;
}
