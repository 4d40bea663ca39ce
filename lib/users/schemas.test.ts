import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createUserSchema, newPasswordSchema, passwordConfirmationErrors } from "@/lib/users/schemas";

const messages = async (password: unknown) => {
  const result = await newPasswordSchema().safeParseAsync(password);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe("new passwords", () => {
  it("refuses easy ones with zxcvbn's reason", async () => {
    expect(await messages("aaaaaaaaaa")).toEqual([expect.stringMatching(/^Too easy to guess: repeated characters like "aaa" are easy to guess\. /)]);
    expect(await messages("password123")).toEqual([expect.stringMatching(/^Too easy to guess: this is a commonly used password\./)]);
    expect(await messages("dateline2026")).toEqual([expect.stringMatching(/^Too easy to guess/)]);
  });

  it("says only what is wrong with the length when that is wrong", async () => {
    expect(await messages("short")).toEqual(["Password must be at least 10 characters"]);
    expect(await messages("x".repeat(100_000))).toEqual(["Password must be at most 200 characters"]);
    expect(await messages(12345678901)).toEqual(["Enter a password"]);
  });

  it("refuses control characters, NUL among them, with one sentence", async () => {
    expect(await messages("correct horse\u0000battery staple")).toEqual(["A password cannot hold control characters (such as NUL or a tab)"]);
    expect(await messages("correct\thorse battery staple")).toEqual(["A password cannot hold control characters (such as NUL or a tab)"]);
  });

  it("accepts the test factories' passwords and a few unrelated words", async () => {
    for (let i = 0; i < 50; i++) expect(await messages(`pw-${randomBytes(8).toString("hex")}`)).toEqual([]);
    expect(await messages("correct-horse-battery")).toEqual([]);
    expect(await messages(randomBytes(9).toString("base64url"))).toEqual([]);
  });
});

describe("user names", () => {
  it("drop control characters instead of failing in the database", async () => {
    const parsed = await createUserSchema.parseAsync({ email: "a@b.example", role: "writer", password: "correct-horse-battery", name: "Pri\u0001ya\u001f " });
    expect(parsed.name).toBe("Priya");
  });

  it("refuse a NUL, naming the field, as every text field does", async () => {
    const parsed = await createUserSchema.safeParseAsync({ email: "a@b.example", role: "writer", password: "correct-horse-battery", name: "Pri\u0000ya" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["name"]);
  });
});

describe("a password judged against its owner", () => {
  it("refuses the owner's own email or name, however dressed up", async () => {
    const owner = { email: "priya.sharma@news.example", name: "Priya Sharma" };
    for (const password of ["priya.sharma@news.example", "PriyaSharma2026", "priya.sharma!"]) {
      const result = await newPasswordSchema(owner).safeParseAsync(password);
      expect(result.success, password).toBe(false);
    }
    // The same passwords, for someone else, are fine or refused on their own merits only.
    expect((await newPasswordSchema(owner).safeParseAsync("correct-horse-battery")).success).toBe(true);
  });

  it("judges a new user's password against the email and name it comes with", async () => {
    const parsed = await createUserSchema.safeParseAsync({ email: "writer@dateline.local", role: "writer", password: "writer@dateline.local" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toEqual(["password"]);
  });
});

describe("a new password typed twice", () => {
  it("passes when both agree, and names the second field when they do not", () => {
    expect(passwordConfirmationErrors("a-long-enough-password", "a-long-enough-password")).toBeNull();
    expect(passwordConfirmationErrors("a-long-enough-password", "a-long-enough-passwort")).toEqual({ passwordConfirm: ["The two passwords differ: type the same one twice"] });
    expect(passwordConfirmationErrors("a-long-enough-password", "")).toEqual({ passwordConfirm: ["Type the password again to confirm it"] });
  });
});
