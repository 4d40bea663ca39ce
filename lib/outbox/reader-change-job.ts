import "server-only";
import type { JobHelpers } from "graphile-worker";
import { z } from "zod";
import { cacheSettings } from "@/lib/cache/cache-settings";
import { purgers } from "@/lib/cache/purge-caches";
import { waitForReplicas } from "@/lib/cache/purge-job";
import { pingHub } from "@/lib/feeds/websub";
import { DELIVER_WEBHOOK, PING_HUB, PURGE_CACHE } from "@/lib/jobs/job-names";
import { DELIVERY_ATTEMPTS, deliveryJobKey } from "@/lib/webhooks/record-story-event";

const jobSchema = z.object({
  keys: z.array(z.string().regex(/^[A-Za-z0-9._~-]+$/)),
  hub: z.string().nullable(),
  feeds: z.array(z.string()),
  deliveries: z.array(z.string().uuid()),
});

/**
 * What follows a committed change (lib/outbox/reader-change.ts), in order: the read replicas have
 * replayed it (a cache purged sooner fills again from one with the old copy); every shared cache
 * is purged; then the WebSub hub is pinged and the webhook deliveries are queued, so that a
 * subscriber who fetches the page at once gets the new one. A cache or hub that fails does not
 * hold up the rest: it gets a job of its own, tried again with backoff. Only waiting for the
 * replicas fails the whole job (tried again later: everything after it is safe to repeat).
 */
export async function readerChangeTask(payload: unknown, helpers: Pick<JobHelpers, "addJob">, log: (line: string) => void = () => {}): Promise<void> {
  const parsed = jobSchema.safeParse(payload);
  if (!parsed.success) return log("a reader_change job with an unreadable payload was dropped");
  const { keys, hub, feeds, deliveries } = parsed.data;
  const caches = keys.length ? purgers(cacheSettings()) : [];
  if (caches.length || feeds.length || deliveries.length) await waitForReplicas();
  await Promise.all(
    caches.map(async (purger) => {
      try {
        await purger.purge(keys);
      } catch (error) {
        log(`${(error as Error).message}; its purge is tried again on its own`);
        await helpers.addJob(PURGE_CACHE, { keys, target: purger.target }, { maxAttempts: 25 });
      }
    }),
  );
  if (hub && feeds.length) {
    try {
      await pingHub(hub, feeds);
    } catch (error) {
      log(`${(error as Error).message}; the ping is tried again on its own`);
      await helpers.addJob(PING_HUB, { hub, feeds }, { maxAttempts: 10 });
    }
  }
  for (const deliveryId of deliveries) await helpers.addJob(DELIVER_WEBHOOK, { deliveryId }, { maxAttempts: DELIVERY_ATTEMPTS, jobKey: deliveryJobKey(deliveryId) });
}
