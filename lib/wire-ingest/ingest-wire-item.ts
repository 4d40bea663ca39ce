import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { storySelect, toStoryJson } from "@/lib/stories/story-shape";
import type { WireTag } from "@/lib/wire/types";
import { ingestWireItems, type IngestOutcome } from "@/lib/wire-ingest/ingest-wire-items";
import type { WirePath } from "@/lib/wire-ingest/wire-sender";

export { MAX_WIRE_BYTES, parseOrReject, type IngestOutcome } from "@/lib/wire-ingest/ingest-wire-items";
/** Each item of a delivery of several: its outcome and story, or why it was refused. */
export type IngestedPart = { outcome: IngestOutcome; storyId: string; wireItemId: string | null } | { error: string; fields: Record<string, string[]> | undefined };
export type IngestResult = { outcome: IngestOutcome; story: ReturnType<typeof toStoryJson>; wireItemId: string | null; items?: IngestedPart[] };

/**
 * One delivery of agency copy (see ingestWireItems): the story its item made or touched, or its
 * error thrown. A delivery of several items (a NewsML-G2 newsMessage) answers with the first
 * item's story and lists every item in `items`.
 */
export async function ingestWireItem(options: { actor: Actor; via: WirePath; raw: string | Uint8Array; receivedAt?: Date; tags?: WireTag[] }): Promise<IngestResult> {
  const [result] = await ingestWireItems({ actor: options.actor, via: options.via, items: [options] });
  if (!result.ok) throw result.error;
  // A delivery as a draft always names its story (only the desk's queue holds items in none).
  if (!result.storyId) throw new Error(`ingest answered ${result.outcome} with no story`);
  const row = await db.story.findUniqueOrThrow({ where: { id: result.storyId }, select: storySelect, relationLoadStrategy: "join" });
  const items = result.items?.map((item): IngestedPart => (item.ok ? { outcome: item.outcome, storyId: item.storyId!, wireItemId: item.wireItemId } : { error: item.error.message, fields: item.error.fields }));
  return { outcome: result.outcome, story: toStoryJson(row), wireItemId: result.wireItemId, ...(items ? { items } : {}) };
}
