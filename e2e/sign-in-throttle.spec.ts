import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { makeUser } from "@/e2e/fixtures/factories";

// Browsers at addresses of their own (the test harness's front trusts X-Forwarded-For from
// loopback), so the failures here count against nobody else's sign-ins.
const address = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 250)}`;

async function submit(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
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
