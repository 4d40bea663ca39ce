import { createHash } from "node:crypto";
import { SourceError } from "@/lib/wire-sources/source-error";

// A NINJS feed comes in three shapes seen in the wild: a bare JSON array of items; an AP Media
// API-like document, { data: { items: [{ item: {…} }], next_page } }; and a flatter
// { items: […], next_page | next }. Each item goes to the ingest as its own JSON, as if posted to
// the API. An item is new when its uri and version (or, lacking a version, its time) are.

export type NinjsEntry = { key: string; name: string; raw: string };
export type NinjsPage = { entries: NinjsEntry[]; next: string | null };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const stringOrNull = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

function entry(value: unknown): NinjsEntry | null {
  // AP wraps each item: { item: { uri, … }, meta: … }.
  const item = isObject(value) && isObject(value.item) ? value.item : value;
  if (!isObject(item)) return null;
  const raw = JSON.stringify(item);
  const uri = stringOrNull(item.uri);
  const version = item.version ?? item.versioncreated ?? null;
  const key = uri ? `${uri}|${version ?? ""}` : `sha256:${createHash("sha256").update(raw).digest("hex").slice(0, 32)}`;
  return { key, name: uri ?? stringOrNull(item.headline) ?? "NINJS item", raw };
}

/** The items of a NINJS feed document, in its order, and the next page if it names one. */
export function readNinjsFeed(text: string): NinjsPage {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new SourceError(`The feed is not valid JSON: ${(error as Error).message}`);
  }
  const container = isObject(document) && isObject(document.data) ? document.data : document;
  const items = Array.isArray(container) ? container : isObject(container) && Array.isArray(container.items) ? container.items : null;
  if (!items) throw new SourceError("The feed is JSON but not a NINJS feed: it is neither a list of items nor a document with items");
  const next = isObject(container) ? (stringOrNull(container.next_page) ?? stringOrNull(container.next)) : null;
  return { entries: items.map(entry).filter((found): found is NinjsEntry => found !== null), next };
}
