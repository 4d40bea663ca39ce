// Zone abbreviations agencies put on embargo times, as minutes east of UTC. Where one abbreviation
// is shared, the newsroom's reading wins: IST is India, BST British Summer Time, CST US Central.
const offsets: Record<string, number> = {
  GMT: 0, UTC: 0, UT: 0, Z: 0, WET: 0,
  BST: 60, WEST: 60, CET: 60, WAT: 60, CEST: 120, EET: 120, CAT: 120, SAST: 120, EEST: 180, MSK: 180, EAT: 180, AST: 180,
  GST: 240, PKT: 300, IST: 330, NPT: 345, BDT: 360, ICT: 420, WIB: 420,
  SGT: 480, HKT: 480, PHT: 480, AWST: 480, MYT: 480, JST: 540, KST: 540, ACST: 570, AEST: 600, ACDT: 630, AEDT: 660,
  NZST: 720, NZDT: 780,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600,
};

/** Minutes east of UTC for a zone abbreviation ("IST" → 330), or null when it is not one we know. */
export function zoneOffsetMinutes(name: string): number | null {
  return offsets[name.toUpperCase()] ?? null;
}

/** The abbreviations, longest first, as a regex alternation ("Z" is left to the caller: it needs a digit before it). */
export const zonePattern = `(?:${Object.keys(offsets)
  .filter((name) => name !== "Z")
  .sort((a, b) => b.length - a.length)
  .join("|")})`;
