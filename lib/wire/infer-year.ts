const DAY_MS = 86_400_000;

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const WHOLE_SECONDS = /\.000Z$/;

/** An instant as ISO 8601 UTC, without milliseconds when there are none ("2026-03-09T18:31:00Z"). */
export function formatInstant(ms: number): string {
  return new Date(ms).toISOString().replace(WHOLE_SECONDS, "Z");
}

/**
 * The year of a dateline that gives none: the latest year in which that day is not after the day
 * of receivedAt plus one day. The extra day covers copy filed east of UTC, where it is already
 * tomorrow; so a Dec 31 item received on Jan 1 is last year's, and a Jan 1 item received late on
 * Dec 31 is next year's. Feb 29 looks back to the last leap year.
 */
export function inferDateYear(month: number, day: number, receivedAt: Date): number | null {
  const limit = new Date(receivedAt.getTime() + DAY_MS);
  const limitYear = limit.getUTCFullYear();
  const limitKey = (limit.getUTCMonth() + 1) * 100 + limit.getUTCDate();
  for (let year = limitYear; year >= limitYear - 8; year--) {
    if (!isValidDate(year, month, day)) continue;
    if (year < limitYear || month * 100 + day <= limitKey) return year;
  }
  return null;
}

/** The instant of a wall-clock time in a zone `offsetMinutes` east of UTC. */
export function zonedInstant(year: number, month: number, day: number, minuteOfDay: number, offsetMinutes: number): number {
  return Date.UTC(year, month - 1, day, 0, minuteOfDay) - offsetMinutes * 60_000;
}

/**
 * The instant of an embargo that names a day but no year: the first such instant not before
 * receivedAt minus one day (copy is sent ahead of its embargo, so the date is this year's or the
 * next; the day's grace keeps a just-lifted embargo in the year it was meant for).
 */
export function inferInstantYear(month: number, day: number, minuteOfDay: number, offsetMinutes: number, receivedAt: Date): number | null {
  const bound = receivedAt.getTime() - DAY_MS;
  const start = new Date(bound).getUTCFullYear() - 1;
  for (let year = start; year <= start + 9; year++) {
    if (!isValidDate(year, month, day)) continue;
    const instant = zonedInstant(year, month, day, minuteOfDay, offsetMinutes);
    if (instant >= bound) return instant;
  }
  return null;
}

/**
 * The instant of an embargo that gives only a time ("HOLD FOR RELEASE UNTIL 6 AM EST"): the next
 * time the clock in that zone shows it, at or after receivedAt. Choosing a past instant would let
 * the story out early, and an embargo broken costs more than one held a little long.
 */
export function nextTimeOfDay(minuteOfDay: number, offsetMinutes: number, receivedAt: Date): number {
  const received = receivedAt.getTime();
  const local = new Date(received + offsetMinutes * 60_000);
  let instant = zonedInstant(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate(), minuteOfDay, offsetMinutes);
  while (instant < received) instant += DAY_MS;
  return instant;
}
