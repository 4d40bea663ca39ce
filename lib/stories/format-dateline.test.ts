import { describe, expect, it } from "vitest";
import { formatDateline } from "@/lib/stories/format-dateline";

describe("formatDateline", () => {
  it("writes the ANI seed dateline in wire style", () => {
    expect(formatDateline({ location: "Moscow", country: "Russia", date: "2023-12-27" }, "ANI")).toBe("MOSCOW, Dec 27 (ANI) –");
  });

  it("writes short months in full and long ones abbreviated, Reuters style", () => {
    expect(formatDateline({ location: "London", date: "2026-03-03" }, "Reuters")).toBe("LONDON, March 3 (Reuters) –");
    expect(formatDateline({ location: "New Delhi", date: "2026-09-01" }, "PTI")).toBe("NEW DELHI, Sept 1 (PTI) –");
  });

  it("leaves out the date when the dateline has none (AP, AFP)", () => {
    expect(formatDateline({ location: "Nairobi", country: "Kenya", date: null }, "AP")).toBe("NAIROBI (AP) –");
  });

  it("keeps diacritics when upper-casing", () => {
    expect(formatDateline({ location: "São Paulo", date: "2026-01-05" }, "Reuters")).toBe("SÃO PAULO, Jan 5 (Reuters) –");
  });

  it("leaves out the agency for staff copy and gives nothing without a location", () => {
    expect(formatDateline({ location: "Paris", date: "2026-03-04" }, null)).toBe("PARIS, March 4 –");
    expect(formatDateline({ location: null, date: "2026-03-04" }, "AFP")).toBeNull();
  });

  it("does not shift the date by time zone", () => {
    expect(formatDateline({ location: "Auckland", date: "2026-01-01" }, "AFP")).toBe("AUCKLAND, Jan 1 (AFP) –");
  });
});
