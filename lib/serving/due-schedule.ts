import type { DueStory } from "@/lib/stories/publish-due";
import { storyChangeKeys } from "@/lib/cache/surrogate-keys";

export type Upcoming = { at: Date; story: DueStory };

export type DueSchedule = {
  /** Whether a scheduled story has come due by `now` (checked on every request: one comparison). */
  isDue: (now: number) => boolean;
  /** Expires what the due stories change, here at once, then publishes them; one run at a time. */
  comeDue: (now: number) => Promise<void>;
  /** Reads the schedule again soon (a change may have scheduled something), at most every 50 ms. */
  refresh: () => void;
  close: () => void;
};

/**
 * A front's view of the schedule: the next instants at which lists change, so that the first
 * request after a scheduled story's time publishes it (and an interval does when nobody asks).
 * `load` reads the upcoming stories (lib/stories/publish-due.ts nextDueStories), `publish` makes
 * the due ones live (publishDueStories, which tells every instance), `expire` drops pages here.
 */
export async function startDueSchedule(options: {
  load: () => Promise<Upcoming[]>;
  publish: (now: Date) => Promise<unknown>;
  expire: (keys: string[]) => void;
  log: (line: string) => void;
  intervalMs?: number;
  /** How soon a run that failed is tried again, rather than on every request. */
  retryMs?: number;
}): Promise<DueSchedule> {
  const retryMs = options.retryMs ?? 5_000;
  let upcoming: Upcoming[] = [];
  let nextDueAt = Number.POSITIVE_INFINITY;
  let refreshTimer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const load = async () => {
    upcoming = await options.load();
    nextDueAt = upcoming.length ? upcoming[0].at.getTime() : Number.POSITIVE_INFINITY;
  };
  await load();

  const comeDue = (now: number): Promise<void> => {
    running ??= (async () => {
      const due = upcoming.filter((entry) => entry.at.getTime() <= now).map((entry) => entry.story);
      if (due.length) options.expire(storyChangeKeys({ slugs: due.map((s) => s.slug), tagSlugs: due.flatMap((s) => s.tagSlugs) }));
      // Publishing announces what it changed (to every instance, this one too); nothing due, nothing sent.
      await options.publish(new Date(now));
      await load();
    })()
      .catch((error: Error) => {
        // The due stories' pages were expired above, and readers see a due story anyway
        // (lib/stories/live.ts); try again shortly rather than on every request.
        options.log(`could not publish due stories: ${error.message}`);
        nextDueAt = now + retryMs;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = options.intervalMs && options.intervalMs > 0 ? setInterval(() => void comeDue(Date.now()), options.intervalMs) : null;
  timer?.unref();

  return {
    isDue: (now) => now >= nextDueAt,
    comeDue,
    refresh: () => {
      refreshTimer ??= setTimeout(() => {
        refreshTimer = null;
        load().catch((error: Error) => options.log(`could not read the schedule: ${error.message}`));
      }, 50);
    },
    close: () => {
      if (timer) clearInterval(timer);
      if (refreshTimer) clearTimeout(refreshTimer);
    },
  };
}
