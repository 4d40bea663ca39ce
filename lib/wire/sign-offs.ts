import { canonicalAgency, signOffAgencies } from "@/lib/wire/agencies";

// An agency's sign-off alone on the last lines: "(ANI)", "--IANS", "-- IANS", "(Reuters)", "PTI",
// "UNI", "PTI ABC XYZ" (with the desk's codes), and codes alone: "ABC XYZ".
const LONE_SIGN_OFF = /^\(?\s*(?:-{1,2}|—|–)?\s*([A-Za-z][A-Za-z .-]{0,30}?)\s*\)?(?:\s+[A-Z]{2,4}){0,4}(?:\s+\d{3,8})?$/;
const LONE_CODES = /^[A-Z]{2,4}(?:\s+[A-Z]{2,4}){1,4}(?:\s+\d{3,8})?$/;
// The same at the end of the last paragraph, after its final sentence.
const PARENTHESISED = /\s*\(\s*([A-Za-z][A-Za-z .-]{0,30}?)\s*\)\s*$/;
const DASHED = /(^|[\s.!?"”’)])\s*(?:-{1,2}|—|–)\s*([A-Za-z]{2,12})(?:\s+[a-z]{2,4}(?:\/[a-z]{2,4})+)?\s*$/;
const BARE = new RegExp(`([.!?"”’)\\]])\\s+(?:${signOffAgencies.join("|")})(?:\\s+[A-Z]{2,4}){0,4}(?:\\s+\\d{3,8})?\\s*$`);

const TAIL = 80;

/** Whether a line is nothing but an agency sign-off or desk codes. */
export function isSignOffLine(line: string): boolean {
  if (line.length > TAIL) return false;
  if (LONE_CODES.test(line)) return true;
  const lone = LONE_SIGN_OFF.exec(line);
  return lone !== null && canonicalAgency(lone[1]) !== null;
}

/**
 * The paragraph without the sign-off that ends it ("… door-to-door visits. (ANI)" → "… visits.").
 * A known agency named inside the sentence stays: "… a statement shared with ANI." is copy.
 */
export function cutSignOff(paragraph: string): string {
  // The patterns are anchored at the end; trying them on a short tail spares a scan of the paragraph.
  const from = paragraph.length > TAIL ? Math.max(0, paragraph.indexOf(" ", paragraph.length - TAIL)) : 0;
  const tail = paragraph.slice(from);
  const parenthesised = tail.endsWith(")") ? PARENTHESISED.exec(tail) : null;
  if (parenthesised && canonicalAgency(parenthesised[1])) return paragraph.slice(0, from + parenthesised.index).trimEnd();
  const dashed = DASHED.exec(tail);
  if (dashed && canonicalAgency(dashed[2])) return (paragraph.slice(0, from + dashed.index) + dashed[1]).trimEnd();
  const bare = BARE.exec(tail);
  if (bare) return paragraph.slice(0, from + bare.index + 1);
  return paragraph;
}
