import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { isUuid } from "@/lib/ids";
import { textSchema } from "@/lib/text-input";
import { calendarDateSchema } from "@/lib/validation";
import { auditActionNames } from "@/lib/audit/audit-actions";
import { newsroomDayRange } from "@/lib/site/newsroom-time";

/** A query parameter left empty (a form's blank field) means no filter. */
const blank = (value: unknown) => (value === "" ? undefined : value);
const day = calendarDateSchema("Use a date such as 2026-12-01 (a day in the newsroom's time zone)");

export const auditQuerySchema = z
  .object({
    story: z.preprocess(blank, textSchema().optional().refine((v) => !v || isUuid(v), "A story id is a UUID")),
    user: z.preprocess(blank, textSchema().toLowerCase().max(320, "At most 320 characters").optional()),
    action: z.preprocess(blank, z.enum(auditActionNames, { message: "Not an action the log records" }).optional()),
    from: z.preprocess(blank, day.optional()),
    to: z.preprocess(blank, day.optional()),
    cursor: z.preprocess(blank, textSchema().max(300, "Not a valid cursor").optional()),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { path: ["to"], message: "The last day comes before the first", when: (payload) => payload.issues.length === 0 });

/**
 * The audit log, newest first, for admins: filter by story id, by the acting user's email, by
 * action and by days (in the newsroom's time zone, both included).
 */
export async function listAuditEntries(options: { actor: Actor; query: z.input<typeof auditQuerySchema> }) {
  requirePermission(options.actor, "audit.read");
  const query = parseInput(auditQuerySchema, options.query);
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const days = newsroomDayRange(query.from, query.to);
  const where: Prisma.AuditEntryWhereInput = {
    ...(query.story ? { storyId: query.story } : {}),
    ...(query.user ? { actor: { email: query.user } } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(days.start || days.end ? { at: { ...(days.start ? { gte: days.start } : {}), ...(days.end ? { lt: days.end } : {}) } } : {}),
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
