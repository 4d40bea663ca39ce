import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { isUniqueViolation } from "@/lib/unique-retry";
import { parseInput } from "@/lib/validation";
import { savedFilterSchema } from "@/lib/wire-desk/schemas";
import { deskFilterSelect, toDeskFilterJson, type DeskFilterJson } from "@/lib/wire-desk/desk-filters/desk-filter-shape";

const deskWords = (desk: string) => (desk ? `the ${desk} desk` : "the general desk");

/**
 * Saves a filter of the queue under a name, for everyone working that desk: `{ desk, name,
 * query }` (query: the queue's filter fields). Names are unique per desk; a second filter of the
 * same name is refused with a 409 that says so. Anyone who reads the desk may save one.
 */
export async function saveDeskFilter(options: { actor: Actor; input: unknown }): Promise<DeskFilterJson> {
  requirePermission(options.actor, "wire.read");
  const input = parseInput(savedFilterSchema, options.input);
  // Blank fields are no filter: kept out, so the saved filter reads as the address bar did.
  const query = Object.fromEntries(Object.entries(input.query).filter(([, value]) => value !== undefined && value !== "")) as Prisma.InputJsonObject;
  try {
    const row = await db.wireDeskFilter.create({ data: { desk: input.desk, name: input.name, query, createdById: options.actor.id }, select: deskFilterSelect });
    return toDeskFilterJson(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `A filter named “${input.name}” is saved for ${deskWords(input.desk)} already: choose another name, or delete that one first`);
    throw error;
  }
}
