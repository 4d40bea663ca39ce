import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/ids";

/**
 * Dismisses an item from the desk, with its whole cluster (the same event from every agency, and
 * its versions): what is in a story already stays as it is. `restore` brings them back as seen.
 * Answers how many items changed.
 */
export async function setDeskState(options: { actor: Actor; itemId: string; action: "dismiss" | "restore" }): Promise<{ changed: number }> {
  requirePermission(options.actor, "wire.dismiss");
  if (!isUuid(options.itemId)) throw new AppError("not_found", "No such wire item");
  const item = await db.wireItem.findUnique({ where: { id: options.itemId }, select: { clusterId: true } });
  if (!item) throw new AppError("not_found", "No such wire item");
  const now = new Date();
  const { count } =
    options.action === "dismiss"
      ? await db.wireItem.updateMany({ where: { clusterId: item.clusterId, storyId: null, deskState: { not: "dismissed" } }, data: { deskState: "dismissed", dismissedById: options.actor.id, dismissedAt: now } })
      : await db.wireItem.updateMany({ where: { clusterId: item.clusterId, deskState: "dismissed" }, data: { deskState: "seen", dismissedById: null, dismissedAt: null } });
  return { changed: count };
}
