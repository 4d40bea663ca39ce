import { afterEach, describe, expect, it, vi } from "vitest";
import { startDueSchedule, type Upcoming } from "@/lib/serving/due-schedule";

const at = (ms: number, slug: string, tagSlugs: string[] = []): Upcoming => ({ at: new Date(ms), story: { id: slug, slug, tagSlugs } });

afterEach(() => vi.useRealTimers());

describe("a front's schedule", () => {
  it("is due at the first story's instant; then expires what it changes, publishes, and reads the schedule again", async () => {
    let upcoming = [at(1000, "a", ["india"]), at(5000, "b")];
    const expired: string[][] = [];
    const published: number[] = [];
    const schedule = await startDueSchedule({
      load: async () => upcoming,
      publish: async (now) => {
        published.push(now.getTime());
        upcoming = upcoming.filter((entry) => entry.at.getTime() > now.getTime());
      },
      expire: (keys) => expired.push(keys),
      log: () => {},
    });
    expect(schedule.isDue(999)).toBe(false);
    expect(schedule.isDue(1000)).toBe(true);
    await schedule.comeDue(1000);
    expect(expired).toEqual([["story-a", "tag-india", "home", "feed", "sitemap", "search"]]);
    expect(published).toEqual([1000]);
    expect(schedule.isDue(4999)).toBe(false);
    expect(schedule.isDue(5000)).toBe(true);
    schedule.close();
  });

  it("runs once however many requests arrive together, and after a failure waits before trying again", async () => {
    let calls = 0;
    let fail = true;
    const log: string[] = [];
    const schedule = await startDueSchedule({
      load: async () => [at(1000, "a")],
      publish: async () => {
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (fail) throw new Error("database gone");
      },
      expire: () => {},
      log: (line) => log.push(line),
      retryMs: 5000,
    });
    await Promise.all([schedule.comeDue(1000), schedule.comeDue(1000), schedule.comeDue(1001)]);
    expect(calls).toBe(1);
    expect(log).toEqual(["could not publish due stories: database gone"]);
    // Not on every request: five seconds later.
    expect(schedule.isDue(1001)).toBe(false);
    expect(schedule.isDue(6000)).toBe(true);
    fail = false;
    await schedule.comeDue(6000);
    expect(calls).toBe(2);
    schedule.close();
  });

  it("reads the schedule again at most once per 50 ms however many changes are heard", async () => {
    vi.useFakeTimers();
    let loads = 0;
    const schedule = await startDueSchedule({ load: async () => (loads++, []), publish: async () => {}, expire: () => {}, log: () => {} });
    for (let i = 0; i < 100; i++) schedule.refresh();
    await vi.advanceTimersByTimeAsync(60);
    expect(loads).toBe(2);
    expect(schedule.isDue(Number.MAX_SAFE_INTEGER)).toBe(false);
    schedule.close();
  });
});
