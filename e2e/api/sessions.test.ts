import { describe, expect, it } from "vitest";
import { makeUser, type TestUser } from "@/e2e/fixtures/factories";
import { opensNewsroom, sessionOf, SESSION_COOKIE, signInOverHttp, signOutOverHttp, type CookieJar } from "@/e2e/fixtures/auth";
import type { Actor } from "@/lib/auth/permissions";

const { db } = await import("@/lib/db");
const { updateUser } = await import("@/lib/users/update-user");

const asActor = (user: TestUser): Actor => ({ id: user.id, email: user.email, name: user.email, role: user.role });

async function signedIn(user: TestUser): Promise<CookieJar> {
  const { location, jar } = await signInOverHttp(user, { password: user.password });
  expect(location).not.toContain("error");
  expect(jar.get(SESSION_COOKIE)).toBeTruthy();
  expect(await opensNewsroom(jar)).toBe(true);
  return jar;
}

/** The old cookie is refused everywhere: the newsroom sends it to the login page, and /api/auth/session neither knows nor renews it. */
async function expectEnded(old: CookieJar) {
  expect(await opensNewsroom(old)).toBe(false);
  const jar = old.copy();
  expect(await sessionOf(jar)).toBeNull();
  expect(jar.get(SESSION_COOKIE)).toBeUndefined();
}

describe("a session ends when it should, whatever its cookie says", () => {
  it("after signing out: the cookie kept from before opens nothing, and /api/auth/session does not renew it", async () => {
    const user = await makeUser("editor");
    const jar = await signedIn(user);
    const kept = jar.copy();
    expect((await sessionOf(kept.copy()))?.user?.email).toBe(user.email);

    const signedOut = await signOutOverHttp(jar);
    expect(signedOut.status).toBe(302);
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
    await expectEnded(kept);
  });

  it("after deactivation, and reactivating the user revives none of their old sessions", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser("writer");
    const jar = await signedIn(user);
    await updateUser({ actor: asActor(admin), id: user.id, input: { active: false } });
    await expectEnded(jar);
    await updateUser({ actor: asActor(admin), id: user.id, input: { active: true } });
    await expectEnded(jar);
    // They sign in again as anyone would.
    await signedIn(user);
  });

  it("after an admin sets a new password: every session of the user ends, not just one", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser("editor");
    const [laptop, phone] = [await signedIn(user), await signedIn(user)];
    const other = await makeUser("editor");
    const bystander = await signedIn(other);
    const { setUserPassword } = await import("@/lib/users/set-user-password");
    await setUserPassword({ actor: asActor(admin), user: { id: user.id }, input: { password: "new-password-for-the-desk" } });
    await expectEnded(laptop);
    await expectEnded(phone);
    expect(await opensNewsroom(bystander)).toBe(true);
    expect((await signInOverHttp(user, { password: user.password })).location).toContain("error=CredentialsSignin");
    await signedIn({ ...user, password: "new-password-for-the-desk" });
  });

  it("has an absolute lifetime from sign-in that renewing the cookie never extends", async () => {
    const user = await makeUser("editor");
    const jar = await signedIn(user);
    const row = await db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(8 * 3600_000);

    // Renewals report, and keep, the expiry the sign-in set.
    const first = await sessionOf(jar);
    const second = await sessionOf(jar);
    expect(Date.parse(first!.expires!)).toBe(row.expiresAt.getTime());
    expect(Date.parse(second!.expires!)).toBe(row.expiresAt.getTime());

    // As if the user signed in 7 h 59 min ago: a minute is left, and renewing does not add to it.
    const oneMinuteLeft = new Date(Date.now() + 60_000);
    await db.session.update({ where: { id: row.id }, data: { createdAt: new Date(oneMinuteLeft.getTime() - 8 * 3600_000), expiresAt: oneMinuteLeft } });
    expect(Date.parse((await sessionOf(jar))!.expires!)).toBe(oneMinuteLeft.getTime());
    expect(await opensNewsroom(jar)).toBe(true);
    expect((await db.session.findUniqueOrThrow({ where: { id: row.id } })).expiresAt.getTime()).toBe(oneMinuteLeft.getTime());

    // And then the 8 hours are up: the renewed cookie is refused like the first.
    await db.session.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expectEnded(jar);
  });

  it("a role change takes effect on the next request, and the session goes on", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser("editor");
    const jar = await signedIn(user);
    await updateUser({ actor: asActor(admin), id: user.id, input: { role: "writer" } });
    expect((await sessionOf(jar))?.user?.role).toBe("writer");
    expect(await opensNewsroom(jar)).toBe(true);
  });
});
