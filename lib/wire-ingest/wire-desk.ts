import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";

const WIRE_DESK_EMAIL = "wire-desk@dateline.invalid";

/**
 * The user the operator's bulk ingest acts as, so stories show who brought them in. It is an
 * editor (a canceled item may kill a live story) but inactive: it cannot sign in or hold API keys.
 */
export async function wireDeskActor(): Promise<Actor> {
  const user = await db.user.upsert({
    where: { email: WIRE_DESK_EMAIL },
    create: { email: WIRE_DESK_EMAIL, name: "Wire desk", role: "editor", active: false, passwordHash: "!disabled" },
    update: {},
    select: { id: true, email: true, name: true, role: true },
  });
  return user;
}
