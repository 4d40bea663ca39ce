// Wall-clock time in a named time zone ↔ UTC instants, with nothing but Intl: pure functions
// that the server (with the newsroom's zone) and the editor's browser (handed the zone) share.

/** A time as a clock on the wall shows it: month 1–12. */
export type WallTime = { year: number; month: number; day: number; hour: number; minute: number };

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = make()));
  return found;
}

function numericParts(instant: number, timeZone: string) {
  const parts = formatter(`parts ${timeZone}`, () =>
    new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    }),
  ).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** The zone's offset from UTC at an instant, in milliseconds (+05:30 → 19,800,000). */
function offsetAt(instant: number, timeZone: string): number {
  const wall = numericParts(instant, timeZone);
  const wholeSeconds = Math.floor(instant / 1000) * 1000;
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - wholeSeconds;
}

/**
 * The instant a wall-clock time names in a zone. Around a daylight-saving change it does what
 * Temporal's "compatible" choice does: a time skipped by the spring change (01:30 in London on
 * the last Sunday of March) moves forward by the gap (02:30 BST); a time that happens twice in
 * autumn is the first of the two.
 */
export function zonedWallTimeToUtc(wall: WallTime, timeZone: string): Date {
  const asIfUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // The offsets in force a day either side: every zone changes at most once within two days.
  const before = offsetAt(asIfUtc - DAY_MS, timeZone);
  const after = offsetAt(asIfUtc + DAY_MS, timeZone);
  const valid = [...new Set([before, after])]
    .map((offset) => asIfUtc - offset)
    .filter((instant) => offsetAt(instant, timeZone) === asIfUtc - instant)
    .sort((a, b) => a - b);
  return new Date(valid[0] ?? asIfUtc - before);
}

/** An instant as a wall-clock time in a zone. */
export function utcToZonedWallTime(date: Date, timeZone: string): WallTime {
  const { year, month, day, hour, minute } = numericParts(date.getTime(), timeZone);
  return { year, month, day, hour, minute };
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** "2024-03-31T01:30", the value a datetime-local input holds. */
export function wallTimeText(wall: WallTime): string {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

const wallTimePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * Reads "2024-03-31" (midnight) or "2024-03-31T01:30" (a datetime-local input's value; seconds
 * are allowed and dropped). Null when it is not a real date and time.
 */
export function parseWallTime(text: string): WallTime | null {
  const match = wallTimePattern.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map((part) => (part === undefined ? 0 : Number(part)));
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute));
  const real = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day && hour < 24 && minute < 60;
  return real ? { year, month, day, hour, minute } : null;
}

/** The wall time's date moved by whole days (across month and year ends), at midnight. */
function addDays(wall: WallTime, days: number): WallTime {
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 0, minute: 0 };
}

/**
 * Whole days "2024-03-31" to "2024-04-02" in a zone as UTC instants: from the first day's start up
 * to (not including) the start of the day after the last. A day is 23 or 25 hours long when the
 * clocks change, and starts at whatever instant its midnight falls on. Unreadable dates are left out.
 */
export function zonedDayRange(from: string | undefined, to: string | undefined, timeZone: string): { start?: Date; end?: Date } {
  const first = from ? parseWallTime(from) : null;
  const last = to ? parseWallTime(to) : null;
  return {
    start: first ? zonedWallTimeToUtc({ ...first, hour: 0, minute: 0 }, timeZone) : undefined,
    end: last ? zonedWallTimeToUtc(addDays(last, 1), timeZone) : undefined,
  };
}

// English locales that name different zones by their letters: en-GB has BST and CET, en-US has
// EST, en-IN has IST, en-AU has AEST. Elsewhere an offset ("GMT+9") is the clearest name.
const zoneNameLocales = ["en-GB", "en-US", "en-IN", "en-AU"];

/** The zone's short name at that instant: "IST", "BST" in summer and "GMT" in winter, "GMT+9". */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  let offsetName: string | undefined;
  for (const locale of zoneNameLocales) {
    const name = formatter(`name ${locale} ${timeZone}`, () => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }))
      .formatToParts(date)
      .find((part) => part.type === "timeZoneName")?.value;
    if (!name) continue;
    if (!/^GMT[+\-−]/.test(name)) return name;
    offsetName ??= name;
  }
  return offsetName ?? timeZone;
}

/** "27 Dec 2023, 14:05 IST": how the newsroom reads a time, always naming its zone. */
export function formatZonedTime(date: Date, timeZone: string): string {
  const text = formatter(`display ${timeZone}`, () => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone })).format(date);
  return `${text} ${zoneAbbreviation(date, timeZone)}`;
}

/* -------------------------------------------------------------------------- */
/*  The newsroom's way of writing days and times, read leniently              */
/* -------------------------------------------------------------------------- */

/** A day on the calendar, month 1–12. */
export type CalendarDay = { year: number; month: number; day: number };
/** A time on a 24-hour clock. */
export type ClockTime = { hour: number; minute: number };

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

function realDay(year: number, month: number, day: number): CalendarDay | null {
  const check = new Date(Date.UTC(year, month - 1, day));
  check.setUTCFullYear(year); // Date.UTC reads years 0–99 as 1900–1999
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? { year, month, day } : null;
}

/** "dec", "Dec.", "December", "sept" → 12, 12, 12, 9: three letters or more of a month's name. */
function monthNamed(word: string): number | null {
  const name = word.replace(/\.$/, "").toLowerCase();
  if (name.length < 3) return null;
  const index = MONTHS.findIndex((month) => month.toLowerCase().startsWith(name));
  return index === -1 ? null : index + 1;
}

const isoDay = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// Day first, as the newsroom writes it: 27/12/2023, 27.12.2023, 27-12-2023.
const numericDay = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const dayMonthYear = /^(\d{1,2})(?:st|nd|rd|th)?[\s./-]*([a-z]+\.?)[\s.,/-]*(\d{4})$/i;
const monthDayYear = /^([a-z]+\.?)\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const leadingWeekday = /^([a-z]+)\.?,?\s+/i;

/**
 * A day as an editor types it: "27 Dec 2023", "27 dec 2023", "27 December 2023", "Wed 27 Dec
 * 2023", "Dec 27, 2023", "2023-12-27" or "27/12/2023" (day first, always: the newsroom's order).
 * Null when it is not a real day.
 */
export function parseDayText(text: string): CalendarDay | null {
  let value = text.trim().replace(/\s+/g, " ");
  const weekday = leadingWeekday.exec(value);
  if (weekday && WEEKDAYS.some((name) => weekday[1].length >= 3 && name.toLowerCase().startsWith(weekday[1].toLowerCase()))) {
    value = value.slice(weekday[0].length);
  }
  let match = isoDay.exec(value);
  if (match) return realDay(Number(match[1]), Number(match[2]), Number(match[3]));
  match = numericDay.exec(value);
  if (match) return realDay(Number(match[3]), Number(match[2]), Number(match[1]));
  match = dayMonthYear.exec(value);
  if (match) {
    const month = monthNamed(match[2]);
    return month ? realDay(Number(match[3]), month, Number(match[1])) : null;
  }
  match = monthDayYear.exec(value);
  if (match) {
    const month = monthNamed(match[1]);
    return month ? realDay(Number(match[3]), month, Number(match[2])) : null;
  }
  return null;
}

const clockPattern = /^(\d{1,2})(?:[:.h]?(\d{2}))?(?:\s*([ap])\.?m?\.?)?$/i;

/**
 * A time as an editor types it: "14:05", "14.05", "1405", "14h05", "9" (09:00), "2:05 pm",
 * "2pm", "12 am" (00:00). Null when it is not a time of day.
 */
export function parseClockText(text: string): ClockTime | null {
  const match = clockPattern.exec(text.trim().replace(/\s+/g, " "));
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const half = match[3]?.toLowerCase();
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === "p" ? 12 : 0);
  }
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

/**
 * A day and a time in one text: "27 Dec 2023 14:05", "27 dec 2023, 2:05 pm",
 * "2023-12-27T14:05" (a datetime-local value), "27/12/2023 14:05". Null unless both are there.
 */
export function parseWallTimeText(text: string): WallTime | null {
  const value = text.trim().replace(/\s+/g, " ");
  const strict = parseWallTime(value);
  if (strict && /[T ]\d/.test(value.slice(8))) return strict;
  // Try each place the text could split into a day and a time, the time being at the end.
  for (let index = value.length - 1; index > 0; index--) {
    if (!/[\sT,]/.test(value[index])) continue;
    const day = parseDayText(value.slice(0, index).replace(/[\s,]+$/, ""));
    const clock = parseClockText(value.slice(index + 1));
    if (day && clock) return { ...day, ...clock };
  }
  return null;
}

/** "27 Dec 2023": how the newsroom writes a day. */
export function formatDayText(day: CalendarDay): string {
  return `${day.day} ${MONTHS[day.month - 1].slice(0, 3)} ${pad(day.year, 4)}`;
}

/** "Wed 27 Dec 2023": a day with its weekday, to check at a glance that it is the one meant. */
export function formatDayWithWeekday(day: CalendarDay): string {
  const weekday = WEEKDAYS[new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay()].slice(0, 3);
  return `${weekday} ${formatDayText(day)}`;
}

/** "14:05": 24-hour, as the newsroom writes times. */
export function formatClockText(clock: ClockTime): string {
  return `${pad(clock.hour)}:${pad(clock.minute)}`;
}

/** "2023-12-27": a calendar day as forms and the API exchange it. */
export function dayText(day: CalendarDay): string {
  return `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}`;
}

/**
 * "Wed 27 Dec 2023, 14:05 IST": an instant in a zone with its weekday, built from parts (not from
 * a locale's pattern) so that the server and every browser write it alike.
 */
export function formatZonedInstant(date: Date, timeZone: string): string {
  const wall = utcToZonedWallTime(date, timeZone);
  return `${formatDayWithWeekday(wall)}, ${formatClockText(wall)} ${zoneAbbreviation(date, timeZone)}`;
}

/**
 * What a date-and-time field typed in the newsroom's zone means: the instant, and whether the
 * clocks skipped the time typed (it is then the time the gap moves it to, see zonedWallTimeToUtc).
 */
export function readZonedDateTime(text: string, timeZone: string): { at: Date; wall: WallTime; skipped: boolean } | null {
  const wall = parseWallTimeText(text);
  if (!wall) return null;
  const at = zonedWallTimeToUtc(wall, timeZone);
  const shown = utcToZonedWallTime(at, timeZone);
  return { at, wall, skipped: shown.hour !== wall.hour || shown.minute !== wall.minute || shown.day !== wall.day };
}

/**
 * The server's one reading of a posted date-and-time field (components/admin/zoned-date-time-input):
 * the instant it names in the zone, or null when it is not a day and a time.
 */
export function zonedFieldToUtc(text: string, timeZone: string): Date | null {
  return readZonedDateTime(text, timeZone)?.at ?? null;
}
