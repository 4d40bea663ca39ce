import "server-only";
import { Logger, run, type Runner, type Task } from "graphile-worker";
import { DELIVER_WEBHOOK, PING_HUB, POLL_SOURCE, PUBLISH_DUE, PURGE_CACHE, READER_CHANGE, RECONCILE } from "@/lib/jobs/job-names";

/**
 * The app's background jobs, on graphile-worker: a durable queue in PostgreSQL (its own schema,
 * graphile_worker), safe with any number of instances. Each instance runs one of these; a job is
 * run by one of them, and one source's polls never overlap (a lock, lib/wire-sources/source-poll-lock.ts).
 */
export async function startJobs(options: { databaseUrl: string; log?: (line: string) => void }): Promise<{ stop: () => Promise<void> }> {
  const { pollWireSourceTask } = await import("@/lib/wire-sources/poll-wire-source");
  const { reconcileWireSources, stopFolderWatchers } = await import("@/lib/wire-sources/reconcile-wire-sources");
  const { purgeCacheTask } = await import("@/lib/cache/purge-job");
  const { readerChangeTask } = await import("@/lib/outbox/reader-change-job");
  const { DUE_BATCH, countDueStories, publishDueStories } = await import("@/lib/stories/publish-due");
  const { deliverWebhookTask } = await import("@/lib/webhooks/deliver-webhook");
  const { pingHub } = await import("@/lib/feeds/websub");
  const log = options.log ?? ((line: string) => console.log(`[jobs] ${line}`));
  const taskList: Record<string, Task> = {
    [POLL_SOURCE]: async (payload, helpers) => pollWireSourceTask(payload, helpers),
    [RECONCILE]: async () => reconcileWireSources({ log }),
    [READER_CHANGE]: async (payload, helpers) => readerChangeTask(payload, helpers, log),
    [PURGE_CACHE]: async (payload) => purgeCacheTask(payload, log),
    [DELIVER_WEBHOOK]: async (payload, helpers) => deliverWebhookTask(payload, helpers.job),
    [PING_HUB]: async (payload) => {
      const { hub, feeds } = payload as { hub: string; feeds: string[] };
      await pingHub(hub, feeds);
    },
    // At the job's own instant (the database's clock, which started it), so an app clock a little
    // behind still finds the story due. A run that leaves some due (a full batch, or rows another
    // command held locked) goes again two seconds later.
    [PUBLISH_DUE]: async (_payload, helpers) => {
      const now = new Date(Math.max(Date.now(), new Date(helpers.job.run_at).getTime()));
      const published = await publishDueStories(now);
      if (published.length >= DUE_BATCH || (await countDueStories(now)) > 0) {
        await helpers.addJob(PUBLISH_DUE, {}, { jobKey: "publish-due:more", runAt: new Date(Date.now() + (published.length >= DUE_BATCH ? 0 : 2000)) });
      }
    },
  };
  const runner: Runner = await run({
    connectionString: options.databaseUrl,
    // Polls wait on the network most of the time: several at once, whatever the cores.
    concurrency: 4,
    maxPoolSize: 6,
    noHandleSignals: true,
    // New jobs are heard at once (LISTEN); jobs queued for later (a story's publication time) are
    // found by this poll, so it bounds how late a scheduled story goes out.
    pollInterval: 500,
    taskList,
    crontab: `* * * * * ${RECONCILE}`,
    logger: quietLogger(log),
  });
  // At start, not a minute later: sources get their polls, folders their watchers.
  await reconcileWireSources({ log }).catch((error: Error) => log(`could not read the ingest sources: ${error.message}`));
  return {
    stop: async () => {
      await stopFolderWatchers();
      await runner.stop();
    },
  };
}

/** graphile-worker's log, less its chatter: warnings and errors, one line each. */
function quietLogger(log: (line: string) => void) {
  return new Logger(() => (level, message) => {
    if (level === "error" || level === "warning") log(message.split("\n")[0]);
  });
}
