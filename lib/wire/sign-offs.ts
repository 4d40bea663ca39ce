import { canonicalAgency, signOffAgencies } from "@/lib/wire/agencies";

/** What a sign-off tells: the agency it names, or null for desk codes and end marks, which name none. */
export type SignOff = { agency: string | null };

// An agency's sign-off alone on the last lines: "(ANI)", "--IANS", "-- IANS", "(Reuters)", "PTI",
// "UNI", "Reuter", "PTI ABC XYZ" (with the desk's codes), and codes alone: "ABC XYZ".
const LONE_SIGN_OFF = /^\(?\s*(?:-{1,2}|—|–)?\s*([A-Za-z][A-Za-z .-]{0,30}?)\s*\)?(?:\s+[A-Z]{2,4}){0,4}(?:\s+\d{3,8})?$/;
const LONE_CODES = /^[A-Z]{2,4}(?:\s+[A-Z]{2,4}){1,4}(?:\s+\d{3,8})?$/;
// dpa and other IPTC 7901 feeds sign with their editors' initials in lower case: "dpa xy mk".
const LOWER_CODES = /^([A-Za-z]{2,12})(?:\s+[a-z]{2,3}){1,4}$/;
// The time stamp teletype copy ends with, alone or after the sign-off: "261530 GMT Feb 87",
// "REUTER 261530 GMT FEB 87", "0315 GMT"; AP's "ap-ny-03-03-26 1530GMT" names the agency itself.
const ZONE = "(?:GMT|UTC|[ECMP][SD]T|IST|CET|CEST|BST)";
const STAMP = `(?:\\d{6}|\\d{4})\\s?${ZONE}(?:\\s+[A-Za-z]{3}\\.?\\s+\\d{2}(?:\\d{2})?)?`;
const LONE_STAMP = new RegExp(`^${STAMP}$`);
const TRAILING_STAMP = new RegExp(`\\s+${STAMP}$`);
const AP_STAMP = new RegExp(`^AP-[A-Z]{2,4}-\\d{2}-\\d{2}-\\d{2}(?:\\d{2})?\\s+${STAMP}$`, "i");
// What ends a take: "MORE" (another take follows), "END", "(END)", "ENDS", "ENDIT".
const END_MARK = /^\(?(?:MORE|END|ENDS|ENDIT)\)?\.?$/;
// The same at the end of the last paragraph, after its final sentence.
const PARENTHESISED = /\s*\(\s*([A-Za-z][A-Za-z .-]{0,30}?)\s*\)\s*$/;
const DASHED = /(^|[\s.!?"”’)])\s*(?:-{1,2}|—|–)\s*([A-Za-z]{2,12})(?:\s+[a-z]{2,4}(?:\/[a-z]{2,4})+)?\s*$/;
const BARE = new RegExp(`([.!?"”’)\\]])\\s+(${signOffAgencies.join("|")})(?:\\s+[A-Z]{2,4}){0,4}(?:\\s+\\d{3,8})?\\s*$`);

const TAIL = 80;

/** The sign-off a whole line is (an agency's, desk codes, a time stamp, an end mark), or null for a line of copy. */
export function readSignOffLine(line: string): SignOff | null {
  if (line.length > TAIL) return null;
  if (AP_STAMP.test(line)) return { agency: "AP" };
  // Before the codes: "UNI XC SS" is UNI's sign-off with its desk's codes, not codes alone.
  const stamp = TRAILING_STAMP.exec(line);
  const lone = LONE_SIGN_OFF.exec(stamp ? line.slice(0, stamp.index) : line);
  const lower = LOWER_CODES.exec(line);
  const agency = (lone ? canonicalAgency(lone[1]) : null) ?? (lower ? canonicalAgency(lower[1]) : null);
  if (agency) return { agency };
  return LONE_CODES.test(line) || END_MARK.test(line) || LONE_STAMP.test(line) ? { agency: null } : null;
}

/**
 * The paragraph without the sign-off that ends it ("… door-to-door visits. (ANI)" → "… visits."),
 * and the agency it named; the paragraph comes back as it was, agency null, when it has none.
 * A known agency named inside the sentence stays: "… a statement shared with ANI." is copy.
 */
export function cutSignOff(paragraph: string): { text: string; agency: string | null } {
  // The patterns are anchored at the end; trying them on a short tail spares a scan of the paragraph.
  const from = paragraph.length > TAIL ? Math.max(0, paragraph.indexOf(" ", paragraph.length - TAIL)) : 0;
  const tail = paragraph.slice(from);
  const parenthesised = tail.endsWith(")") ? PARENTHESISED.exec(tail) : null;
  const parenthesisedAgency = parenthesised ? canonicalAgency(parenthesised[1]) : null;
  if (parenthesised && parenthesisedAgency) return { text: paragraph.slice(0, from + parenthesised.index).trimEnd(), agency: parenthesisedAgency };
  const dashed = DASHED.exec(tail);
  const dashedAgency = dashed ? canonicalAgency(dashed[2]) : null;
  if (dashed && dashedAgency) return { text: (paragraph.slice(0, from + dashed.index) + dashed[1]).trimEnd(), agency: dashedAgency };
  const bare = BARE.exec(tail);
  if (bare) return { text: paragraph.slice(0, from + bare.index + 1), agency: canonicalAgency(bare[2]) };
  return { text: paragraph, agency: null };
}
