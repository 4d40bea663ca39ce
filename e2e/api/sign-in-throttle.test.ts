import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { baseUrl, makeUser, type TestUser } from "@/e2e/fixtures/factories";

/** One credentials sign-in through Auth.js, as the login form makes it; the redirect it answers with. */
async function signIn(user: Pick<TestUser, "email">, password: string, address: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { "X-Forwarded-For": address } });
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, "X-Forwarded-For": address },
    body: new URLSearchParams({ csrfToken, email: user.email, password, callbackUrl: "/admin" }),
  });
  return response.headers.get("location") ?? "";
}

const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}, 10.0.0.${randomBytes(1)[0]}`;

describe("guessing passwords", () => {
  it("refuses an account for 15 minutes after 10 failures, even with the right password", async () => {
    const user = await makeUser("editor");
    for (let i = 0; i < 10; i++) expect(await signIn(user, `wrong-${i}`, `203.0.113.${i + 1}`)).toContain("error=CredentialsSignin");
    const refused = await signIn(user, user.password, "203.0.113.200");
    expect(refused).toContain("code=throttled");
    // Another account is not affected.
    const other = await makeUser("editor");
    expect(await signIn(other, other.password, "203.0.113.201")).not.toContain("error");
  });

  it("refuses an address after 10 failures, whichever accounts it tries", async () => {
    const from = address();
    for (let i = 0; i < 10; i++) await signIn({ email: `nobody-${i}-${randomBytes(3).toString("hex")}@test.dateline.local` }, "guess", from);
    const user = await makeUser("writer");
    expect(await signIn(user, user.password, from)).toContain("code=throttled");
    expect(await signIn(user, user.password, "192.0.2.77")).not.toContain("error");
  });

  it("counts only failures since the account's last success", async () => {
    const user = await makeUser("writer");
    for (let i = 0; i < 9; i++) await signIn(user, "wrong", `198.18.0.${i + 1}`);
    expect(await signIn(user, user.password, "198.18.1.1")).not.toContain("error");
    expect(await signIn(user, "wrong", "198.18.1.2")).toContain("error=CredentialsSignin");
    expect(await signIn(user, user.password, "198.18.1.3")).not.toContain("error");
  });
});
