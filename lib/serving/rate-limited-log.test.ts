import { describe, expect, it } from "vitest";
import { rateLimitedLog } from "@/lib/serving/rate-limited-log";

describe("the rate-limited log", () => {
  it("prints a kind of line once per interval, then says how many it held back", () => {
    const lines: string[] = [];
    let clock = 0;
    const log = rateLimitedLog((line) => lines.push(line), 10_000, () => clock);
    for (let i = 0; i < 5000; i++) log("database", `database unreachable (${i})`);
    log("render", "render failed");
    expect(lines).toEqual(["database unreachable (0)", "render failed"]);
    clock = 10_000;
    log("database", "database unreachable again");
    expect(lines.slice(2)).toEqual(['(4999 more like "database" in the last 10 s)', "database unreachable again"]);
  });
});
