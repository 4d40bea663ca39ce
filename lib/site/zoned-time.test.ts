import { describe, expect, it } from "vitest";
import {
  dayText, formatClockText, formatDayText, formatDayWithWeekday, formatZonedInstant, formatZonedTime, parseClockText, parseDayText, parseWallTime, parseWallTimeText,
  readZonedDateTime, utcToZonedWallTime, wallTimeText, zonedDayRange, zonedFieldToUtc, zonedWallTimeToUtc,
} from "@/lib/site/zoned-time";

const instant = (text: string, zone: string) => zonedWallTimeToUtc(parseWallTime(text)!, zone).toISOString();

describe("a publish-at time typed in the newsroom's zone", () => {
  it("is read in that zone, not the browser's or the server's", () => {
    expect(instant("2023-12-27T14:05", "Asia/Kolkata")).toBe("2023-12-27T08:35:00.000Z");
    expect(instant("2023-12-27T14:05", "America/New_York")).toBe("2023-12-27T19:05:00.000Z");
    expect(instant("2023-12-27T14:05", "UTC")).toBe("2023-12-27T14:05:00.000Z");
  });

  it("follows London's clocks either side of the spring change (GMT → BST)", () => {
    expect(instant("2024-03-31T00:59", "Europe/London")).toBe("2024-03-31T00:59:00.000Z");
    expect(instant("2024-03-31T02:00", "Europe/London")).toBe("2024-03-31T01:00:00.000Z");
    expect(instant("2024-07-01T09:00", "Europe/London")).toBe("2024-07-01T08:00:00.000Z");
  });

  it("moves a time the spring change skips forward by the hour skipped", () => {
    // 01:30 does not happen in London on 31 March 2024: the clocks go from 01:00 GMT to 02:00 BST.
    expect(instant("2024-03-31T01:30", "Europe/London")).toBe("2024-03-31T01:30:00.000Z");
    expect(formatZonedTime(new Date(instant("2024-03-31T01:30", "Europe/London")), "Europe/London")).toBe("31 Mar 2024, 02:30 BST");
  });

  it("takes the first of the two 01:30s of the autumn change (BST, then GMT)", () => {
    expect(instant("2024-10-27T01:30", "Europe/London")).toBe("2024-10-27T00:30:00.000Z");
    expect(instant("2024-10-27T02:00", "Europe/London")).toBe("2024-10-27T02:00:00.000Z");
  });

  it("round-trips with the value a datetime-local input shows", () => {
    const at = new Date("2024-10-27T01:30:00.000Z");
    expect(wallTimeText(utcToZonedWallTime(at, "Europe/London"))).toBe("2024-10-27T01:30");
    expect(wallTimeText(utcToZonedWallTime(at, "Asia/Kolkata"))).toBe("2024-10-27T07:00");
  });

  it("refuses what is not a real date and time", () => {
    for (const text of ["", "tomorrow", "2024-02-30T10:00", "2024-13-01", "2024-01-01T24:00", "2024-01-01T10:60"]) expect(parseWallTime(text), text).toBeNull();
    expect(parseWallTime("2024-02-29T23:59:30")).toEqual({ year: 2024, month: 2, day: 29, hour: 23, minute: 59 });
  });
});

describe("newsroom days as UTC ranges", () => {
  it("starts and ends each day at the newsroom's midnight", () => {
    const range = zonedDayRange("2023-12-27", "2023-12-27", "Asia/Kolkata");
    expect(range.start?.toISOString()).toBe("2023-12-26T18:30:00.000Z");
    expect(range.end?.toISOString()).toBe("2023-12-27T18:30:00.000Z");
  });

  it("makes the day the clocks go forward 23 hours long, and the day they go back 25", () => {
    const spring = zonedDayRange("2024-03-31", "2024-03-31", "Europe/London");
    expect(spring.end!.getTime() - spring.start!.getTime()).toBe(23 * 3_600_000);
    const autumn = zonedDayRange("2024-10-27", "2024-10-27", "Europe/London");
    expect(autumn.start?.toISOString()).toBe("2024-10-26T23:00:00.000Z");
    expect(autumn.end!.getTime() - autumn.start!.getTime()).toBe(25 * 3_600_000);
  });

  it("crosses month and year ends, and leaves an open end open", () => {
    expect(zonedDayRange(undefined, "2023-12-31", "UTC")).toEqual({ start: undefined, end: new Date("2024-01-01T00:00:00.000Z") });
    expect(zonedDayRange("2024-02-29", undefined, "UTC")).toEqual({ start: new Date("2024-02-29T00:00:00.000Z"), end: undefined });
  });
});

describe("times shown to the newsroom", () => {
  it("always name their zone", () => {
    const at = new Date("2023-12-27T08:35:00Z");
    expect(formatZonedTime(at, "Asia/Kolkata")).toBe("27 Dec 2023, 14:05 IST");
    expect(formatZonedTime(at, "Europe/London")).toBe("27 Dec 2023, 08:35 GMT");
    expect(formatZonedTime(new Date("2023-07-01T08:35:00Z"), "Europe/London")).toBe("1 Jul 2023, 09:35 BST");
    expect(formatZonedTime(at, "America/New_York")).toBe("27 Dec 2023, 03:35 EST");
    expect(formatZonedTime(at, "UTC")).toBe("27 Dec 2023, 08:35 UTC");
    expect(formatZonedTime(at, "Asia/Tokyo")).toBe("27 Dec 2023, 17:35 GMT+9");
  });
});

describe("days and times typed the newsroom's way", () => {
  it("reads a day however an editor is likely to type it, day first", () => {
    const day = { year: 2023, month: 12, day: 27 };
    for (const text of ["27 Dec 2023", "27 dec 2023", " 27  DEC  2023 ", "27 December 2023", "27th Dec 2023", "27-Dec-2023", "Wed 27 Dec 2023", "Dec 27, 2023", "2023-12-27", "27/12/2023", "27.12.2023", "27-12-2023"]) {
      expect(parseDayText(text), text).toEqual(day);
    }
    expect(parseDayText("1 Sept 2024")).toEqual({ year: 2024, month: 9, day: 1 });
    expect(parseDayText("03/04/2024"), "day first, never month first").toEqual({ year: 2024, month: 4, day: 3 });
  });

  it("refuses what is not a real day", () => {
    for (const text of ["", "tomorrow", "30 Feb 2024", "31/04/2024", "27 De 2023", "27 Foo 2023", "2023-13-01", "12/27/2023", "27 Dec", "Dec 2023"]) expect(parseDayText(text), text).toBeNull();
    expect(parseDayText("29 Feb 2024")).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it("reads a time on the 24-hour clock, or with am and pm", () => {
    const cases: [string, { hour: number; minute: number }][] = [
      ["14:05", { hour: 14, minute: 5 }], ["14.05", { hour: 14, minute: 5 }], ["1405", { hour: 14, minute: 5 }], ["14h05", { hour: 14, minute: 5 }],
      ["9", { hour: 9, minute: 0 }], ["905", { hour: 9, minute: 5 }], ["2:05 pm", { hour: 14, minute: 5 }], ["2pm", { hour: 14, minute: 0 }],
      ["2.05 p.m.", { hour: 14, minute: 5 }], ["12 am", { hour: 0, minute: 0 }], ["12:30 PM", { hour: 12, minute: 30 }], ["00:00", { hour: 0, minute: 0 }],
    ];
    for (const [text, clock] of cases) expect(parseClockText(text), text).toEqual(clock);
    for (const text of ["", "24:00", "14:60", "13 pm", "0 am", "noon", "14:5", "1:2:3"]) expect(parseClockText(text), text).toBeNull();
  });

  it("reads a day and a time together, as the field posts them", () => {
    const wall = { year: 2023, month: 12, day: 27, hour: 14, minute: 5 };
    for (const text of ["27 Dec 2023 14:05", "27 dec 2023, 2:05 pm", "2023-12-27T14:05", "2023-12-27 14:05", "27/12/2023 1405", "Wed 27 Dec 2023, 14:05"]) {
      expect(parseWallTimeText(text), text).toEqual(wall);
    }
    for (const text of ["27 Dec 2023", "14:05", "2023-12-27", "30 Feb 2024 10:00", "27 Dec 2023 25:00"]) expect(parseWallTimeText(text), text).toBeNull();
  });

  it("writes days and times as the newsroom reads them, and back again", () => {
    expect(formatDayText({ year: 2023, month: 12, day: 27 })).toBe("27 Dec 2023");
    expect(formatDayWithWeekday({ year: 2023, month: 12, day: 27 })).toBe("Wed 27 Dec 2023");
    expect(formatClockText({ hour: 9, minute: 5 })).toBe("09:05");
    expect(dayText({ year: 2024, month: 3, day: 1 })).toBe("2024-03-01");
    expect(parseDayText(formatDayText({ year: 2024, month: 3, day: 1 }))).toEqual({ year: 2024, month: 3, day: 1 });
    expect(formatZonedInstant(new Date("2023-12-27T08:35:00Z"), "Asia/Kolkata")).toBe("Wed 27 Dec 2023, 14:05 IST");
    expect(formatZonedInstant(new Date("2024-07-01T08:00:00Z"), "Europe/London")).toBe("Mon 1 Jul 2024, 09:00 BST");
  });
});

describe("a posted date-and-time field read in the newsroom's zone", () => {
  it("names the instant in that zone", () => {
    expect(zonedFieldToUtc("27 Dec 2023 14:05", "Asia/Kolkata")?.toISOString()).toBe("2023-12-27T08:35:00.000Z");
    expect(zonedFieldToUtc("27/12/2023 14:05", "America/New_York")?.toISOString()).toBe("2023-12-27T19:05:00.000Z");
    expect(zonedFieldToUtc("2024-07-01T09:00", "Europe/London")?.toISOString()).toBe("2024-07-01T08:00:00.000Z");
    expect(zonedFieldToUtc("next Tuesday", "UTC")).toBeNull();
  });

  it("moves a time the spring change skips forward by the gap, and says it was skipped", () => {
    const read = readZonedDateTime("31 Mar 2024 01:30", "Europe/London")!;
    expect(read.at.toISOString()).toBe("2024-03-31T01:30:00.000Z");
    expect(read.skipped).toBe(true);
    expect(formatZonedInstant(read.at, "Europe/London")).toBe("Sun 31 Mar 2024, 02:30 BST");
    expect(readZonedDateTime("31 Mar 2024 02:30", "Europe/London")!.skipped).toBe(false);
    // New York skips 02:00–03:00 on 10 March 2024.
    expect(zonedFieldToUtc("10 Mar 2024 2:30 am", "America/New_York")?.toISOString()).toBe("2024-03-10T07:30:00.000Z");
  });

  it("takes the first of the autumn change's two 01:30s", () => {
    const read = readZonedDateTime("27 Oct 2024 01:30", "Europe/London")!;
    expect(read.at.toISOString()).toBe("2024-10-27T00:30:00.000Z");
    expect(read.skipped).toBe(false);
    expect(formatZonedInstant(read.at, "Europe/London")).toBe("Sun 27 Oct 2024, 01:30 BST");
  });
});
