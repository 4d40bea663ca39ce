import { monthNumber, monthPattern } from "@/lib/wire/months";
import { zoneOffsetMinutes, zonePattern } from "@/lib/wire/time-zones";
import { formatInstant, inferInstantYear, isValidDate, nextTimeOfDay, zonedInstant } from "@/lib/wire/infer-year";

// A line that holds copy back: "EMBARGOED UNTIL 00:01 IST, March 10", "EMBARGO: 0001 GMT March 10",
// "Embargoed until 10:00 CET on 10 March 2026", "HOLD FOR RELEASE UNTIL 6 AM EST".
// "Embargo" and "hold" always make an embargo line; the weaker "for release …" only with a time or date.
const EMBARGO_LINE = /^[\s*#>[(\-–—]*(?:strictly\s+)?(?:(embargo(?:ed)?|under\s+embargo|hold\s+for\s+release)|not\s+for\s+(?:publication|release|broadcast|use)|for\s+(?:release|publication))\b/i;
const MAX_LINE = 200;

const ISO_INSTANT = /\b(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?/i;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const MONTH_DAY = new RegExp(`\\b(${monthPattern})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, "i");
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${monthPattern})\\b\\.?(?:,?\\s+(\\d{4})\\b)?`, "i");
const TIME_12H = /\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?/i;
const TIME_24H = /\b([01]?\d|2[0-3])[:.h]([0-5]\d)(?!\d)/i;
const TIME_4_DIGITS = /\b([01]\d|2[0-3])([0-5]\d)(?!\d)/;
const MIDNIGHT = /\bmidnight\b/i;
const NOON = /\b(?:noon|midday)\b/i;
const OFFSET = /(?:\b(?:GMT|UTC)\s*([+\-−])\s*(\d{1,2})(?::?([0-5]\d))?|(?<![\w:])([+\-−])(\d{2}):?([0-5]\d)\b)/;
const ZONE = new RegExp(`\\b(${zonePattern})\\b|(?<=\\d)Z\\b`);

type Found<T> = { value: T; rest: string };

function cut(text: string, match: RegExpExecArray): string {
  return `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}`;
}

function findDate(text: string): Found<{ year: number | null; month: number; day: number }> | null {
  const iso = ISO_DATE.exec(text);
  if (iso) return { value: { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }, rest: cut(text, iso) };
  const monthDay = MONTH_DAY.exec(text);
  if (monthDay) return { value: { year: monthDay[3] ? Number(monthDay[3]) : null, month: monthNumber(monthDay[1]) ?? 0, day: Number(monthDay[2]) }, rest: cut(text, monthDay) };
  const dayMonth = DAY_MONTH.exec(text);
  if (dayMonth) return { value: { year: dayMonth[3] ? Number(dayMonth[3]) : null, month: monthNumber(dayMonth[2]) ?? 0, day: Number(dayMonth[1]) }, rest: cut(text, dayMonth) };
  return null;
}

/** Minutes after midnight: "6 AM", "6.30pm", "00:01", "0001 GMT", "midnight". */
function findTime(text: string): Found<number> | null {
  const twelve = TIME_12H.exec(text);
  if (twelve) {
    const hour = Number(twelve[1]);
    const minute = twelve[2] ? Number(twelve[2]) : 0;
    if (hour < 1 || hour > 12 || minute > 59) return null;
    const pm = twelve[3].toLowerCase() === "p";
    return { value: ((hour % 12) + (pm ? 12 : 0)) * 60 + minute, rest: cut(text, twelve) };
  }
  const clock = TIME_24H.exec(text) ?? TIME_4_DIGITS.exec(text);
  if (clock) return { value: Number(clock[1]) * 60 + Number(clock[2]), rest: cut(text, clock) };
  if (MIDNIGHT.test(text)) return { value: 0, rest: text };
  if (NOON.test(text)) return { value: 720, rest: text };
  return null;
}

/** Minutes east of UTC; a time with no zone is read as UTC. */
function findOffset(text: string): number {
  const offset = OFFSET.exec(text);
  if (offset) {
    const sign = (offset[1] ?? offset[4]) === "+" ? 1 : -1;
    return sign * (Number(offset[2] ?? offset[5]) * 60 + Number(offset[3] ?? offset[6] ?? 0));
  }
  const zone = ZONE.exec(text);
  return zone ? (zoneOffsetMinutes(zone[1] ?? "Z") ?? 0) : 0;
}

const ISO_DESIGNATOR = /^(?:z|[+-]\d{2}:?(\d{2})?)$/i;

/** Minutes east of UTC for "Z", "+05:30", "-0500" or a zone abbreviation after an ISO time. */
function designatorOffset(designator: string | undefined): number {
  if (!designator) return 0;
  if (!ISO_DESIGNATOR.test(designator)) return zoneOffsetMinutes(designator) ?? 0;
  if (designator.toUpperCase() === "Z") return 0;
  const digits = designator.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
  return designator[0] === "-" ? -minutes : minutes;
}

/**
 * Reads an embargo line. Returns undefined when the line is not one; otherwise the instant it
 * names in ISO 8601 UTC, or null when the line says "embargoed" but gives no time we can read.
 */
export function readEmbargoLine(line: string, receivedAt: Date): string | null | undefined {
  if (line.length > MAX_LINE) return undefined;
  const keyword = EMBARGO_LINE.exec(line);
  if (!keyword) return undefined;
  const text = line.slice(keyword[0].length);
  const unreadable = keyword[1] ? null : undefined;

  const iso = ISO_INSTANT.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!isValidDate(year, month, day)) return unreadable;
    const offset = designatorOffset(iso[7] ?? ZONE.exec(text.slice(iso.index + iso[0].length))?.[1]);
    const minute = Number(iso[4]) * 60 + Number(iso[5]);
    return formatInstant(zonedInstant(year, month, day, minute, offset) + Number(iso[6] ?? 0) * 1000);
  }

  const date = findDate(text);
  const time = findTime(date ? date.rest : text);
  if (!date && !time) return unreadable;
  const offset = findOffset(time ? time.rest : (date?.rest ?? text));
  const minute = time?.value ?? 0;
  if (!date) return formatInstant(nextTimeOfDay(minute, offset, receivedAt));
  const { year, month, day } = date.value;
  if (year !== null) return isValidDate(year, month, day) ? formatInstant(zonedInstant(year, month, day, minute, offset)) : unreadable;
  const instant = inferInstantYear(month, day, minute, offset, receivedAt);
  return instant === null ? unreadable : formatInstant(instant);
}
