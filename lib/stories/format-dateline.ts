// Reuters/AP style month abbreviations: short months are written out.
const MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"];

export type Dateline = { location: string | null; country?: string | null; date: string | null };

/**
 * The wire-style dateline that opens a story: "MOSCOW, Dec 27 (ANI) –".
 * `date` is a calendar date (YYYY-MM-DD), so no time zone can move it a day.
 * Returns null when there is no location to lead with.
 */
export function formatDateline(dateline: Dateline, agency: string | null | undefined): string | null {
  const location = dateline.location?.trim();
  if (!location) return null;
  let text = location.toLocaleUpperCase("en");
  const match = dateline.date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateline.date) : null;
  if (match) text += `, ${MONTHS[Number(match[2]) - 1]} ${Number(match[3])}`;
  if (agency?.trim()) text += ` (${agency.trim()})`;
  return `${text} –`;
}
