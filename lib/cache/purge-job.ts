import { z } from "zod";
import { cacheSettings } from "@/lib/cache/cache-settings";
import { purgers } from "@/lib/cache/purge-caches";
import { databaseReplicaUrls, databaseUrl } from "@/lib/env";
import { watchReplicas, type ReplicaWatch } from "@/lib/db-replicas";

const purgeJobSchema = z.object({ keys: z.array(z.string().regex(/^[A-Za-z0-9._~-]+$/)).min(1), target: z.string().min(1) });

let replicas: ReplicaWatch | null | undefined;

/**
 * Resolves once every read replica (DATABASE_REPLICA_URL) has replayed what the primary has
 * written by now (a job runs after its change's commit, so that change included); at once
 * without replicas. ReplicaBehind after 30 s.
 */
export async function waitForReplicas(): Promise<void> {
  if (replicas === undefined) {
    const replicaUrls = databaseReplicaUrls();
    replicas = replicaUrls.length ? watchReplicas({ primaryUrl: databaseUrl(), replicaUrls }) : null;
  }
  if (replicas) await replicas.caughtUp(await replicas.primaryPosition());
}

/**
 * One purge job (a purge that failed in a reader_change, lib/outbox/reader-change-job.ts): the cache it names, as this instance is configured,
 * purged of its keys. With read replicas, only once every replica has replayed the change (the
 * job runs after its commit, so the primary's position now is past it): purged sooner, the cache
 * would fill again from a replica with the old copy. A failure throws, and graphile-worker tries
 * again later (backing off, up to 25 times, about three days); a cache no longer configured is not purged.
 */
export async function purgeCacheTask(payload: unknown, log: (line: string) => void = () => {}): Promise<void> {
  const parsed = purgeJobSchema.safeParse(payload);
  if (!parsed.success) return log(`a purge job with an unreadable payload was dropped`);
  const { keys, target } = parsed.data;
  const purger = purgers(cacheSettings()).find((each) => each.target === target);
  if (!purger) return log(`a purge of ${target} was dropped: it is no longer configured`);
  await waitForReplicas();
  await purger.purge(keys);
}
