import { describe, expect, it } from "vitest";
import { ACCOUNT_DELAY_AFTER, accountDelayMs, refusalMessage } from "@/lib/auth/sign-in-throttle";

describe("an account's delays after failures from many addresses", () => {
  it("start at 30 s, double with each checked failure and stop growing at 15 minutes", () => {
    expect(accountDelayMs(ACCOUNT_DELAY_AFTER - 1)).toBe(0);
    expect(accountDelayMs(ACCOUNT_DELAY_AFTER)).toBe(30_000);
    expect(accountDelayMs(ACCOUNT_DELAY_AFTER + 1)).toBe(60_000);
    expect(accountDelayMs(ACCOUNT_DELAY_AFTER + 4)).toBe(480_000);
    expect(accountDelayMs(ACCOUNT_DELAY_AFTER + 5)).toBe(900_000);
    expect(accountDelayMs(100_000)).toBe(900_000);
  });

  it("are said in seconds or minutes", () => {
    expect(refusalMessage({ reason: "account", retryAfterSeconds: 31 })).toContain("Try again in 31 seconds");
    expect(refusalMessage({ reason: "account", retryAfterSeconds: 600 })).toContain("Try again in 10 minutes");
  });
});
