import { describe, expect, it } from "vitest";
import { isUniqueViolation, retryOnUniqueViolation } from "@/lib/unique-retry";

// The shapes Prisma 6.19 with the pg adapter throws (taken from a real clash on Tag_slug_key).
const clientClash = { code: "P2002", meta: {} };
const rawClash = { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "23505", kind: "UniqueConstraintViolation" } } } };
const rawOther = { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "23503", kind: "ForeignKeyConstraintViolation" } } } };

describe("retryOnUniqueViolation", () => {
  it("recognises unique clashes from the client and from raw SQL, and nothing else", () => {
    expect(isUniqueViolation(clientClash)).toBe(true);
    expect(isUniqueViolation(rawClash)).toBe(true);
    expect(isUniqueViolation(rawOther)).toBe(false);
    expect(isUniqueViolation(new Error("x"))).toBe(false);
  });

  it("runs the work again after a lost race, and gives up after the last attempt", async () => {
    let calls = 0;
    expect(await retryOnUniqueViolation(async () => (++calls < 3 ? Promise.reject(rawClash) : "done"))).toBe("done");
    expect(calls).toBe(3);
    await expect(retryOnUniqueViolation(async () => Promise.reject(clientClash), 2)).rejects.toBe(clientClash);
    await expect(retryOnUniqueViolation(async () => Promise.reject(rawOther))).rejects.toBe(rawOther);
  });
});
