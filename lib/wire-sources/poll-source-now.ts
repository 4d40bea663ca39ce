import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/ids";
import { schedulePoll } from "@/lib/jobs/schedule-poll";

/** "Poll now" (admins only): the source's waiting poll is brought forward to now; it runs on whichever instance is free. */
export async function pollSourceNow(options: { actor: Actor; id: string }): Promise<{ queued: true }> {
  requirePermission(options.actor, "wire.sources");
  const source = isUuid(options.id) ? await db.wireSource.findUnique({ where: { id: options.id }, select: { enabled: true } }) : null;
  if (!source) throw new AppError("not_found", "No such source");
  if (!source.enabled) throw new AppError("conflict", "The source is disabled: enable it to poll it");
  await schedulePoll(options.id);
  return { queued: true };
}
