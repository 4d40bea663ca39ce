import type { WirePriority } from "@/lib/wire/types";

/**
 * ANPA 1312 priority codes as AP and Reuters send them, mapped onto our four: f flash, b
 * bulletin, u urgent; r (regular) and the lower codes (d deferred, s, w, z, a) are routine.
 * Any other code is not one we know: null.
 */
const ANPA = new Map<string, WirePriority>([["f", "flash"], ["b", "bulletin"], ["u", "urgent"], ...[..."rdswza"].map((code): [string, WirePriority] => [code, "routine"])]);

/**
 * IPTC 7901 priority digits, 1 the most urgent: 1 flash, 2 bulletin, 3 urgent, 4 to 6 routine
 * (4 is "regular" in 7901; 5 and 6, deferred and lowest, are routine to a desk as well).
 */
const IPTC_7901 = new Map<string, WirePriority>([["1", "flash"], ["2", "bulletin"], ["3", "urgent"], ["4", "routine"], ["5", "routine"], ["6", "routine"]]);

/** The priority an ANPA 1312 code stands for ("u" → urgent), or null for a code we do not know. */
export function anpaPriority(code: string): WirePriority | null {
  return ANPA.get(code.toLowerCase()) ?? null;
}

/** The priority an IPTC 7901 digit stands for ("1" → flash), or null outside 1–6. */
export function iptc7901Priority(digit: string): WirePriority | null {
  return IPTC_7901.get(digit) ?? null;
}
