import "server-only";
import type { Tx } from "@/lib/db";
import type { StoryStatus } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";

export type LockedStory = { id: string; status: StoryStatus; version: number };

/**
 * Takes the story's row lock for the rest of the caller's transaction, and answers the state that
 * a command decides on, read under it. Every command that changes a story calls this first: a
 * second command on the same story waits here until the first has committed, then reads what the
 * first left, so of twenty kills at once exactly one kills and the others find the story killed.
 *
 * FOR NO KEY UPDATE rather than FOR UPDATE: it excludes every other change of the row, but not the
 * foreign-key checks of rows that merely point at the story (an audit entry, a revision, a
 * presence check-in, a tag merge moving its links), so those never queue behind a command or
 * deadlock with one. A lock held too long is given up on (lock_timeout, lib/db.ts): a 503.
 */
export async function lockStory(tx: Tx, id: string): Promise<LockedStory> {
  const [row] = await tx.$queryRaw<LockedStory[]>`
    SELECT "id", "status"::text AS "status", "version" FROM "Story" WHERE "id" = ${id}::uuid FOR NO KEY UPDATE`;
  if (!row) throw new AppError("not_found", "No story with that id");
  return row;
}
