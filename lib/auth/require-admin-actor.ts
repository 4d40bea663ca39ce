import "server-only";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import type { Actor } from "@/lib/auth/permissions";

/** For admin pages and actions: the signed-in actor, or off to the login page. */
export async function requireAdminActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}
