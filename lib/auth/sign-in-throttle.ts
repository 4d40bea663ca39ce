import "server-only";
import { db, type Tx } from "@/lib/db";

// Guessing passwords, slowed without handing a stranger the power to lock the real user out:
//  - one address guessing one account: 10 failures within 15 minutes (counted since that address
//    last signed in to it) pause that pair. The account's own user, from their own address, is
//    not affected.
//  - one address guessing many accounts: 30 failures within 15 minutes pause the address.
//  - many addresses guessing one account: after 50 checked passwords failed within an hour, each
//    further attempt must wait, after the last failure, twice as long as the one before (30 s,
//    1 min, 2 min … up to 15 minutes), except from an address this account signed in from in the
//    last 30 days: a few guesses an hour at most, while the real user still gets in from home.
// Refused attempts are recorded (they keep a pair's or an address's pause going) but never count
// towards the account's delays, which only passwords actually checked can grow.
// Attempts are rows in Postgres, so this holds across restarts and app instances.

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_PAIR_FAILURES = 10;
export const MAX_ADDRESS_FAILURES = 30;
export const ACCOUNT_WINDOW_MS = 60 * 60_000;
export const ACCOUNT_DELAY_AFTER = 50;
const FIRST_ACCOUNT_DELAY_MS = 30_000;
const MAX_ACCOUNT_DELAY_MS = 15 * 60_000;
const KNOWN_ADDRESS_MS = 30 * 86_400_000;

export type SignInRefusal = { reason: "pair" | "address" | "account"; retryAfterSeconds: number };

/** The pause an account's failures from many addresses impose, after the last of them. */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_DELAY_AFTER) return 0;
  return Math.min(MAX_ACCOUNT_DELAY_MS, FIRST_ACCOUNT_DELAY_MS * 2 ** Math.min(failures - ACCOUNT_DELAY_AFTER, 20));
}

/** A new attempt, recorded as failed until its password is found right (so parallel guesses see it). */
export async function beginSignInAttempt(email: string, address: string): Promise<string> {
  const attempt = await db.signInAttempt.create({ data: { email, address, succeeded: false }, select: { id: true } });
  return attempt.id;
}

/** Whether this attempt is refused before its password is checked, and why. */
export async function signInRefusal(attemptId: string, email: string, address: string): Promise<SignInRefusal | null> {
  const now = Date.now();
  const since = new Date(now - THROTTLE_WINDOW_MS);
  const [row] = await db.$queryRaw<{ pair: bigint; address: bigint; account: bigint; last_account_failure: Date | null; known: boolean }[]>`
    SELECT
      (SELECT count(*) FROM "SignInAttempt"
         WHERE "email" = ${email} AND "address" = ${address} AND NOT "succeeded" AND "at" > ${since} AND "id" <> ${attemptId}::uuid
           AND "at" > coalesce((SELECT max("at") FROM "SignInAttempt" WHERE "email" = ${email} AND "address" = ${address} AND "succeeded"), '-infinity')) AS pair,
      (SELECT count(*) FROM "SignInAttempt" WHERE "address" = ${address} AND NOT "succeeded" AND "at" > ${since} AND "id" <> ${attemptId}::uuid) AS address,
      (SELECT count(*) FROM "SignInAttempt"
         WHERE "email" = ${email} AND NOT "succeeded" AND NOT "throttled" AND "at" > ${new Date(now - ACCOUNT_WINDOW_MS)} AND "id" <> ${attemptId}::uuid) AS account,
      (SELECT max("at") FROM "SignInAttempt" WHERE "email" = ${email} AND NOT "succeeded" AND NOT "throttled" AND "id" <> ${attemptId}::uuid) AS last_account_failure,
      EXISTS (SELECT 1 FROM "SignInAttempt" WHERE "email" = ${email} AND "address" = ${address} AND "succeeded" AND "at" > ${new Date(now - KNOWN_ADDRESS_MS)}) AS known`;
  const pauseSeconds = THROTTLE_WINDOW_MS / 1000;
  if (Number(row.pair) >= MAX_PAIR_FAILURES) return { reason: "pair", retryAfterSeconds: pauseSeconds };
  if (Number(row.address) >= MAX_ADDRESS_FAILURES) return { reason: "address", retryAfterSeconds: pauseSeconds };
  const delay = accountDelayMs(Number(row.account));
  if (delay && !row.known && row.last_account_failure) {
    const waitMs = row.last_account_failure.getTime() + delay - now;
    if (waitMs > 0) return { reason: "account", retryAfterSeconds: Math.ceil(waitMs / 1000) };
  }
  return null;
}

/** How the attempt ended: refused unchecked, or a right password (a wrong one stays as begun). */
export async function finishSignInAttempt(attemptId: string, email: string, outcome: "throttled" | "succeeded"): Promise<void> {
  if (outcome === "throttled") {
    await db.signInAttempt.update({ where: { id: attemptId }, data: { throttled: true } });
    return;
  }
  await db.signInAttempt.update({ where: { id: attemptId }, data: { succeeded: true } });
  // Failures older than a day serve nothing, successes (known addresses) a month: trimming on
  // success keeps the table small.
  const now = Date.now();
  await db.signInAttempt.deleteMany({
    where: { email, OR: [{ succeeded: false, at: { lt: new Date(now - 86_400_000) } }, { at: { lt: new Date(now - KNOWN_ADDRESS_MS) } }] },
  });
}

/** What a refusal tells the person signing in. */
export function refusalMessage(refusal: SignInRefusal): string {
  switch (refusal.reason) {
    case "pair":
      return "Too many failed sign-ins for this account from your address. Try again in 15 minutes, or ask an admin to lift the lock.";
    case "address":
      return "Too many failed sign-ins from your address. Try again in 15 minutes.";
    case "account": {
      const seconds = refusal.retryAfterSeconds;
      const wait = seconds < 90 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minutes`;
      return `Too many failed sign-ins for this account from several addresses. Try again in ${wait}, or from an address you have signed in from before.`;
    }
  }
}

export type SignInLock = { lockedAddresses: number; failures: number };

/**
 * Accounts whose sign-in is paused somewhere now (for the users page): how many addresses are
 * paused for each, and its failures within the hour. Accounts with no pause are left out.
 */
export async function signInLocks(emails: string[]): Promise<Map<string, SignInLock>> {
  if (!emails.length) return new Map();
  const now = Date.now();
  const rows = await db.$queryRaw<{ email: string; locked_addresses: bigint; failures: bigint }[]>`
    WITH pairs AS (
      SELECT f."email", f."address", count(*) AS failures
      FROM "SignInAttempt" f
      WHERE f."email" = ANY(${emails}) AND NOT f."succeeded" AND f."at" > ${new Date(now - THROTTLE_WINDOW_MS)}
        AND f."at" > coalesce((SELECT max(s."at") FROM "SignInAttempt" s WHERE s."email" = f."email" AND s."address" = f."address" AND s."succeeded"), '-infinity')
      GROUP BY f."email", f."address"
    )
    SELECT e."email",
      (SELECT count(*) FROM pairs p WHERE p."email" = e."email" AND p.failures >= ${MAX_PAIR_FAILURES}) AS locked_addresses,
      (SELECT count(*) FROM "SignInAttempt" a
         WHERE a."email" = e."email" AND NOT a."succeeded" AND NOT a."throttled" AND a."at" > ${new Date(now - ACCOUNT_WINDOW_MS)}) AS failures
    FROM unnest(${emails}::text[]) AS e("email")`;
  const locks = new Map<string, SignInLock>();
  for (const row of rows) {
    const lock = { lockedAddresses: Number(row.locked_addresses), failures: Number(row.failures) };
    if (lock.lockedAddresses > 0 || lock.failures >= ACCOUNT_DELAY_AFTER) locks.set(row.email, lock);
  }
  return locks;
}

/** An admin lifts an account's pauses: its recorded failures are forgotten. Returns how many. */
export async function clearSignInFailures(tx: Tx, email: string): Promise<number> {
  const { count } = await tx.signInAttempt.deleteMany({ where: { email, succeeded: false } });
  return count;
}
