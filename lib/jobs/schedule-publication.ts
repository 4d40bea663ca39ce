import "server-only";
import type { Tx } from "@/lib/db";
import { PUBLISH_DUE } from "@/lib/jobs/job-names";

/**
 * Queues, in the transaction that schedules a story (or holds it for its embargo), a run of the
 * scheduler for the instant it goes live: whichever instance's job runner is up publishes it then,
 * and the purges it records reach every cache, Varnish and CDNs included, with no reader's request
 * needed. One waiting run per story: scheduling it again moves it. A run that finds nothing due
 * (the story was unpublished, or rescheduled later) does nothing.
 */
export async function schedulePublication(tx: Tx, storyId: string, at: Date): Promise<void> {
  await tx.$executeRaw`
    SELECT graphile_worker.add_job(${PUBLISH_DUE}, '{}'::json, run_at => ${at}::timestamptz, max_attempts => 10,
      job_key => ${`publish-due:${storyId}`}, job_key_mode => 'replace')`;
}
