import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseWireItem, suggestTags, type WireParse, type WireTag } from "@/lib/wire";
import { tagVocabulary } from "@/lib/wire-ingest/vocabulary";

export type StoryWireCopy = {
  items: { id: string; state: string; receivedAt: string; guid: string | null; version: number | null; raw: string; parsed: WireParse }[];
  suggestions: WireTag[];
};

/**
 * The agency copy a story was made from (newest first) and tag suggestions for it. Suggestions
 * need the NLP pass, too slow for bulk ingest, so they are made the first time someone looks and
 * kept with the item.
 */
export async function getStoryWireCopy(options: { actor: Actor; storyId: string }): Promise<StoryWireCopy | null> {
  requirePermission(options.actor, "story.read");
  const rows = await db.wireItem.findMany({
    where: { storyId: options.storyId },
    orderBy: { receivedAt: "desc" },
    select: { id: true, state: true, receivedAt: true, guid: true, version: true, raw: true, parsed: true, suggestions: true },
  });
  if (rows.length === 0) return null;
  const source = rows.find((row) => row.state === "applied") ?? rows[0];
  let suggestions = source.suggestions as WireTag[] | null;
  if (!suggestions) {
    const item = parseWireItem(source.raw, { receivedAt: source.receivedAt });
    suggestions = suggestTags(item, { vocabulary: await tagVocabulary(), nlp: true });
    await db.wireItem.update({ where: { id: source.id }, data: { suggestions: suggestions as unknown as Prisma.InputJsonValue } });
  }
  return {
    items: rows.map((row) => ({ ...row, receivedAt: row.receivedAt.toISOString(), parsed: row.parsed as unknown as WireParse })),
    suggestions,
  };
}
