import type { ParsedWireItem } from "@/lib/wire/types";
import { bandsOf, minhashOf } from "@/lib/wire-desk/near-duplicates";

/**
 * What the desk's queue row shows and clusters by, from the parse: kept as columns of the item,
 * since reading 50 parses (each with its paragraphs) for every page of the queue would not be fast.
 */
export type DeskColumns = {
  headline: string | null;
  slugline: string | null;
  dateline: string | null;
  wordCount: number;
  minhash: number[];
  lshBands: bigint[];
};

/** The copy's words as near-duplicates are found in: the headline and the body. */
export const copyText = (item: ParsedWireItem) => [item.parse.headline ?? "", ...item.parse.paragraphs].join("\n");

export function deskColumns(item: ParsedWireItem): DeskColumns {
  const { parse } = item;
  const text = copyText(item);
  const signature = minhashOf(text);
  return {
    headline: parse.headline?.slice(0, 500) ?? null,
    slugline: parse.slugline?.slice(0, 200) ?? null,
    dateline: [parse.location, parse.country].filter(Boolean).join(", ").slice(0, 200) || null,
    // The envelope's own count where it states one, else the body's words.
    wordCount: parse.wordCount ?? parse.paragraphs.reduce((sum, paragraph) => sum + (paragraph.match(/\S+/g)?.length ?? 0), 0),
    minhash: signature ?? [],
    lshBands: signature ? bandsOf(signature) : [],
  };
}
