import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/ids";
import { sourcesAsJson, type WireSourceJson } from "@/lib/wire-sources/source-json";

/** Every ingest source with its health, by name (admins only). */
export async function listWireSources(options: { actor: Actor }): Promise<WireSourceJson[]> {
  requirePermission(options.actor, "wire.sources");
  return sourcesAsJson(await db.wireSource.findMany({ orderBy: { name: "asc" } }));
}

export async function getWireSource(options: { actor: Actor; id: string }): Promise<WireSourceJson> {
  requirePermission(options.actor, "wire.sources");
  const row = isUuid(options.id) ? await db.wireSource.findUnique({ where: { id: options.id } }) : null;
  if (!row) throw new AppError("not_found", "No such source");
  return (await sourcesAsJson([row]))[0];
}
