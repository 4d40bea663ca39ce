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
