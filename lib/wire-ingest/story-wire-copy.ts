import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { suggestTags, type WireParse, type WireTag } from "@/lib/wire";
import { parseStoredWireItem } from "@/lib/wire-ingest/stored-wire-item";
import { tagVocabulary, tagsNamed } from "@/lib/wire-ingest/vocabulary";
import { judgeSuggestions, suggestionCopy, suggestionKey, type SuggestedTag } from "@/lib/wire-ingest/suggestion-confidence";
import { rejectedSuggestionKeys } from "@/lib/wire-ingest/reject-suggestions";
import type { WireSenderView } from "@/lib/wire-ingest/wire-sender";

export type StoryWireCopy = {
  items: { id: string; state: string; receivedAt: string; guid: string | null; version: number | null; raw: string; parsed: WireParse; sender: WireSenderView }[];
  /** Whose versions of the agency item are accepted (null for plain copy, which has no versions). */
  owner: WireSenderView | null;
  /** Tag suggestions from the copy, less those an editor turned down for this story; each ticked or not, and why. */
  suggestions: SuggestedTag[];
};

const userSelect = { select: { id: true, name: true, email: true, role: true } } as const;

/**
 * The agency copy a story was made from (newest first), each item with who sent it, the source
 * whose versions are accepted, and tag suggestions. Suggestions need the NLP pass, too slow for
 * bulk ingest, so they are made the first time someone looks and kept with the item; whether each
 * starts ticked is judged against the vocabulary as it is now.
 */
export async function getStoryWireCopy(options: { actor: Actor; storyId: string }): Promise<StoryWireCopy | null> {
  requirePermission(options.actor, "story.read");
  const [rows, story, rejected] = await Promise.all([
    db.wireItem.findMany({
      where: { storyId: options.storyId },
      orderBy: [{ receivedAt: "desc" }, { createdAt: "desc" }],
      select: { id: true, state: true, receivedAt: true, guid: true, version: true, raw: true, parsed: true, suggestions: true, sender: userSelect, channel: true, apiKey: { select: { prefix: true } } },
    }),
    db.story.findUnique({
      where: { id: options.storyId },
      select: { wireGuid: true, wireOwner: userSelect, wireOwnerChannel: true, wireOwnerApiKey: { select: { prefix: true } } },
    }),
    rejectedSuggestionKeys(options.storyId),
  ]);
  if (rows.length === 0) return null;
  const source = rows.find((row) => row.state === "applied") ?? rows[0];
  let suggestions = source.suggestions as WireTag[] | null;
  if (!suggestions) {
    const item = parseStoredWireItem(source);
    suggestions = suggestTags(item, { vocabulary: await tagVocabulary(), nlp: true });
    await db.wireItem.update({ where: { id: source.id }, data: { suggestions: suggestions as unknown as Prisma.InputJsonValue } });
  }
  const offered = suggestions.filter((tag) => !rejected.has(suggestionKey(tag)));
  return {
    items: rows.map(({ sender, channel, apiKey, suggestions: _suggestions, ...row }) => ({
      ...row,
      receivedAt: row.receivedAt.toISOString(),
      parsed: row.parsed as unknown as WireParse,
      sender: { user: sender, channel, apiKeyPrefix: apiKey?.prefix ?? null },
    })),
    owner: story?.wireGuid ? { user: story.wireOwner, channel: story.wireOwnerChannel, apiKeyPrefix: story.wireOwnerApiKey?.prefix ?? null } : null,
    suggestions: judgeSuggestions(offered, suggestionCopy(source.parsed as unknown as WireParse), await tagsNamed(offered)),
  };
}
