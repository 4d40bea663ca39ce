import { canonicalAgency } from "@/lib/wire/agencies";
import { monthNumber, monthPattern } from "@/lib/wire/months";
import { inferDateYear, isoDate, isValidDate } from "@/lib/wire/infer-year";
import { placeNameCase } from "@/lib/wire/place-name-case";
import { expandRegionAbbreviation, isRegionAbbreviation } from "@/lib/wire/region-abbreviations";

export type Dateline = {
  location: string;
  country: string | null;
  /** YYYY-MM-DD, or null when the dateline has no date (AP, AFP). */
  date: string | null;
  agency: string | null;
  /** What follows the dateline in the paragraph, trimmed (empty when the dateline stood alone). */
  rest: string;
  /** Where in the paragraph the dateline (with the space after it) ends. */
  end: number;
};

// A place: capitalised words, lower-case particles allowed between them ("Rio de Janeiro"),
// upper case or mixed, diacritics and "St." / "Port-au-Prince" included.
const PARTICLE = "(?:de|da|do|dos|das|del|della|di|du|des|la|le|les|los|las|el|al|of|on|upon|am|an|im|in|au|aux|sur|en|y|e|van|von|der|den|op|ter)";
const NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}'’.\\-]*";
const NAME = `${NAME_WORD}(?:[ \\u00a0]+(?:${PARTICLE}[ \\u00a0]+)*${NAME_WORD}){0,4}`;
// Two places sharing a dateline: "Ahmedabad/New Delhi", "DALLAS/FORT WORTH".
const PLACE = `${NAME}(?:[ \\u00a0]*\\/[ \\u00a0]*${NAME})?`;
const MONTH = `${monthPattern}(?![\\p{L}])\\.?`;
// Lookahead only: a second copy of DATE would repeat its group names.
const DATE_START = `(?:${MONTH}\\s*\\d|\\d)`;
const DATE = `(?:(?<month1>${MONTH})\\s*(?<day1>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<year1>\\d{4}))?|(?<day2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<month2>${MONTH})(?:,?\\s+(?<year2>\\d{4}))?)(?!\\d)`;

/**
 * City, then [Country] or ", Country", then a date, then "(Agency)", then a separator:
 * "Moscow [Russia], December 27 (ANI):", "New Delhi, Mar 3 (PTI)", "LONDON, March 3 (Reuters) -",
 * "NAIROBI, Kenya (AP) —", "Paris (AFP) -", "BRUSSELS, March 3 -", "PORTLAND, Ore., Sept. 26 -",
 * "Ahmedabad/New Delhi, Jan 22 (PTI)". The alternation at the end
 * makes the pattern itself insist on an agency or a separator, so the engine backtracks to the
 * split that has one ("WASHINGTON March 3 -" is WASHINGTON + March 3, not "WASHINGTON March").
 */
const DATELINE = new RegExp(
  `^(?<city>${PLACE})` +
    // ANI names the state in brackets before the country: "Srinagar (Jammu and Kashmir) [India]".
    `(?:\\s*\\((?<region>[^()\\n]{1,60})\\)(?=\\s*\\[))?` +
    `(?:\\s*\\[(?<bracketed>[^\\]\\n]{1,60})\\])?` +
    `(?:\\s*,\\s*(?!${DATE_START})(?<country>${NAME}))?` +
    `(?:\\s*,?\\s*(?<date>${DATE}))?` +
    `(?:\\s*\\((?<agency>[^()\\n]{1,40})\\)|(?=\\s*[-–—:]))` +
    `\\s*(?<separator>[-–—:]{1,3}(?=\\s|$|\\p{Lu}|["“‘'])|)\\s*`,
  "u",
);
const AGENCY_SEPARATOR = /[/,&]/;
const UNKNOWN_AGENCY = /^[A-Z]{2,8}$/;
const UPPER_CASE = /^[^\p{Ll}]+$/u;
const PLACE_SEPARATOR = /\s*\/\s*/;

/** Each place of the dateline in normal case: "DALLAS/FORT WORTH" → "Dallas/Fort Worth". */
function placeNames(city: string): string {
  return city.includes("/") ? city.split(PLACE_SEPARATOR).map(placeNameCase).join("/") : placeNameCase(city);
}

function datelineDate(groups: Record<string, string | undefined>, receivedAt: Date): string | null {
  const monthName = groups.month1 ?? groups.month2;
  const month = monthName ? monthNumber(monthName) : null;
  if (!month) return null;
  const day = Number(groups.day1 ?? groups.day2);
  const givenYear = groups.year1 ?? groups.year2;
  const year = givenYear ? Number(givenYear) : inferDateYear(month, day, receivedAt);
  return year !== null && isValidDate(year, month, day) ? isoDate(year, month, day) : null;
}

/**
 * Reads the dateline that opens a paragraph of agency copy. `strict` (for a line that is not the
 * first) accepts only a dateline signed by a known agency, or one with its city in capitals, a
 * date and a separator. A bare "(ANI)" or a date alone is not
 * enough: the dateline needs a known agency, or an agency-like code with a date or separator, or
 * a date followed by a separator ("BRUSSELS, March 3 - …").
 */
export function readDateline(paragraph: string, receivedAt: Date, options: { strict?: boolean } = {}): Dateline | null {
  const match = DATELINE.exec(paragraph);
  if (!match?.groups) return null;
  const groups = match.groups;
  const date = groups.date ? datelineDate(groups, receivedAt) : null;
  const separator = Boolean(groups.separator);
  let agency: string | null = null;
  if (groups.agency !== undefined) {
    // "(Reuters/AFP)": the first agency signs the dateline.
    agency = canonicalAgency(groups.agency) ?? canonicalAgency(groups.agency.split(AGENCY_SEPARATOR)[0]);
    const unknownCode = UNKNOWN_AGENCY.test(groups.agency) && (groups.date !== undefined || (separator && UPPER_CASE.test(groups.city)));
    if (!agency && !(unknownCode && !options.strict)) return null;
    agency ??= groups.agency;
  } else if (!separator || (options.strict && !UPPER_CASE.test(groups.city))) {
    // Below a headline line, an unsigned dateline counts in the form Reuters sends it, the city in
    // capitals with a date and a dash ("SALVADOR, Feb 26 -"): prose does not open so.
    return null;
  } else if (!groups.date && !(UPPER_CASE.test(groups.city) && groups.country && isRegionAbbreviation(groups.country.trim()))) {
    // Without a date, only AP's form: the city in capitals and a state's abbreviation ("SPRINGFIELD, Ill. --").
    return null;
  }
  const country = groups.bracketed ?? groups.country;
  return {
    location: placeNames(groups.city),
    country: country ? placeNameCase(expandRegionAbbreviation(country.trim())) : null,
    date,
    agency,
    rest: paragraph.slice(match[0].length).trim(),
    end: match[0].length,
  };
}
