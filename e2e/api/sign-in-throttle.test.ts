import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeUser, type TestUser } from "@/e2e/fixtures/factories";
import { request, signInOverHttp } from "@/e2e/fixtures/auth";

/** One credentials sign-in from a client address; the redirect it answers with. */
async function signIn(user: Pick<TestUser, "email">, password: string, address: string): Promise<string> {
  return (await signInOverHttp(user, { password, address })).location;
}

// Each test takes addresses of its own, so that tests running side by side never share one. The
// test harness's front trusts X-Forwarded-For from loopback and takes its last hop.
const addressBlock = () => {
  const [a, b] = randomBytes(2);
  return (n: number) => `10.${a}.${b}.${n}`;
};
const anotherEmail = () => `nobody-${randomBytes(4).toString("hex")}@test.dateline.local`;

describe("guessing passwords", () => {
  it("pauses a stranger's address for an account after 10 failures, while the real user still gets in from theirs", async () => {
    const user = await makeUser("editor");
    const at = addressBlock();
    const stranger = at(1);
    for (let i = 0; i < 10; i++) expect(await signIn(user, `wrong-${i}`, stranger)).toContain("error=CredentialsSignin");
    // The stranger is refused even with the right password…
    expect(await signIn(user, user.password, stranger)).toContain("code=throttled");
    // …and goes on being refused, which counts for nothing against the account itself.
    for (let i = 0; i < 5; i++) expect(await signIn(user, `wrong-again-${i}`, stranger)).toContain("code=throttled");
    // The real user, from their own address, signs in.
    expect(await signIn(user, user.password, at(2))).not.toContain("error");
    // The same stranger may still try other accounts.
    const other = await makeUser("editor");
    expect(await signIn(other, other.password, stranger)).not.toContain("error");
  });

  it("pauses an address that guesses many accounts at 30 failures, not before", async () => {
    const at = addressBlock();
    const from = at(1);
    for (let i = 0; i < 29; i++) expect(await signIn({ email: anotherEmail() }, "guess", from)).toContain("error=CredentialsSignin");
    const user = await makeUser("writer");
    expect(await signIn(user, user.password, from)).not.toContain("error");
    expect(await signIn({ email: anotherEmail() }, "guess", from)).toContain("error=CredentialsSignin");
    expect(await signIn(user, user.password, from)).toContain("code=throttled");
    expect(await signIn(user, user.password, at(2))).not.toContain("error");
  });

  it("slows guesses at one account from many addresses, except from an address its user signed in from", async () => {
    const user = await makeUser("editor");
    const at = addressBlock();
    const home = at(250);
    expect(await signIn(user, user.password, home)).not.toContain("error");
    // 50 failures from 50 addresses: no pair and no address reaches its own limit.
    for (let batch = 0; batch < 5; batch++) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(user, "wrong", at(batch * 10 + i + 1))));
    }
    // Now every attempt waits at least 30 s after the last failure, even with the right password…
    const refused = await signIn(user, user.password, at(100));
    expect(refused).toContain("code=throttled");
    // …except from the user's own address.
    expect(await signIn(user, user.password, home)).not.toContain("error");
  });

  it("counts a pair's failures only since that address last signed in to the account", async () => {
    const user = await makeUser("writer");
    const from = addressBlock()(1);
    for (let i = 0; i < 9; i++) await signIn(user, "wrong", from);
    expect(await signIn(user, user.password, from)).not.toContain("error");
    for (let i = 0; i < 9; i++) expect(await signIn(user, "wrong", from)).toContain("error=CredentialsSignin");
    expect(await signIn(user, user.password, from)).not.toContain("error");
  });

  it("bounds parallel guesses too: they are recorded before they are judged", async () => {
    const user = await makeUser("writer");
    const from = addressBlock()(1);
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => signIn(user, `wrong-${i}`, from)));
    const checked = answers.filter((location) => !location.includes("code=throttled"));
    expect(checked.length).toBeLessThanOrEqual(10);
    expect(await signIn(user, user.password, from)).toContain("code=throttled");
  });
});

describe("hostile sign-in input", () => {
  it("is refused as a failed sign-in, never a server error", async () => {
    const user = await makeUser("writer");
    const address = addressBlock()(1);
    const cases: Record<string, string>[] = [
      { email: `${user.email}\u0000`, password: user.password },
      { email: user.email, password: "\u0000\u0001\u001f\u007f\ufffe" },
      { email: user.email, password: "x".repeat(100_000) },
      { email: "e".repeat(100_000), password: "x" },
      { email: "\ud800@test.dateline.local", password: "\udfff" },
      { email: "", password: "" },
    ];
    for (const form of cases) {
      const csrf = await request("/api/auth/csrf", { address });
      const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const response = await request("/api/auth/callback/credentials", { address, headers: { Cookie: cookie }, form: { csrfToken, ...form } });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toContain("error=CredentialsSignin");
    }
    // Wrong types, as JSON.
    const csrf = await request("/api/auth/csrf", { address });
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    for (const body of [{ email: 5, password: true }, { email: [user.email], password: { a: 1 } }, { email: null }]) {
      const response = await request("/api/auth/callback/credentials", {
        address,
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/json", "X-Auth-Return-Redirect": "1" },
        rawBody: JSON.stringify({ csrfToken, ...body }),
      });
      expect(response.status).toBeLessThan(500);
    }
    // None of it counted against the account: the right password still works from there.
    expect(await signIn(user, user.password, address)).not.toContain("error");
  });
});
