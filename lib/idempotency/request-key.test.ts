import { describe, expect, it } from "vitest";
import { idempotencyKeyOf, requestFingerprint } from "@/lib/idempotency/request-key";
import { AppError } from "@/lib/errors";

const headers = (value?: string) => new Headers(value === undefined ? {} : { "Idempotency-Key": value });

describe("idempotencyKeyOf", () => {
  it("reads a bare key or the IETF draft's quoted one as the same key, and none as null", () => {
    expect(idempotencyKeyOf(headers("8e03978e-40d5-43e8-bc93-6894a57f9324"))).toBe("8e03978e-40d5-43e8-bc93-6894a57f9324");
    expect(idempotencyKeyOf(headers('"8e03978e-40d5-43e8-bc93-6894a57f9324"'))).toBe("8e03978e-40d5-43e8-bc93-6894a57f9324");
    expect(idempotencyKeyOf(headers())).toBeNull();
  });

  it.each([
    ["empty", ""],
    ["quoted empty", '""'],
    ["too long", "k".repeat(10_000)],
    ["with a space", "two words"],
    ["sent twice (joined by the parser)", "a, b"],
    ["with a tab", "a\tb"],
    ["non-ASCII", "clé"],
  ])("refuses a key that is %s with a 422 naming the header", (_label, value) => {
    let error: unknown;
    try {
      idempotencyKeyOf({ get: () => value } as unknown as Headers);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect(Object.keys((error as AppError).fields ?? {})).toEqual(["Idempotency-Key"]);
  });
});

describe("requestFingerprint", () => {
  const base = { method: "POST", url: "http://x/api/v1/stories", contentType: "application/json", body: new TextEncoder().encode('{"a":1}') };
  it("is the same for the same request and differs when path, query, content type or body differ", () => {
    expect(requestFingerprint(base)).toBe(requestFingerprint({ ...base, contentType: "Application/JSON" }));
    for (const other of [
      { ...base, url: "http://x/api/v1/wire" },
      { ...base, url: "http://x/api/v1/stories?receivedAt=2026-01-01" },
      { ...base, contentType: "text/plain" },
      { ...base, body: new TextEncoder().encode('{"a":2}') },
    ]) {
      expect(requestFingerprint(other)).not.toBe(requestFingerprint(base));
    }
  });
});
