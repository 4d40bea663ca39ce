import { describe, expect, it } from "vitest";
import { readEmbargoLine } from "@/lib/wire/read-embargo";

const receivedAt = new Date("2026-03-09T04:00:00Z");

describe("readEmbargoLine", () => {
  it.each([
    ["EMBARGOED UNTIL 00:01 IST, March 10", "2026-03-09T18:31:00Z"],
    ["EMBARGO: 0001 GMT March 10", "2026-03-10T00:01:00Z"],
    ["Embargoed until 10:00 CET on 10 March 2026", "2026-03-10T09:00:00Z"],
    ["Embargoed until 10:00 CEST on 10 March 2026", "2026-03-10T08:00:00Z"],
    ["EMBARGOED UNTIL 09:00 BST March 10", "2026-03-10T08:00:00Z"],
    ["EMBARGOED UNTIL 09:00 UTC March 10", "2026-03-10T09:00:00Z"],
    ["Embargoed until 09:00Z March 10", "2026-03-10T09:00:00Z"],
    ["EMBARGOED UNTIL 09:00 EET March 10", "2026-03-10T07:00:00Z"],
    ["EMBARGOED UNTIL 09:00 EEST March 10", "2026-03-10T06:00:00Z"],
    ["EMBARGOED UNTIL 09:00 EDT March 10", "2026-03-10T13:00:00Z"],
    ["EMBARGOED UNTIL 09:00 CST March 10", "2026-03-10T15:00:00Z"],
    ["EMBARGOED UNTIL 09:00 CDT March 10", "2026-03-10T14:00:00Z"],
    ["EMBARGOED UNTIL 09:00 MST March 10", "2026-03-10T16:00:00Z"],
    ["EMBARGOED UNTIL 09:00 MDT March 10", "2026-03-10T15:00:00Z"],
    ["EMBARGOED UNTIL 09:00 PST March 10", "2026-03-10T17:00:00Z"],
    ["EMBARGOED UNTIL 09:00 PDT March 10", "2026-03-10T16:00:00Z"],
    ["EMBARGOED UNTIL 09:00 JST March 10", "2026-03-10T00:00:00Z"],
    ["EMBARGOED UNTIL 09:00 SGT March 10", "2026-03-10T01:00:00Z"],
    ["EMBARGOED UNTIL 09:00 HKT March 10", "2026-03-10T01:00:00Z"],
    ["EMBARGOED UNTIL 09:00 AEST March 10", "2026-03-09T23:00:00Z"],
    ["EMBARGOED UNTIL 09:00 AEDT March 10", "2026-03-09T22:00:00Z"],
    ["EMBARGOED UNTIL 09:00 PKT March 10", "2026-03-10T04:00:00Z"],
    ["EMBARGOED UNTIL 09:00 NPT March 10", "2026-03-10T03:15:00Z"],
    ["EMBARGOED UNTIL 09:00 +05:30 March 10", "2026-03-10T03:30:00Z"],
    ["EMBARGOED UNTIL 09:00 GMT-5 March 10", "2026-03-10T14:00:00Z"],
    ["HOLD FOR RELEASE UNTIL 6 AM EST", "2026-03-09T11:00:00Z"],
    ["EMBARGOED UNTIL 6.30pm IST March 10", "2026-03-10T13:00:00Z"],
    ["Embargoed until 2026-03-10T00:01:00+05:30", "2026-03-09T18:31:00Z"],
    ["*** EMBARGOED UNTIL MIDNIGHT GMT MARCH 11 ***", "2026-03-11T00:00:00Z"],
    ["Not for publication before 10 AM GMT on March 10", "2026-03-10T10:00:00Z"],
  ])("reads %s as %s", (line, instant) => {
    expect(readEmbargoLine(line, receivedAt)).toBe(instant);
  });

  it("takes a time alone as its next occurrence at or after receipt", () => {
    expect(readEmbargoLine("HOLD FOR RELEASE UNTIL 6 AM EST", new Date("2026-03-09T12:00:00Z"))).toBe("2026-03-10T11:00:00Z");
  });

  it("says an embargo line it cannot read has no instant (null), and a line that is not one is undefined", () => {
    expect(readEmbargoLine("EMBARGOED", receivedAt)).toBeNull();
    expect(readEmbargoLine("The embargo on oil exports was lifted on Monday.", receivedAt)).toBeUndefined();
    expect(readEmbargoLine("For publication, the council said, the rules are clear.", receivedAt)).toBeUndefined();
  });
});
