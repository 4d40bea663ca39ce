import "server-only";
import { db } from "@/lib/db";

export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES = 10;

/**
 * Whether sign-in is refused for this account or this address: 10 failures (refused attempts
 * included) within 15 minutes, counted since the account's last success. Kept in Postgres, so it
 * holds across restarts and app instances.
 */
export async function signInThrottled(email: string, address: string): Promise<boolean> {
  const since = new Date(Date.now() - THROTTLE_WINDOW_MS);
  const [row] = await db.$queryRaw<{ by_email: bigint; by_address: bigint }[]>`
    SELECT
      (SELECT count(*) FROM "SignInAttempt" WHERE "email" = ${email} AND "at" > ${since} AND NOT "succeeded"
         AND "at" > coalesce((SELECT max("at") FROM "SignInAttempt" WHERE "email" = ${email} AND "succeeded"), '-infinity')) AS by_email,
      (SELECT count(*) FROM "SignInAttempt" WHERE "address" = ${address} AND "at" > ${since} AND NOT "succeeded") AS by_address`;
  return Number(row.by_email) >= MAX_FAILURES || Number(row.by_address) >= MAX_FAILURES;
}

export async function recordSignInAttempt(email: string, address: string, succeeded: boolean): Promise<void> {
  await db.signInAttempt.create({ data: { email, address, succeeded } });
  // Attempts older than a day serve nothing; trimming on success keeps the table small.
  if (succeeded) await db.signInAttempt.deleteMany({ where: { email, at: { lt: new Date(Date.now() - 86_400_000) } } });
}
