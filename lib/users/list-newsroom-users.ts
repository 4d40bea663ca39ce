import "server-only";
import { db } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/permissions";

/**
 * Everyone who can have written a story (deactivated users and the wire desk too: their stories
 * stay), by name, for the story list's author filter. Unlike the users page, no emails or keys.
 */
export async function listNewsroomUsers(options: { actor: Actor }) {
  requirePermission(options.actor, "story.read");
  return db.user.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, role: true, active: true } });
}
