import "server-only";
import { db } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/permissions";

/** The sources by name, for the desk's filter (anyone who reads the desk; settings and health are the admins'). */
export async function listSourceNames(options: { actor: Actor }): Promise<{ id: string; name: string }[]> {
  requirePermission(options.actor, "wire.read");
  return db.wireSource.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}
