import { env } from "@/lib/env";
import { formatZonedTime, parseWallTime, zoneAbbreviation, zonedDayRange, zonedFieldToUtc, zonedWallTimeToUtc } from "@/lib/site/zoned-time";

/** The newsroom's IANA time zone (`NEWSROOM_TIME_ZONE`): times are stored in UTC and shown in it. */
export function newsroomTimeZone(): string {
  return env().NEWSROOM_TIME_ZONE;
}

/** "27 Dec 2023, 14:30 IST" in the newsroom's time zone, which it always names. */
export function formatNewsroomTime(date: Date | string): string {
  return formatZonedTime(typeof date === "string" ? new Date(date) : date, newsroomTimeZone());
}

/** The zone's short name now ("BST" in a London summer), for labels such as "Publish at (BST)". */
export function newsroomZoneName(at: Date = new Date()): string {
  return zoneAbbreviation(at, newsroomTimeZone());
}

/** "2024-03-31T01:30" (a datetime-local value) read as a newsroom wall-clock time; null if not a time. */
export function newsroomWallTimeToUtc(text: string): Date | null {
  const wall = parseWallTime(text);
  return wall ? zonedWallTimeToUtc(wall, newsroomTimeZone()) : null;
}

/**
 * A date-and-time field of the newsroom's (components/admin/zoned-date-time-input: "27 Dec 2023
 * 14:05", "2023-12-27T14:05", "27/12/2023 2:05 pm") as the instant it names; null if it names none.
 */
export function newsroomFieldToUtc(text: string): Date | null {
  return zonedFieldToUtc(text, newsroomTimeZone());
}

/** Whole newsroom days, "2024-03-31" to "2024-04-02", as UTC instants (see `zonedDayRange`). */
export function newsroomDayRange(from: string | undefined, to: string | undefined): { start?: Date; end?: Date } {
  return zonedDayRange(from, to, newsroomTimeZone());
}
