import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { makeUser, type TestUser } from "@/e2e/fixtures/factories";
import { signInOverHttp } from "@/e2e/fixtures/auth";

// Browsers at addresses of their own (the test harness's front trusts X-Forwarded-For from
// loopback), so the failures here count against nobody else's sign-ins.
const address = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 250)}`;

async function submit(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function strangerGuesses(user: TestUser, from: string) {
  for (let i = 0; i < 10; i++) expect((await signInOverHttp(user, { password: `guess-${i}`, address: from })).location).toContain("error=CredentialsSignin");
  expect((await signInOverHttp(user, { password: user.password, address: from })).location).toContain("code=throttled");
}

test("ten wrong passwords pause that browser's address for the account, not the account for its user", async ({ browser }) => {
  const editor = await makeUser("editor");
  const stranger = await (await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address() } })).newPage();
  await stranger.goto("/login");
  for (let i = 0; i < 10; i++) {
    await submit(stranger, editor.email, `wrong-${i}`);
    await expect(stranger.getByTestId("form-error")).toHaveText("That email and password do not match an active account");
    await expect(stranger.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await submit(stranger, editor.email, editor.password);
  await expect(stranger.getByTestId("form-error")).toHaveText(
    "Too many failed sign-ins for this account from your address. Try again in 15 minutes, or ask an admin to lift the lock.",
  );
  await expect(stranger).toHaveURL(/\/login/);

  // Meanwhile the editor, at their own desk, signs in with their password.
  const desk = await (await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address() } })).newPage();
  await desk.goto("/login");
  await submit(desk, editor.email, editor.password);
  await expect(desk.getByTestId("current-user")).toContainText("editor");
});

test("an admin lifts a sign-in lock from the users page, and it is audited", async ({ browser }) => {
  const admin = await makeUser("admin");
  const writer = await makeUser("writer");
  const from = address();
  await strangerGuesses(writer, from);

  const page = await (await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": address() } })).newPage();
  await page.goto("/login");
  await submit(page, admin.email, admin.password);
  await expect(page.getByTestId("current-user")).toContainText("admin");
  await page.goto("/admin/users");
  const card = page.getByTestId("user-list").getByRole("listitem").filter({ hasText: writer.email });
  await expect(card.getByTestId("sign-in-lock")).toHaveText("Sign-in paused from 1 address: 10 failed sign-ins in the last hour.");
  // No lock, no button, for everyone else.
  await expect(page.getByTestId("user-list").getByRole("listitem").filter({ hasText: admin.email }).getByTestId("sign-in-lock")).toHaveCount(0);
  await card.getByRole("button", { name: "Lift sign-in lock" }).click();
  await expect(card.getByTestId("sign-in-lock-lifted")).toHaveText(`${writer.email} can sign in again.`);

  // The address that was paused may try again (and whoever holds the password gets in).
  expect((await signInOverHttp(writer, { password: writer.password, address: from })).location).not.toContain("error");
  await page.reload();
  await expect(card.getByTestId("sign-in-lock")).toHaveCount(0);
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-entries")).toContainText("lifted a sign-in lock");
});
