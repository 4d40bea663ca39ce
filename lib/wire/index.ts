// The wire-copy parser. parseWireItem is the fast path (no NLP) for bulk ingest; parseWire adds
// tag suggestions and is what `wire parse` prints. Importing from here loads compromise; a caller
// that only parses can import "@/lib/wire/parse-wire-item" and skip its start-up cost.
export type { WireFormat, WireTag, WireParse, ParsedWireItem, WirePubstatus, WirePriority, WireTake, WireTakeKind } from "@/lib/wire/types";
export { WireError } from "@/lib/wire/wire-error";
export { parseWireItem, parseWireItems } from "@/lib/wire/parse-wire-item";
export { TagVocabulary, type TagVocabularyEntry } from "@/lib/wire/tag-vocabulary";
export { suggestTags } from "@/lib/wire/suggest-tags";
export { parseWire, parseWires } from "@/lib/wire/parse-wire";
