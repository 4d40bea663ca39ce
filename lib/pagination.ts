import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { isSaneInstant } from "@/lib/validation";

/** An opaque keyset cursor: the sort value and id of the last row a page showed. */
export function encodeCursor(sortValue: Date, id: string): string {
  return Buffer.from(JSON.stringify([sortValue.toISOString(), id])).toString("base64url");
}

export function decodeCursor(cursor: string): { sortValue: Date; id: string } {
  try {
    const [sortValue, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    const date = new Date(sortValue);
    // A made-up instant the database cannot compare with (year 275760) is no cursor either.
    if (typeof sortValue !== "string" || !isSaneInstant(date) || typeof id !== "string" || !isUuid(id)) throw new Error("bad cursor");
    return { sortValue: date, id };
  } catch {
    throw new AppError("validation_failed", "The cursor is not valid: use nextCursor from a previous page", { cursor: ["Not a valid cursor"] });
  }
}

/** Words typed into a search box as a prefix-matching tsquery ("jaish lav" → "jaish:* & lav:*"), or null. */
export function prefixTsQuery(text: string): string | null {
  const words = text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.slice(0, 8).map((word) => `${word}:*`).join(" & ") : null;
}
