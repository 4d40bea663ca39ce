import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { storySelect, toStoryJson } from "@/lib/stories/story-shape";
import type { WireTag } from "@/lib/wire/types";
import { ingestWireItems, type IngestOutcome } from "@/lib/wire-ingest/ingest-wire-items";
import type { WirePath } from "@/lib/wire-ingest/wire-sender";

export { MAX_WIRE_BYTES, parseOrReject, type IngestOutcome } from "@/lib/wire-ingest/ingest-wire-items";
export type IngestResult = { outcome: IngestOutcome; story: ReturnType<typeof toStoryJson>; wireItemId: string | null };

/** One item of agency copy (see ingestWireItems): the story it made or touched, or its error thrown. */
export async function ingestWireItem(options: { actor: Actor; via: WirePath; raw: string | Uint8Array; receivedAt?: Date; tags?: WireTag[] }): Promise<IngestResult> {
  const [result] = await ingestWireItems({ actor: options.actor, via: options.via, items: [options] });
  if (!result.ok) throw result.error;
  const row = await db.story.findUniqueOrThrow({ where: { id: result.storyId }, select: storySelect, relationLoadStrategy: "join" });
  return { outcome: result.outcome, story: toStoryJson(row), wireItemId: result.wireItemId };
}
