import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/permissions";
import { storySelect, toStoryJson } from "@/lib/stories/story-shape";
import { revalidateStory } from "@/lib/cache/revalidate-story";
import type { WireTag } from "@/lib/wire/types";
import { ingestWireItems, type IngestOutcome } from "@/lib/wire-ingest/ingest-wire-items";

export { MAX_WIRE_BYTES, parseOrReject, type IngestOutcome } from "@/lib/wire-ingest/ingest-wire-items";
export type IngestResult = { outcome: IngestOutcome; story: ReturnType<typeof toStoryJson>; wireItemId: string | null };

/** One item of agency copy (see ingestWireItems): the story it made or touched, or its error thrown. */
export async function ingestWireItem(options: { actor: Actor; raw: string | Uint8Array; receivedAt?: Date; tags?: WireTag[] }): Promise<IngestResult> {
  const [result] = await ingestWireItems({ actor: options.actor, items: [options] });
  if (!result.ok) throw result.error;
  const row = await db.story.findUniqueOrThrow({ where: { id: result.storyId }, select: storySelect, relationLoadStrategy: "join" });
  // A withdrawal takes a live story down; other outcomes change only drafts.
  if (result.outcome === "withdrawn") await revalidateStory({ storyId: row.id, slugs: [row.slug], tagSlugs: row.tags.map((t) => t.tag.slug) });
  return { outcome: result.outcome, story: toStoryJson(row), wireItemId: result.wireItemId };
}
