import "server-only";
import type { JobHelpers } from "graphile-worker";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { wireDeskActor } from "@/lib/wire-ingest/wire-desk";
import { ingestWireItems, type ItemResult } from "@/lib/wire-ingest/ingest-wire-items";
import { copyText } from "@/lib/wire-desk/desk-columns";
import { POLL_SOURCE, sourceJobKey } from "@/lib/jobs/job-names";
import { withSourcePollLock } from "@/lib/wire-sources/source-poll-lock";
import { pollSource } from "@/lib/wire-sources/poll-source";
import { decryptCredentials } from "@/lib/wire-sources/source-credentials";
import { applyRules } from "@/lib/wire-sources/wire-rules";
import { storedSource } from "@/lib/wire-sources/stored-source";
import { watchSourceFolder } from "@/lib/wire-sources/reconcile-wire-sources";
import { endPollHere, startPollHere } from "@/lib/wire-sources/polls-here";

/** After failures in a row the next poll waits the interval × 2^failures, at most an hour. */
const MAX_BACKOFF_MS = 3600_000;
/** When another instance holds a source's poll, this one asks again after this long. */
const BUSY_RETRY_MS = 1000;
/** Items handed to ingest at once: one transaction's worth. */
const BATCH = 50;

/** `more`: the source has more ready than this poll took, or files still being written (poll again at once). */
export type PollOutcome = { polled: boolean; items: number; queued: number; failed: number; error: string | null; nextPollAt: Date | null; more: boolean };

/** When to poll next: the interval after a success; after failures, longer each time (with jitter, so sources spread out). */
export function nextPollDelay(intervalSeconds: number, failures: number): number {
  if (failures === 0) return intervalSeconds * 1000;
  const backoff = Math.min(intervalSeconds * 1000 * 2 ** failures, MAX_BACKOFF_MS);
  return Math.max(intervalSeconds * 1000, backoff * (0.9 + Math.random() * 0.2));
}

/** The error as the source list shows it: the provider's sentence (they never hold credentials), one line. */
const inWords = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").slice(0, 500);

/**
 * One poll of one source: fetch what is new (lib/wire-sources/poll-*.ts), hand every item to the
 * same ingest as the API and the CLI (into the desk's queue, after the source's rules), tell the
 * provider which were taken (moved to done/, deleted, remembered) and which failed, and record the
 * source's health. A poll that fails is recorded in words and backs off; nothing is lost, since
 * what was not acknowledged is fetched again, and ingest stores the same copy only once.
 */
export async function pollWireSource(sourceId: string, options: { signal?: AbortSignal } = {}): Promise<PollOutcome> {
  const source = await db.wireSource.findUnique({ where: { id: sourceId } });
  if (!source || !source.enabled) return { polled: false, items: 0, queued: 0, failed: 0, error: null, nextPollAt: null, more: false };
  const { settings, rules } = storedSource(source);
  const startedAt = new Date();
  const outcome: PollOutcome = { polled: true, items: 0, queued: 0, failed: 0, error: null, nextPollAt: null, more: false };
  let state: unknown = source.pollState;
  try {
    const credentials = source.credentials ? decryptCredentials(source.credentials) : null;
    const result = await pollSource(settings, credentials, source.pollState, { signal: options.signal });
    try {
      const actor = await wireDeskActor();
      for (let start = 0; start < result.items.length; start += BATCH) {
        const batch = result.items.slice(start, start + BATCH);
        const results: ItemResult[] = await ingestWireItems({
          actor,
          via: { channel: "source", apiKeyId: null, sourceId },
          into: "queue",
          items: batch.map((item) => ({ raw: item.raw, readBeside: item.readBeside })),
          route: (item) =>
            applyRules(rules, {
              agency: item.parse.agency ?? source.agency,
              category: item.parse.category,
              priority: item.parse.priority,
              headline: item.parse.headline ?? "",
              slugline: item.parse.slugline ?? "",
              text: copyText(item),
            }),
        });
        for (const [index, item] of batch.entries()) {
          const answer = results[index];
          outcome.items++;
          if (answer.ok) {
            if (answer.outcome === "queued") outcome.queued++;
            await item.ack("done");
          } else {
            outcome.failed++;
            await item.ack("failed", answer.error.message);
          }
        }
      }
    } finally {
      await result.finish?.();
    }
    state = result.state;
    outcome.more = result.more ?? false;
  } catch (error) {
    // An ingest refusal is the item's (acknowledged as failed above); anything here is the source's or the database's.
    outcome.error = isAppError(error) ? error.message : inWords(error);
  }
  const failures = outcome.error ? source.failures + 1 : 0;
  outcome.nextPollAt = new Date(Date.now() + nextPollDelay(source.intervalSeconds, failures));
  await db.wireSource.updateMany({
    where: { id: sourceId },
    data: {
      lastPolledAt: startedAt,
      failures,
      nextPollAt: outcome.nextPollAt,
      pollState: (state ?? undefined) as Prisma.InputJsonValue | undefined,
      ...(outcome.error ? { lastError: outcome.error, lastErrorAt: new Date() } : { lastSuccessAt: new Date() }),
    },
  });
  return outcome;
}

/** A poll that keeps being asked again hands over to a fresh job after this long (a job is not meant to run for ever). */
const MAX_ROUNDS_MS = 30_000;

/**
 * The job: poll (one instance at a time per source, by lock), then queue the next poll of the same
 * source (unless it was disabled or removed meanwhile). A source has one waiting poll at most (its
 * job key); one added while its poll runs in another instance waits for that one's lock.
 */
export async function pollWireSourceTask(payload: unknown, helpers: JobHelpers): Promise<void> {
  const sourceId = (payload as { sourceId?: unknown } | null)?.sourceId;
  if (typeof sourceId !== "string") return;
  // One poll of a source at a time in this process; one asked for meanwhile makes it go round again.
  const rounds = startPollHere(sourceId);
  if (!rounds) return;
  const started = Date.now();
  let outcome: PollOutcome | null;
  try {
    // A folder is watched from its first poll on (a source just added), not from the next reconcile.
    const source = await db.wireSource.findUnique({ where: { id: sourceId } });
    if (source?.enabled) {
      const { settings } = storedSource(source);
      if (settings.kind === "folder") watchSourceFolder(sourceId, settings.path);
    }
    do {
      rounds.again = false;
      outcome = await withSourcePollLock(sourceId, () => pollWireSource(sourceId, { signal: helpers.abortSignal }));
      // A failing source backs off rather than going round again.
    } while ((rounds.again || outcome?.more) && outcome && !outcome.error && !helpers.abortSignal?.aborted && Date.now() - started < MAX_ROUNDS_MS);
  } finally {
    endPollHere(sourceId);
  }
  // Another instance is polling it now: try again in a second (what landed meanwhile, a file in a
  // watched folder, is then taken at once, not at the next interval). Asked again still: at once.
  const soon = outcome === null ? new Date(Date.now() + BUSY_RETRY_MS) : (rounds.again || outcome.more) && !outcome.error ? new Date() : null;
  const runAt = soon ?? outcome?.nextPollAt;
  if (!runAt) return;
  const still = await db.wireSource.findUnique({ where: { id: sourceId }, select: { enabled: true } });
  if (!still?.enabled) return;
  // A source has one waiting poll (its job key), and it should be the sooner: a poll wanted soon
  // replaces any waiting one (the reconciler may have queued one at the interval meanwhile); the
  // next at the interval keeps a waiting one's time (a file landing in a watched folder, "poll
  // now", asked for while this poll ran), which graphile-worker's preserve_run_at keeps whatever it is.
  await helpers.addJob(POLL_SOURCE, { sourceId }, { runAt, jobKey: sourceJobKey(sourceId), jobKeyMode: soon ? "replace" : "preserve_run_at", maxAttempts: 1 });
}
