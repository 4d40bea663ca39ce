import { describe, expect, it } from "vitest";
import { baseUrl, makeUser } from "@/e2e/fixtures/factories";
import { request, signInOverHttp, signOutOverHttp } from "@/e2e/fixtures/auth";

// Next answers on a loopback port of its own behind the front server; every address Auth.js sends
// a browser to must be the site's public one (SITE_URL, which the test harness sets to baseUrl).
const site = new URL(baseUrl).origin;
// A relative Location is resolved by the browser against the site's own address: never a leak.
const where = (location: string) => new URL(location, site);

describe("sign-in and sign-out redirects", () => {
  it("go to SITE_URL's origin after a sign-in, a refused one, and a sign-out", async () => {
    const user = await makeUser("editor");
    const ok = await signInOverHttp(user, { password: user.password, callbackUrl: "/admin/tags" });
    expect(where(ok.location).origin).toBe(site);
    expect(where(ok.location).pathname).toBe("/admin/tags");

    const refused = await signInOverHttp(user, { password: "not-the-password", address: "198.51.100.240" });
    expect(where(refused.location).origin).toBe(site);
    expect(where(refused.location).pathname).toBe("/login");
    expect(where(refused.location).searchParams.get("error")).toBe("CredentialsSignin");

    const out = await signOutOverHttp(ok.jar);
    expect(out.headers.get("location")).toBe(`${site}/login`);
  });

  it("ignore the Host a request claims", async () => {
    const user = await makeUser("writer");
    const headers = { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" };
    const { location } = await signInOverHttp(user, { password: user.password, headers });
    expect(where(location).origin).toBe(site);
    const signInPage = where((await request("/api/auth/signin", { headers })).headers.get("location") ?? "");
    expect(signInPage.origin).toBe(site);
    expect(new URL(signInPage.searchParams.get("callbackUrl")!).origin).toBe(site);
  });

  it.each([
    "https://evil.example/admin",
    "//evil.example/admin",
    "/\\evil.example/admin",
    "javascript:alert(1)",
    "http://",
  ])("never leave the site for a callbackUrl of %s", async (callbackUrl) => {
    const user = await makeUser("writer");
    const { location } = await signInOverHttp(user, { password: user.password, callbackUrl });
    expect(where(location).origin).toBe(site);
    expect(location).not.toContain("error");
  });

  it("send a signed-out visitor from the sign-in endpoint to the login page on the site", async () => {
    const response = await request(`/api/auth/signin?callbackUrl=${encodeURIComponent(`${site}/admin/tags`)}`);
    expect(response.status).toBe(302);
    const location = where(response.headers.get("location") ?? "");
    expect(location.origin).toBe(site);
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("callbackUrl")).toBe(`${site}/admin/tags`);
    const login = await request(`${location.pathname}${location.search}`);
    expect(await login.text()).toContain('name="next" value="/admin/tags"');
  });
});
