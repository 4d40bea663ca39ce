import "server-only";
import { db } from "@/lib/db";
import { wireDeskSettings } from "@/lib/env";

/** Rows removed per statement: a day of a busy wire is tens of thousands, and no statement should hold locks for long. */
const BATCH = 5000;

/**
 * Items older than WIRE_QUEUE_HOURS that no story was made from leave the database (the queue
 * stops showing them at that age anyway); the copy of a story made from one stays with the story.
 * Answers how many went.
 */
export async function expireWireQueue(options: { now?: Date } = {}): Promise<number> {
  const before = new Date((options.now ?? new Date()).getTime() - wireDeskSettings().queueHours * 3600_000);
  let removed = 0;
  for (;;) {
    const count = await db.$executeRaw`
      DELETE FROM "WireItem" WHERE "id" IN (
        SELECT "id" FROM "WireItem" WHERE "storyId" IS NULL AND "receivedAt" < ${before} ORDER BY "receivedAt" LIMIT ${BATCH})`;
    removed += count;
    if (count < BATCH) return removed;
  }
}
