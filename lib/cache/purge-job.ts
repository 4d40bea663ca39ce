import { z } from "zod";
import { cacheSettings } from "@/lib/cache/cache-settings";
import { purgers } from "@/lib/cache/purge-caches";

const purgeJobSchema = z.object({ keys: z.array(z.string().regex(/^[A-Za-z0-9._~-]+$/)).min(1), target: z.string().min(1) });

/**
 * One purge job (lib/outbox/reader-change.ts): the cache it names, as this instance is configured,
 * purged of its keys. A failure throws, and graphile-worker tries again later (backing off, up to
 * 25 times, about three days); a cache no longer configured is not purged.
 */
export async function purgeCacheTask(payload: unknown, log: (line: string) => void = () => {}): Promise<void> {
  const parsed = purgeJobSchema.safeParse(payload);
  if (!parsed.success) return log(`a purge job with an unreadable payload was dropped`);
  const { keys, target } = parsed.data;
  const purger = purgers(cacheSettings()).find((each) => each.target === target);
  if (!purger) return log(`a purge of ${target} was dropped: it is no longer configured`);
  await purger.purge(keys);
}
