import { describe, expect, it } from "vitest";
import { inferDateYear, inferInstantYear, nextTimeOfDay, formatInstant } from "@/lib/wire/infer-year";

describe("inferDateYear", () => {
  it("takes this year for a date up to a day after receipt", () => {
    expect(inferDateYear(3, 3, new Date("2026-03-03T08:30:00Z"))).toBe(2026);
    expect(inferDateYear(3, 4, new Date("2026-03-03T08:30:00Z"))).toBe(2026);
  });

  it("takes last year for a date more than a day ahead of receipt", () => {
    expect(inferDateYear(3, 5, new Date("2026-03-03T08:30:00Z"))).toBe(2025);
  });

  it("dates a Dec 31 item received on Jan 1 in the year that just ended", () => {
    expect(inferDateYear(12, 31, new Date("2027-01-01T02:00:00Z"))).toBe(2026);
  });

  it("dates a Jan 1 item received late on Dec 31 in the coming year, but not one received on Dec 30", () => {
    expect(inferDateYear(1, 1, new Date("2026-12-31T23:00:00Z"))).toBe(2027);
    expect(inferDateYear(1, 1, new Date("2026-12-30T10:00:00Z"))).toBe(2026);
  });

  it("looks back to the last leap year for Feb 29", () => {
    expect(inferDateYear(2, 29, new Date("2026-03-03T00:00:00Z"))).toBe(2024);
  });
});

describe("inferInstantYear", () => {
  const at = (month: number, day: number, minute: number, offset: number, received: string) => {
    const instant = inferInstantYear(month, day, minute, offset, new Date(received));
    return instant === null ? null : formatInstant(instant);
  };

  it("reads 00:01 IST on March 10, received March 9, as the evening of March 9 UTC", () => {
    expect(at(3, 10, 1, 330, "2026-03-09T12:00:00Z")).toBe("2026-03-09T18:31:00Z");
  });

  it("keeps a just-lifted embargo in its year, within a day", () => {
    expect(at(3, 10, 1, 330, "2026-03-10T06:00:00Z")).toBe("2026-03-09T18:31:00Z");
  });

  it("moves a January embargo received in late December into the next year", () => {
    expect(at(1, 2, 600, 0, "2026-12-30T12:00:00Z")).toBe("2027-01-02T10:00:00Z");
  });
});

describe("nextTimeOfDay", () => {
  it("takes the same day's time when it is still ahead, else the next day's", () => {
    expect(formatInstant(nextTimeOfDay(360, -300, new Date("2026-03-09T09:00:00Z")))).toBe("2026-03-09T11:00:00Z");
    expect(formatInstant(nextTimeOfDay(360, -300, new Date("2026-03-09T12:00:00Z")))).toBe("2026-03-10T11:00:00Z");
  });
});
