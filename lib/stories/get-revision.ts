import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertStoryId } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { revisionNumberSchema } from "@/lib/stories/schemas";
import type { RevisionSnapshot } from "@/lib/stories/revision-snapshot";

/** A revision number as given in a path or form: 422 naming `revision` unless it is a whole number from 1. */
export function revisionNumber(value: string | number): number {
  return parseInput(z.object({ revision: revisionNumberSchema }), { revision: String(value) }).revision;
}

/** The snapshot a story's revision recorded, with who made it and when. */
export async function getRevision(options: { actor: Actor; id: string; revision: string | number }) {
  requirePermission(options.actor, "story.read");
  assertStoryId(options.id);
  const version = revisionNumber(options.revision);
  const row = await db.storyRevision.findUnique({
    where: { storyId_version: { storyId: options.id, version } },
    select: { version: true, createdAt: true, snapshot: true, author: { select: { id: true, name: true } } },
  });
  if (!row) {
    const story = await db.story.findUnique({ where: { id: options.id }, select: { id: true } });
    throw new AppError("not_found", story ? `This story has no revision ${version}` : "No story with that id");
  }
  return { version: row.version, author: row.author, createdAt: row.createdAt.toISOString(), snapshot: row.snapshot as RevisionSnapshot };
}

export type RevisionJson = Awaited<ReturnType<typeof getRevision>>;
