import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { queueFilterSchema, type QueueFilter } from "@/lib/wire-desk/schemas";

export const deskFilterSelect = {
  id: true,
  desk: true,
  name: true,
  query: true,
  createdAt: true,
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.WireDeskFilterSelect;

type Selected = Prisma.WireDeskFilterGetPayload<{ select: typeof deskFilterSelect }>;

/** A saved filter of a desk, as the API and the desk page show it. */
export type DeskFilterJson = {
  id: string;
  desk: string;
  name: string;
  query: QueueFilter;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
};

export function toDeskFilterJson(row: Selected): DeskFilterJson {
  // Read through the schema again: a filter saved before a field changed meaning loses only that field.
  const parsed = queueFilterSchema.safeParse(row.query);
  return { id: row.id, desk: row.desk, name: row.name, query: parsed.success ? parsed.data : {}, createdBy: row.createdBy, createdAt: row.createdAt.toISOString() };
}
