import type { WireParse } from "@/lib/wire/types";
import { parseWireItem } from "@/lib/wire/parse-wire-item";
import { suggestTags } from "@/lib/wire/suggest-tags";
import type { TagVocabulary } from "@/lib/wire/tag-vocabulary";

/** What `wire parse` prints: the item taken apart, with its own tags and the suggested ones. */
export function parseWire(raw: string | Uint8Array, options: { receivedAt: Date; vocabulary?: TagVocabulary }): WireParse {
  const item = parseWireItem(raw, { receivedAt: options.receivedAt });
  return { ...item.parse, tags: suggestTags(item, { vocabulary: options.vocabulary, nlp: true }) };
}
