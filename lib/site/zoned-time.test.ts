import { describe, expect, it } from "vitest";
import { formatZonedTime, parseWallTime, utcToZonedWallTime, wallTimeText, zonedDayRange, zonedWallTimeToUtc } from "@/lib/site/zoned-time";

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
