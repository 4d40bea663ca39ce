import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { isUuid } from "@/lib/ids";
import { textSchema } from "@/lib/text-input";

export const auditQuerySchema = z.object({
  story: textSchema().optional().refine((v) => !v || isUuid(v), "A story id is a UUID"),
  user: textSchema().toLowerCase().max(320, "At most 320 characters").optional(),
  cursor: textSchema().max(300, "Not a valid cursor").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The audit log, newest first, for admins: filter by story id and by the acting user's email. */
export async function listAuditEntries(options: { actor: Actor; query: z.input<typeof auditQuerySchema> }) {
  requirePermission(options.actor, "audit.read");
  const query = parseInput(auditQuerySchema, options.query);
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const where: Prisma.AuditEntryWhereInput = {
    ...(query.story ? { storyId: query.story } : {}),
    ...(query.user ? { actor: { email: query.user } } : {}),
    ...(after ? { OR: [{ at: { lt: after.sortValue } }, { at: after.sortValue, id: { lt: after.id } }] } : {}),
  };
  const rows = await db.auditEntry.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: { id: true, at: true, action: true, detail: true, actor: { select: { email: true, name: true } }, story: { select: { id: true, headline: true } } },
  });
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor(last.at, last.id) : null };
}
