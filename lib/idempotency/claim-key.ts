import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/permissions";

/** A key this request holds: it runs the request, and records its answer (lib/idempotency/settle-key.ts). */
export type IdempotencyClaim = { id: string; recorded: boolean };
/** The first request's answer, for a retry. */
export type StoredAnswer = { status: number; body: string; location: string | null };

/** How long a key answers retries. */
const KEEP = Prisma.sql`interval '24 hours'`;
/**
 * A key still marked running after this long belongs to a request that died before it finished
 * (every request ends well within it: transactions 15 s, ingest batches 60 s), so a retry may take
 * it over. Nothing it did survives: an answer is recorded in the transaction that creates (or by
 * ingest, which stores the same copy only once anyway).
 */
const ABANDONED = Prisma.sql`interval '2 minutes'`;
// The database's clock, in UTC as Prisma stores times (the columns have no zone; the session may).
const utcNow = Prisma.sql`(now() AT TIME ZONE 'UTC')`;
const PRUNE_EVERY_MS = 60_000;
let lastPruned = 0;

/**
 * Takes the caller's key for this request, or answers from it. The unique (user, key) makes this
 * hold under races: of two requests with one key at once, one inserts the row and runs, and the
 * other finds it. A retry then gets the first answer; one sent while the first still runs gets 409;
 * the same key with another request gets 422. An expired or abandoned key is taken afresh.
 */
export async function claimIdempotencyKey(options: { actor: Actor; key: string; fingerprint: string }): Promise<{ claim: IdempotencyClaim } | { replay: StoredAnswer }> {
  const { actor, key, fingerprint } = options;
  await pruneNowAndThen();
  for (let attempt = 0; attempt < 3; attempt++) {
    const id = randomUUID();
    const outcome = await db.$transaction(async (tx) => {
      const taken = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "IdempotencyKey" ("id", "userId", "key", "fingerprint", "createdAt", "expiresAt")
        VALUES (${id}::uuid, ${actor.id}::uuid, ${key}, ${fingerprint}, ${utcNow}, ${utcNow} + ${KEEP})
        ON CONFLICT ("userId", "key") DO UPDATE SET
          "id" = excluded."id", "fingerprint" = excluded."fingerprint", "status" = NULL, "body" = NULL, "location" = NULL,
          "createdAt" = excluded."createdAt", "expiresAt" = excluded."expiresAt"
        WHERE "IdempotencyKey"."expiresAt" <= ${utcNow}
           OR ("IdempotencyKey"."status" IS NULL AND "IdempotencyKey"."createdAt" < ${utcNow} - ${ABANDONED})
        RETURNING "id"`;
      if (taken.length) return { claim: { id, recorded: false } };
      return tx.idempotencyKey.findUnique({ where: { userId_key: { userId: actor.id, key } }, select: { fingerprint: true, status: true, body: true, location: true } });
    });
    // Released by its request a moment ago (it failed, so a retry runs afresh): try again.
    if (outcome === null) continue;
    if ("claim" in outcome) return outcome;
    if (outcome.fingerprint !== fingerprint) {
      throw new AppError(
        "validation_failed",
        "This Idempotency-Key was first sent with a different request (another path, content type or body). A key stands for one request: send a new key with a new request, or repeat the first request exactly.",
        { "Idempotency-Key": ["used before for a different request"] },
      );
    }
    if (outcome.status === null || outcome.body === null) {
      throw new AppError("conflict", "A request with this Idempotency-Key is still being processed. Retry it once that one has finished.", undefined, { retryAfterSeconds: 1 });
    }
    return { replay: { status: outcome.status, body: outcome.body, location: outcome.location } };
  }
  throw new AppError("conflict", "Requests with this Idempotency-Key keep failing and being retried at once. Retry it in a moment.", undefined, { retryAfterSeconds: 1 });
}

// Expired keys are deleted now and then (at most once a minute per process, a bounded batch), so
// the table holds about a day of keyed requests and no scheduler is needed; until then they are
// simply taken afresh.
async function pruneNowAndThen() {
  const now = Date.now();
  if (now - lastPruned < PRUNE_EVERY_MS) return;
  lastPruned = now;
  await db.$transaction((tx) => tx.$executeRaw`
    DELETE FROM "IdempotencyKey" WHERE "id" IN (SELECT "id" FROM "IdempotencyKey" WHERE "expiresAt" <= ${utcNow} LIMIT 1000)`);
}
