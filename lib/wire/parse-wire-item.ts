import type { ParsedWireItem } from "@/lib/wire/types";
import { parseNinjsItem } from "@/lib/wire/parse-ninjs-item";
import { parseTextItem } from "@/lib/wire/parse-text-item";
import { readWireInput } from "@/lib/wire/read-input";
import { WireError } from "@/lib/wire/wire-error";

const JSON_START = /^\s*[{[]/;

/**
 * One item of agency copy (plain text or NINJS) taken apart, with no NLP: fast enough for bulk
 * ingest. Throws WireError, with a one-line reason, for input that is not copy.
 */
export function parseWireItem(raw: string | Uint8Array, options: { receivedAt: Date }): ParsedWireItem {
  const { receivedAt } = options;
  if (!(receivedAt instanceof Date) || Number.isNaN(receivedAt.getTime())) throw new WireError("receivedAt is not a valid date");
  const text = readWireInput(raw);
  return JSON_START.test(text) ? parseNinjsItem(text, receivedAt) : parseTextItem(text, receivedAt);
}
