import { createHash } from "node:crypto";

/** The identity of a piece of copy: the same text twice, whatever its line endings, is one item. */
export function contentHash(raw: string): string {
  return createHash("sha256").update(raw.replace(/\r\n?/g, "\n").trim()).digest("hex");
}
