import "server-only";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { IdempotencyClaim } from "@/lib/idempotency/claim-key";

export type Answer = { status: number; body: unknown; location?: string | null };

/**
 * Records a request's answer on its key inside the transaction that makes what it answers about:
 * the story and its key's answer are committed together or not at all, so no crash or cut
 * connection can leave a story whose retry would create a second one.
 */
export async function recordAnswerInTx(tx: Tx, claim: IdempotencyClaim, answer: Answer): Promise<void> {
  const recorded = await tx.idempotencyKey.updateMany({
    where: { id: claim.id, status: null },
    data: { status: answer.status, body: JSON.stringify(answer.body), location: answer.location ?? null },
  });
  // Taken over by a retry, long after this request was given up for dead: that one stands.
  if (recorded.count !== 1) throw new AppError("conflict", "A retry with this Idempotency-Key has taken it over; that request's answer stands.");
  claim.recorded = true;
}

/** Records an answer after the fact, for a request whose work was not one transaction (wire ingest, which stores the same copy once anyway). */
export async function recordAnswer(claim: IdempotencyClaim, answer: { status: number; body: string; location: string | null }): Promise<void> {
  await db.$transaction((tx) => tx.idempotencyKey.updateMany({ where: { id: claim.id, status: null }, data: answer }));
  claim.recorded = true;
}

/** Gives the key up after its request failed, having changed nothing: a retry runs the request afresh. */
export async function releaseKey(claim: IdempotencyClaim): Promise<void> {
  await db.$transaction((tx) => tx.idempotencyKey.deleteMany({ where: { id: claim.id, status: null } }));
}
