import "server-only";
import { db } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { deskNameSchema } from "@/lib/wire-desk/schemas";
import { deskFilterSelect, toDeskFilterJson, type DeskFilterJson } from "@/lib/wire-desk/desk-filters/desk-filter-shape";

/**
 * The saved filters of one desk ("" the general queue), or of every desk when `desk` is absent,
 * by desk and then name. A newsroom keeps a handful per desk, so they come unpaged.
 */
export async function listDeskFilters(options: { actor: Actor; desk?: string | null }): Promise<DeskFilterJson[]> {
  requirePermission(options.actor, "wire.read");
  const desk = options.desk === undefined || options.desk === null ? null : parseInput(deskNameSchema, options.desk);
  const rows = await db.wireDeskFilter.findMany({
    where: desk === null ? {} : { desk },
    orderBy: [{ desk: "asc" }, { name: "asc" }],
    take: 500,
    select: deskFilterSelect,
  });
  return rows.map(toDeskFilterJson);
}
