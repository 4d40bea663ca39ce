import { AppError } from "@/lib/errors";

// When the database cannot take a request (every connection busy, a row lock held too long, the
// server unreachable or restarting), nothing was done and the same request may well succeed a
// moment later: that is a 503 with Retry-After, not a 500. These are the shapes it arrives in:
// Prisma's error codes, the pg adapter's error kinds and Postgres SQLSTATEs underneath them, and
// pg's own errors, which the adapter passes on untouched (a pool that gave no connection in time).

/** Prisma: can't reach (P1001), timed out (P1002, P1008), connection closed (P1017), no pool connection (P2024), transaction not started in time or expired (P2028), write conflict or deadlock (P2034). */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2034"]);
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1017"]);
/** @prisma/adapter-pg's kinds for socket and resource failures. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionWriteConflict"]);
const UNREACHABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed"]);
/** Node's socket errors. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/** pg's messages for a pool that gave no connection in time, or a connection that went away. */
const PG_MESSAGES = [/timeout exceeded when trying to connect/i, /Connection terminated/i, /connection error and is not queryable/i];

type Reason = "busy" | "lock" | "unreachable";

/**
 * SQLSTATEs: class 08 (connection exception), 53 (insufficient resources, e.g. too many
 * connections), 57P01–57P03 (shut down, crashed, starting up), 57014 (statement cancelled by a
 * timeout), 55P03 (lock_timeout), 40001 and 40P01 (serialisation failure, deadlock: run it again).
 */
function sqlStateReason(code: string): Reason | null {
  if (code === "55P03") return "lock";
  if (code.startsWith("08") || /^57P0[123]$/.test(code)) return "unreachable";
  if (code.startsWith("53") || code === "57014" || code === "40001" || code === "40P01") return "busy";
  return null;
}

function reasonOf(error: unknown, depth = 0): Reason | null {
  if (typeof error !== "object" || error === null || depth > 4) return null;
  const { code, message, meta, cause } = error as { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: Record<string, unknown> } }; cause?: unknown };
  const adapter = meta?.driverAdapterError?.cause;
  if (adapter) {
    const sqlState = typeof adapter.originalCode === "string" ? adapter.originalCode : typeof adapter.code === "string" ? adapter.code : null;
    const fromSqlState = sqlState ? sqlStateReason(sqlState) : null;
    if (fromSqlState) return fromSqlState;
    if (typeof adapter.kind === "string" && ADAPTER_KINDS.has(adapter.kind)) return UNREACHABLE_KINDS.has(adapter.kind) ? "unreachable" : "busy";
  }
  if (typeof code === "string") {
    if (PRISMA_CODES.has(code)) return UNREACHABLE_PRISMA_CODES.has(code) ? "unreachable" : "busy";
    if (SOCKET_CODES.has(code)) return "unreachable";
    // pg's own DatabaseError carries the SQLSTATE as its code.
    if (/^[0-9A-Z]{5}$/.test(code) && "severity" in error) {
      const fromSqlState = sqlStateReason(code);
      if (fromSqlState) return fromSqlState;
    }
  }
  if (typeof message === "string" && PG_MESSAGES.some((pattern) => pattern.test(message))) return /timeout exceeded/i.test(message) ? "busy" : "unreachable";
  return reasonOf(cause, depth + 1);
}

const answers: Record<Reason, { message: string; retryAfterSeconds: number }> = {
  busy: { message: "The database is too busy to take this request right now; nothing was changed. Try again in a few seconds.", retryAfterSeconds: 2 },
  lock: { message: "Another change to this story is taking unusually long to save; nothing was changed. Try again in a few seconds.", retryAfterSeconds: 2 },
  unreachable: { message: "The database cannot be reached right now. Try again shortly.", retryAfterSeconds: 5 },
};

/**
 * The 503 for an error that means the database could not take the request now, or null for any
 * other error (a bug, a constraint, a refused input: those keep their own meaning).
 */
export function asUnavailableError(error: unknown): AppError | null {
  if (error instanceof AppError) return error.code === "unavailable" ? error : null;
  const reason = reasonOf(error);
  if (!reason) return null;
  const { message, retryAfterSeconds } = answers[reason];
  return new AppError("unavailable", message, undefined, { retryAfterSeconds });
}
