import { expect, test, type Page } from "@playwright/test";
import { makeUser, type TestUser } from "@/e2e/fixtures/factories";

async function signInWithForm(page: Page, user: TestUser) {
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a newsroom address opened while signed out is where signing in leads, query and all", async ({ page, baseURL }) => {
  const editor = await makeUser("editor");
  await page.goto("/admin/tags?q=russ");
  await expect(page).toHaveURL(`${baseURL}/login?callbackUrl=${encodeURIComponent("/admin/tags?q=russ")}`);
  await signInWithForm(page, editor);
  await expect(page).toHaveURL(`${baseURL}/admin/tags?q=russ`);
  await expect(page.getByLabel("Name starts with")).toHaveValue("russ");

  // Signed in already, the login page sends the visitor on to the address too.
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/admin/account")}`);
  await expect(page).toHaveURL(`${baseURL}/admin/account`);
});

test("signing in never leads off the site or out of the newsroom, whatever the address says", async ({ page, baseURL }) => {
  const editor = await makeUser("editor");
  for (const target of ["https://evil.example/admin", "//evil.example/admin", "/\\evil.example/admin", "javascript:alert(1)", "/stories/anything", "/administrator"]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(target)}`);
    await signInWithForm(page, editor);
    await expect(page, `after ${target}`).toHaveURL(`${baseURL}/admin`);
  }
});
