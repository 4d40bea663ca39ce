import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { Actor } from "@/lib/auth/permissions";
import type { Tx } from "@/lib/db";
import { idempotencyKeyOf, requestFingerprint } from "@/lib/idempotency/request-key";
import { claimIdempotencyKey, type IdempotencyClaim } from "@/lib/idempotency/claim-key";
import { recordAnswer, recordAnswerInTx, releaseKey, type Answer } from "@/lib/idempotency/settle-key";

/**
 * What a create handler gets when the request carried an Idempotency-Key: `record` saves its
 * answer in the creating transaction (lib/idempotency/settle-key.ts). Null without a key.
 */
export type Idempotency = { record: (tx: Tx, answer: Answer) => Promise<void> } | null;
type CreateHandler<P> = (request: NextRequest, actor: Actor, params: P, idempotency: Idempotency) => Promise<Response>;

/** The JSON answer of a create, as sent the first time and as replayed. */
export function answerResponse(answer: Answer): Response {
  return NextResponse.json(answer.body, { status: answer.status, headers: answer.location ? { Location: answer.location } : undefined });
}

function replay(stored: { status: number; body: string; location: string | null }): Response {
  const headers: Record<string, string> = { "Content-Type": "application/json", "Idempotent-Replayed": "true" };
  if (stored.location) headers.Location = stored.location;
  return new Response(stored.body, { status: stored.status, headers });
}

/**
 * A POST that creates, made safe to retry (README, "JSON API"): with an Idempotency-Key, the first
 * request runs and its answer is kept for 24 hours; a retry with the same key and the same request
 * gets that answer again (same status and body, `Idempotent-Replayed: true`), one while the first
 * still runs gets 409, and the key with a different request 422. A request that fails gives its
 * key up, having changed nothing, so its retry runs afresh. Without a key, the handler just runs.
 */
export function idempotentCreate<P>(handler: CreateHandler<P>) {
  return async (request: NextRequest, actor: Actor, params: P): Promise<Response> => {
    const key = idempotencyKeyOf(request.headers);
    if (key === null) return handler(request, actor, params, null);
    const body = new Uint8Array(await request.clone().arrayBuffer());
    const fingerprint = requestFingerprint({ method: request.method, url: request.url, contentType: request.headers.get("content-type"), body });
    const claimed = await claimIdempotencyKey({ actor, key, fingerprint });
    if ("replay" in claimed) return replay(claimed.replay);

    const claim: IdempotencyClaim = claimed.claim;
    let response: Response;
    try {
      response = await handler(request, actor, params, { record: (tx, answer) => recordAnswerInTx(tx, claim, answer) });
    } catch (error) {
      await releaseKey(claim).catch(() => undefined);
      throw error;
    }
    if (!response.ok) {
      await releaseKey(claim).catch(() => undefined);
    } else if (!claim.recorded) {
      await recordAnswer(claim, { status: response.status, body: await response.clone().text(), location: response.headers.get("location") });
    }
    return response;
  };
}
