import { env } from "@/lib/env";

let formatter: Intl.DateTimeFormat | undefined;

/** "27 Dec 2023, 14:30" in the newsroom's time zone (times are stored in UTC). */
export function formatNewsroomTime(date: Date | string): string {
  formatter ??= new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: env().NEWSROOM_TIME_ZONE });
  return formatter.format(typeof date === "string" ? new Date(date) : date);
}
