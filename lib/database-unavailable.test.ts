import { describe, expect, it } from "vitest";
import { asUnavailableError } from "@/lib/database-unavailable";
import { AppError } from "@/lib/errors";

// The shapes below are what Prisma 6.19 with @prisma/adapter-pg and pg 8 threw on this machine
// (a pool held busy, a transaction timed out, a row lock held, a closed port).
const prisma = (code: string, meta: Record<string, unknown> = {}) => Object.assign(new Error(`prisma ${code}`), { code, meta, clientVersion: "6.19.3" });
const adapter = (cause: Record<string, unknown>) => prisma("P2010", { driverAdapterError: { name: "DriverAdapterError", cause } });

describe("asUnavailableError", () => {
  it.each([
    ["a transaction not started in time", prisma("P2028")],
    ["an expired transaction", prisma("P2028", { operation: "query", timeout: 300, timeTaken: 606 })],
    ["no pool connection in time (Prisma)", prisma("P2024")],
    ["no pool connection in time (pg)", new Error("timeout exceeded when trying to connect")],
    ["a lock held past lock_timeout", adapter({ originalCode: "55P03", kind: "postgres", code: "55P03", message: "canceling statement due to lock timeout" })],
    ["a deadlock", adapter({ originalCode: "40P01", kind: "postgres", code: "40P01" })],
    ["too many connections", adapter({ originalCode: "53300", kind: "TooManyConnections" })],
    ["a server shutting down", adapter({ originalCode: "57P01", kind: "postgres", code: "57P01" })],
    ["a refused connection in a raw query", adapter({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5999 })],
    ["a refused connection", prisma("P1001", { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } })],
    ["a dropped connection", new Error("Connection terminated unexpectedly")],
    ["a socket error", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5999"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 })],
    ["one wrapped in another", Object.assign(new Error("outer"), { cause: Object.assign(new Error("inner"), { code: "ECONNRESET" }) })],
  ])("makes %s a 503 with Retry-After", (_label, error) => {
    const answer = asUnavailableError(error);
    expect(answer).toBeInstanceOf(AppError);
    expect(answer?.status).toBe(503);
    expect(answer?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("says which: a lock, a busy database, or none at all", () => {
    expect(asUnavailableError(adapter({ originalCode: "55P03" }))?.message).toMatch(/Another change to this story/);
    expect(asUnavailableError(prisma("P2028"))?.message).toMatch(/too busy.*nothing was changed/);
    expect(asUnavailableError(prisma("P1001"))?.message).toMatch(/cannot be reached/);
  });

  it.each([
    ["a unique violation", prisma("P2002")],
    ["a raw query's syntax error", adapter({ originalCode: "42601", kind: "postgres", code: "42601" })],
    ["a refusal", new AppError("conflict", "This story is already killed")],
    ["a bug", new TypeError("x is undefined")],
    ["not an error at all", "text"],
  ])("leaves %s alone", (_label, error) => {
    expect(asUnavailableError(error)).toBeNull();
  });
});
