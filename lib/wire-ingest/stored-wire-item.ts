import { parseWireItems } from "@/lib/wire/parse-wire-item";
import type { ParsedWireItem } from "@/lib/wire/types";
import { decodeWireBytes } from "@/lib/wire/read-input";
import { contentHash } from "@/lib/wire-ingest/content-hash";

/**
 * The copy as it is kept on its wire item: text, decoded as the parser decodes it (Windows-1252
 * and UTF-16 copy stays readable, and parses again the same). Called once the copy has parsed.
 */
export function storedWireText(raw: string | Uint8Array): string {
  return typeof raw === "string" ? raw : decodeWireBytes(raw);
}

/**
 * The identity of one item of a delivery: the copy's hash, and for a delivery of several (a
 * NewsML-G2 newsMessage) the item's guid and version with it, so each is stored once.
 */
export function itemHash(raw: string, item: ParsedWireItem, parts: number): string {
  return parts === 1 ? contentHash(raw) : contentHash(`${raw}\n\u241e${item.parse.guid ?? ""}\u241e${item.parse.version ?? ""}`);
}

/** A stored wire item parsed again: of a delivery of several, the one with this guid and version. */
export function parseStoredWireItem(row: { raw: string; receivedAt: Date; guid: string | null; version: number | null }): ParsedWireItem {
  const items = parseWireItems(row.raw, { receivedAt: row.receivedAt });
  return items.find((item) => item.parse.guid === row.guid && item.parse.version === row.version) ?? items[0];
}
