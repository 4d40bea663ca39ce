import "server-only";
import { db } from "@/lib/db";
import { POLL_SOURCE, sourceJobKey } from "@/lib/jobs/job-names";

/**
 * Queues a source's next poll at `runAt` (now: poll now), through graphile-worker's own SQL
 * function, so any process on the database can ask, in its transaction or not. `keepTime`: a poll
 * already waiting keeps its time (the reconciler uses it, so it never hurries a backed-off source).
 */
export async function schedulePoll(sourceId: string, options: { runAt?: Date; keepTime?: boolean } = {}): Promise<void> {
  const runAt = options.runAt ?? new Date();
  await db.$executeRaw`
    SELECT graphile_worker.add_job(${POLL_SOURCE}, json_build_object('sourceId', ${sourceId}::text),
      run_at => ${runAt}::timestamptz, max_attempts => 1,
      job_key => ${sourceJobKey(sourceId)}, job_key_mode => ${options.keepTime ? "preserve_run_at" : "replace"})`;
}

/** Drops a source's waiting poll (it was disabled or removed); a poll running now finishes and schedules no other. */
export async function cancelPoll(sourceId: string): Promise<void> {
  await db.$executeRaw`SELECT graphile_worker.remove_job(${sourceJobKey(sourceId)})`;
}
