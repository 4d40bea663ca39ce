import type { WireParse } from "@/lib/wire/types";
import { parseWireItems } from "@/lib/wire/parse-wire-item";
import { suggestTags } from "@/lib/wire/suggest-tags";
import type { TagVocabulary } from "@/lib/wire/tag-vocabulary";
import { WireError } from "@/lib/wire/wire-error";

/** What `wire parse` prints for each item of a delivery: the item taken apart, with its own tags and the suggested ones. */
export function parseWires(raw: string | Uint8Array, options: { receivedAt: Date; vocabulary?: TagVocabulary }): WireParse[] {
  return parseWireItems(raw, { receivedAt: options.receivedAt }).map((item) => ({ ...item.parse, tags: suggestTags(item, { vocabulary: options.vocabulary, nlp: true }) }));
}

/** The parse of a delivery of one item (see parseWires); one of several is refused with a WireError. */
export function parseWire(raw: string | Uint8Array, options: { receivedAt: Date; vocabulary?: TagVocabulary }): WireParse {
  const parses = parseWires(raw, options);
  if (parses.length !== 1) throw new WireError(`the delivery holds ${parses.length} items, not one`);
  return parses[0];
}
