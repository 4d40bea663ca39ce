import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { assertStoryId } from "@/lib/ids";
import { requirePermission, type Actor, type Role } from "@/lib/auth/permissions";

/** Someone seen within this long still has the story open (the editor checks in every 15 s). */
export const PRESENCE_WINDOW_SECONDS = 45;
/** Rows older than this are deleted now and then; until then they are simply ignored. */
const PRUNE_AFTER = "1 day";
const PRUNE_EVERY_MS = 60_000;
let lastPruned = 0;
// The database's clock, in UTC as Prisma stores times (the columns have no zone; the session may).
const utcNow = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

export type PresentUser = { id: string; name: string; role: Role };

/**
 * The actor has the story open now: records it, and answers who else has been seen on it in the
 * last 45 s (never the actor). Times are the database's, so app instances with drifting clocks agree.
 */
export async function touchPresence(options: { actor: Actor; storyId: string }): Promise<{ others: PresentUser[]; story: { version: number; draftSavedAt: string | null } }> {
  const { actor, storyId } = options;
  requirePermission(actor, "story.read");
  assertStoryId(storyId);
  const touched = await db.$executeRaw`
    INSERT INTO "StoryPresence" ("storyId", "userId", "seenAt")
    SELECT s."id", ${actor.id}::uuid, ${utcNow} FROM "Story" s WHERE s."id" = ${storyId}::uuid
    ON CONFLICT ("storyId", "userId") DO UPDATE SET "seenAt" = excluded."seenAt"`;
  if (touched === 0) throw new AppError("not_found", "No story with that id");
  const others = await db.$queryRaw<PresentUser[]>`
    SELECT u."id", u."name", u."role"::text AS "role"
    FROM "StoryPresence" p JOIN "User" u ON u."id" = p."userId"
    WHERE p."storyId" = ${storyId}::uuid AND p."userId" <> ${actor.id}::uuid AND u."active"
      AND p."seenAt" > ${utcNow} - ${PRESENCE_WINDOW_SECONDS} * interval '1 second'
    ORDER BY u."name", u."id"`;
  // The story's copy as stored now, so an editor learns of someone else's save without saving.
  const story = await db.story.findUniqueOrThrow({ where: { id: storyId }, select: { version: true, draftSavedAt: true } });
  await pruneNowAndThen();
  return { others, story: { version: story.version, draftSavedAt: story.draftSavedAt?.toISOString() ?? null } };
}

/** The actor closed the story (or left the page): others stop seeing them at once. */
export async function leavePresence(options: { actor: Actor; storyId: string }): Promise<void> {
  const { actor, storyId } = options;
  requirePermission(actor, "story.read");
  assertStoryId(storyId);
  await db.storyPresence.deleteMany({ where: { storyId, userId: actor.id } });
}

// Opportunistic clean-up, at most once a minute per app instance: the table only ever holds about
// a day of story openings, so the scan is small, and no scheduler is needed for it.
async function pruneNowAndThen() {
  const now = Date.now();
  if (now - lastPruned < PRUNE_EVERY_MS) return;
  lastPruned = now;
  await db.$executeRaw`DELETE FROM "StoryPresence" WHERE "seenAt" < ${utcNow} - ${PRUNE_AFTER}::interval`;
}
