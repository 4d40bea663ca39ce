import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";

const WIRE_DESK_EMAIL = "wire-desk@dateline.invalid";

/**
 * The user the operator's bulk ingest acts as, so stories show who brought them in. It is an
 * editor (a canceled item may kill a live story) but inactive: it cannot sign in or hold API keys.
 */
export function wireDeskActor(): Promise<Actor> {
  // Asked for on every poll of every source (several a second for a busy folder): looked up once a
  // minute per process (an admin's change to the user shows within that); a failed look is tried again.
  if (!deskActor || Date.now() - deskActor.at > DESK_ACTOR_TTL_MS) {
    const actor = findOrCreateDeskActor();
    deskActor = { actor, at: Date.now() };
    actor.catch(() => {
      if (deskActor?.actor === actor) deskActor = null;
    });
  }
  return deskActor.actor;
}

const DESK_ACTOR_TTL_MS = 60_000;
let deskActor: { actor: Promise<Actor>; at: number } | null = null;

async function findOrCreateDeskActor(): Promise<Actor> {
  const user = await db.user.upsert({
    where: { email: WIRE_DESK_EMAIL },
    create: { email: WIRE_DESK_EMAIL, name: "Wire desk", role: "editor", active: false, passwordHash: "!disabled" },
    update: {},
    select: { id: true, email: true, name: true, role: true },
  });
  return user;
}
