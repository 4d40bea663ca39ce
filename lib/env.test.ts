import { describe, expect, it } from "vitest";
import { frontSettings } from "@/lib/env";

describe("frontSettings", () => {
  it("gives the defaults when nothing is set, or set to empty", () => {
    expect(frontSettings({})).toEqual({ cacheMb: 64, schedulerIntervalSeconds: 10, workers: null, trustProxy: false, runJobs: true });
    expect(frontSettings({ PAGE_CACHE_MB: "", WEB_CONCURRENCY: "", TRUST_PROXY: "" })).toEqual({ cacheMb: 64, schedulerIntervalSeconds: 10, workers: null, trustProxy: false, runJobs: true });
  });

  it("reads what is set", () => {
    expect(frontSettings({ PAGE_CACHE_MB: "64", SCHEDULER_INTERVAL_SECONDS: "0", WEB_CONCURRENCY: "3", TRUST_PROXY: "1", RUN_JOBS: "0" })).toEqual({
      cacheMb: 64,
      schedulerIntervalSeconds: 0,
      workers: 3,
      trustProxy: true,
      runJobs: false,
    });
  });

  it("refuses a typo with one line naming the variable, instead of turning the cache or the scheduler off", () => {
    expect(() => frontSettings({ PAGE_CACHE_MB: "lots" })).toThrow(/^Configuration error: PAGE_CACHE_MB: /);
    expect(() => frontSettings({ SCHEDULER_INTERVAL_SECONDS: "-5" })).toThrow(/SCHEDULER_INTERVAL_SECONDS/);
    expect(() => frontSettings({ WEB_CONCURRENCY: "2.5" })).toThrow(/WEB_CONCURRENCY/);
    expect(() => frontSettings({ TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY must be 1 or 0/);
    expect(() => frontSettings({ RUN_JOBS: "no" })).toThrow(/RUN_JOBS must be 1 or 0/);
  });
});
