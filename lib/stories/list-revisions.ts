import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertStoryId } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import type { RevisionSnapshot } from "@/lib/stories/revision-snapshot";
import { changedFields, summarizeChange } from "@/lib/stories/revision-diff";

/**
 * A story's revisions, newest first: who saved each, when, and what it changed from the one before.
 * One query; a story keeps tens of revisions, not thousands, so they are not paged.
 */
export async function listRevisions(options: { actor: Actor; id: string }) {
  requirePermission(options.actor, "story.read");
  assertStoryId(options.id);
  const story = await db.story.findUnique({
    where: { id: options.id },
    select: {
      revisions: {
        orderBy: { version: "desc" },
        select: { version: true, createdAt: true, snapshot: true, author: { select: { id: true, name: true } } },
      },
    },
    relationLoadStrategy: "join",
  });
  if (!story) throw new AppError("not_found", "No story with that id");
  const revisions = story.revisions;
  return {
    items: revisions.map((revision, index) => {
      const snapshot = revision.snapshot as RevisionSnapshot;
      const previous = (revisions[index + 1]?.snapshot ?? null) as RevisionSnapshot | null;
      return {
        version: revision.version,
        author: revision.author,
        createdAt: revision.createdAt.toISOString(),
        summary: summarizeChange(previous, snapshot),
        changes: previous ? changedFields(previous, snapshot) : [],
      };
    }),
  };
}

export type RevisionListItem = Awaited<ReturnType<typeof listRevisions>>["items"][number];
