import "server-only";
import type { Tx } from "@/lib/db";
import { recordReaderChange } from "@/lib/outbox/reader-change";
import { tagChangeKeys } from "@/lib/cache/surrogate-keys";

/**
 * Records, in the transaction of a tag's rename, merge, retype or deletion, what readers see
 * change: its pages and feeds under every slug it has had (some now redirecting), every other tag
 * page and feed (their items name it), the lists, and the story pages that show it by name (each
 * carries a label key per tag, lib/cache/surrogate-keys.ts).
 */
export async function recordTagChange(tx: Tx, tagSlugs: string[]): Promise<void> {
  await recordReaderChange(tx, tagChangeKeys(tagSlugs));
}
