import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-actor";
import type { Actor } from "@/lib/auth/permissions";
import { NEWSROOM_PATH_HEADER } from "@/lib/auth/newsroom-path-header";
import { newsroomPath } from "@/lib/auth/site-redirect";

/**
 * For admin pages and actions: the signed-in actor, or off to the login page, which brings the
 * visitor back to the newsroom address they asked for (checked again there: only /admin paths).
 */
export async function requireAdminActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) {
    const back = newsroomPath((await headers()).get(NEWSROOM_PATH_HEADER));
    redirect(back && back !== "/admin" ? `/login?${new URLSearchParams({ callbackUrl: back })}` : "/login");
  }
  return actor;
}
