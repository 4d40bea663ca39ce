// Who reported, wrote and edited, as agencies append it: "(Reporting by Tom Hale; Editing by Priya
// Nair)", "Writing by …; Editing by …", "Additional reporting by …", "Compiled by …",
// "Associated Press writer Daniel Otieno contributed to this report."
const ROLE = "(?:additional\\s+)?(?:reporting|writing|editing|compiled|compiling|edited|written|reported|research|translated|translation|translating|graphics|fact-?checking|produced|photos?)\\s+by\\b";
const PARENTHESISED = new RegExp(`^\\(\\s*(${ROLE}[^()]*)\\)\\.?$`, "i");
const BARE = new RegExp(`^${ROLE}\\s+\\S.{0,300}$`, "i");
const TO_THIS_REPORT = "(?:\\s+reporting|\\s+to\\s+(?:this|the)\\s+(?:report|story|article|reporting))";
const CONTRIBUTED_END = "(?:\\s+(?:from|in)\\s+[^.()]{1,80})?\\.?)\\s*\\)?$";
// "… contributed to this report." from anyone; a bare "… contributed." only from an agency's staff.
const CONTRIBUTED = new RegExp(`^\\(?\\s*(.{1,300}\\bcontributed${TO_THIS_REPORT}${CONTRIBUTED_END}`, "i");
const AGENCY_CONTRIBUTED = new RegExp(`^\\(?\\s*((?:The\\s+)?(?:Associated\\s+Press|AP|Reuters|AFP)\\b.{1,300}\\bcontributed${TO_THIS_REPORT}?${CONTRIBUTED_END}`, "i");
const SENTENCE_END = /[.!?]$/;
const MAX_CREDIT = 400;
const TRAILING = new RegExp(`\\s*\\(\\s*(${ROLE}[^()]*)\\)\\s*$`, "i");

/** The credit a whole line holds, without its parentheses; null when the line is not a credit. */
export function creditLine(line: string): string | null {
  if (line.length > MAX_CREDIT) return null;
  const match = PARENTHESISED.exec(line) ?? (line.includes("contributed") ? (CONTRIBUTED.exec(line) ?? AGENCY_CONTRIBUTED.exec(line)) : null);
  if (match) return match[1].trim();
  return BARE.test(line) ? line.trim() : null;
}

/** A credit in parentheses at the end of a paragraph of copy, split off: { text, credit }. */
export function cutTrailingCredit(paragraph: string): { text: string; credit: string } | null {
  if (!paragraph.endsWith(")")) return null;
  const match = TRAILING.exec(paragraph);
  if (!match || match.index === 0) return null;
  return { text: paragraph.slice(0, match.index).trimEnd(), credit: match[1].trim() };
}

/** Credits in reading order as one line: sentences joined by a space, bare credits by "; ". */
export function joinCredits(credits: string[]): string | null {
  if (credits.length === 0) return null;
  return credits.reduce((joined, credit) => (SENTENCE_END.test(joined) ? `${joined} ${credit}` : `${joined}; ${credit}`));
}
