import "server-only";
import { diffWordsWithSpace } from "diff";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/ids";
import { suggestTags, type WireParse, type WireTag } from "@/lib/wire";
import type { DiffPart } from "@/lib/stories/revision-diff";
import { parseStoredWireItem } from "@/lib/wire-ingest/stored-wire-item";
import { tagVocabulary } from "@/lib/wire-ingest/vocabulary";
import { mediaSelect, toMediaJson, type MediaJson } from "@/lib/media/media-shape";
import { queueRowsByIds, queueRowsWhere, type QueueRow } from "@/lib/wire-desk/queue-row";

export type WireItemDetail = QueueRow & {
  raw: string;
  parsed: WireParse;
  /** Suggested tags: the item's own, its source's rules', then the NLP pass's. */
  suggestions: WireTag[];
  /** The cluster's items, newest first: its versions and takes, and other agencies' copy of the event. */
  members: QueueRow[];
  /**
   * For a later version of an item a story was made from: the words changed since the version the
   * story holds, and what the editor can do (apply it to the story, keep the story as it is).
   */
  update: { storyId: string; storyHeadline: string; baseReceivedAt: string; diff: DiffPart[]; pending: boolean } | null;
  /** The pictures it brought, in the media library with the agency's words (the first leads a draft taken from it). */
  pictures: MediaJson[];
};

const text = (parse: WireParse) => [parse.headline ?? "", ...parse.paragraphs].join("\n\n");

/**
 * One item as the desk opens it beside the queue: the copy as sent and as parsed, tag
 * suggestions (made once, then kept with the item), its cluster, and, for an update of an item
 * already in a story, what changed. Marks it seen.
 */
export async function getWireItem(options: { actor: Actor; itemId: string }): Promise<WireItemDetail> {
  requirePermission(options.actor, "wire.read");
  if (!isUuid(options.itemId)) throw new AppError("not_found", "No such wire item");
  const row = await db.wireItem.findUnique({
    where: { id: options.itemId },
    select: { id: true, deskState: true, clusterId: true, storyId: true, state: true, receivedAt: true, version: true, raw: true, parsed: true, suggestions: true, ruleTags: true, guid: true, mediaIds: true, story: { select: { headline: true } } },
  });
  if (!row) throw new AppError("not_found", "No such wire item");
  if (row.deskState === "new") {
    await db.wireItem.updateMany({ where: { id: row.id, deskState: "new" }, data: { deskState: "seen", seenById: options.actor.id, seenAt: new Date() } });
  }
  let suggestions = row.suggestions as WireTag[] | null;
  if (!suggestions) {
    suggestions = suggestTags(parseStoredWireItem(row), { vocabulary: await tagVocabulary(), nlp: true });
    await db.wireItem.update({ where: { id: row.id }, data: { suggestions: suggestions as unknown as Prisma.InputJsonValue } });
  }
  const ruleTags = (row.ruleTags as WireTag[] | null) ?? [];
  // Read after marking it seen: answered as it now stands, seen by whoever opened it first.
  const [[self], members, media] = await Promise.all([
    queueRowsByIds([row.id]),
    queueRowsWhere(Prisma.sql`w."id" IN (SELECT c."id" FROM "WireItem" c WHERE c."clusterId" = ${row.clusterId}::uuid ORDER BY c."receivedAt" DESC LIMIT 100)`),
    row.mediaIds.length ? db.mediaItem.findMany({ where: { id: { in: row.mediaIds } }, select: mediaSelect }) : [],
  ]);
  const parsed = row.parsed as unknown as WireParse;
  const byId = new Map(media.map((each) => [each.id, toMediaJson(each)]));
  const pictures = row.mediaIds.flatMap((id) => byId.get(id) ?? []);
  return { ...self, raw: row.raw, parsed, suggestions: [...ruleTags, ...suggestions], members, update: await updateOf(row, parsed), pictures };
}

/** The diff of an update against the copy its story was made from (the story's first applied item). */
async function updateOf(row: { id: string; storyId: string | null; state: string; story: { headline: string } | null }, parsed: WireParse): Promise<WireItemDetail["update"]> {
  if (!row.storyId || !row.story || (row.state !== "pending" && row.state !== "superseded" && row.state !== "applied")) return null;
  const base = await db.wireItem.findFirst({ where: { storyId: row.storyId, id: { not: row.id }, state: "applied" }, orderBy: { receivedAt: "asc" }, select: { parsed: true, receivedAt: true } });
  if (!base) return null;
  const diff = diffWordsWithSpace(text(base.parsed as unknown as WireParse), text(parsed)).map((part): DiffPart => ({ text: part.value, change: part.added ? "added" : part.removed ? "removed" : null }));
  return { storyId: row.storyId, storyHeadline: row.story.headline, baseReceivedAt: base.receivedAt.toISOString(), diff, pending: row.state === "pending" };
}
