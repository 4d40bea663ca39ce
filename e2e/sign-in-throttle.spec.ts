import { expect, test } from "@playwright/test";
import { makeUser } from "@/e2e/fixtures/factories";

// Its own address, so the failures here count against nobody else's sign-ins.
test.use({ extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.77" } });

test("after ten wrong passwords the login form says sign-in is paused, and refuses the right one", async ({ page }) => {
  const editor = await makeUser("editor");
  await page.goto("/login");
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Email").fill(editor.email);
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("form-error")).toHaveText("That email and password do not match an active account");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Too many failed sign-ins for this account or from this address. Try again in 15 minutes.");
  await expect(page).toHaveURL(/\/login/);
});
