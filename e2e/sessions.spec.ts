import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { makeUser, type TestUser } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";

/** A browser of its own, signed in as the user (through Auth.js's endpoints). */
async function signedInBrowser(browser: Browser, user: TestUser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signInViaApi(await context.newPage(), user);
  return context;
}

/** Whether this browser's cookies still open the newsroom (a fresh load of /admin). */
async function opensNewsroom(context: BrowserContext): Promise<boolean> {
  const page = await context.newPage();
  await page.goto("/admin");
  const opened = new URL(page.url()).pathname === "/admin";
  await page.close();
  return opened;
}

test("signing in and out through the form stays on the site's address, and the cookie from before the sign-out opens nothing", async ({ page, browser, baseURL }) => {
  const site = new URL(baseURL!).origin;
  const editor = await makeUser("editor");
  await page.goto("/login");
  await page.getByLabel("Email").fill(editor.email);
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toContainText("editor");
  expect(new URL(page.url()).origin).toBe(site);
  expect(new URL(page.url()).pathname).toBe("/admin");

  // Someone copies the session cookie (another browser, a stolen laptop's profile).
  const copied = await browser.newContext();
  await copied.addCookies(await page.context().cookies());
  expect(await opensNewsroom(copied)).toBe(true);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${site}/login`);
  expect(await opensNewsroom(copied)).toBe(false);
  await copied.close();
});

test("changing one's own password signs out everywhere; a weak new one is refused with the reason", async ({ page, browser }) => {
  const writer = await makeUser("writer");
  const elsewhere = await signedInBrowser(browser, writer);
  await signInViaApi(page, writer);
  await page.goto("/admin");
  await page.getByTestId("current-user").click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  await page.getByLabel("Current password").fill(writer.password);
  await page.getByLabel("New password", { exact: true }).fill("a-fresh-and-long-phrase");
  await page.getByLabel("Confirm new password").fill("a-fresh-and-long-phrasf");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("error-new-password-confirm")).toHaveText("The two passwords differ: type the same one twice");
  expect(await opensNewsroom(elsewhere)).toBe(true);

  await page.getByLabel("New password", { exact: true }).fill("aaaaaaaaaa");
  await page.getByLabel("Confirm new password").fill("aaaaaaaaaa");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("error-new-password")).toContainText('Too easy to guess: repeated characters like "aaa" are easy to guess.');
  await expect(page.getByLabel("New password", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("a-fresh-and-long-phrase");
  await page.getByLabel("Confirm new password").fill("a-fresh-and-long-phrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("error-current-password")).toHaveText("That is not your current password");
  expect(await opensNewsroom(elsewhere)).toBe(true);

  await page.getByLabel("Current password").fill(writer.password);
  await page.getByLabel("New password", { exact: true }).fill("a-fresh-and-long-phrase");
  await page.getByLabel("Confirm new password").fill("a-fresh-and-long-phrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is changed and you are signed out everywhere.");
  expect(new URL(page.url()).pathname).toBe("/login");
  expect(await opensNewsroom(elsewhere)).toBe(false);

  await page.getByLabel("Email").fill(writer.email);
  await page.getByLabel("Password").fill("a-fresh-and-long-phrase");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toContainText("writer");
  await elsewhere.close();
});

test("an admin's new password, deactivation and reactivation each leave the user's browser signed out", async ({ page, browser }) => {
  // Three browsers and six loads of the users page, which lists every user: late in a full run,
  // with hundreds of test users, that takes longer than the default 30 s.
  test.setTimeout(90_000);
  // Each change answers with the users page made again.
  const SLOW_PAGE = { timeout: 30_000 };
  const admin = await makeUser("admin");
  const editor = await makeUser("editor");
  let editorBrowser = await signedInBrowser(browser, editor);
  await signInViaApi(page, admin);
  await page.goto("/admin/users");
  const card = page.getByTestId("user-list").getByRole("listitem").filter({ hasText: editor.email });

  await card.getByLabel(`New password for ${editor.email}`, { exact: true }).fill("password123");
  await card.getByLabel(`Confirm new password for ${editor.email}`).fill("password123");
  await card.getByRole("button", { name: "Set password" }).click();
  await expect(card.getByTestId("set-password-error")).toContainText("Too easy to guess: this is a commonly used password.");
  expect(await opensNewsroom(editorBrowser)).toBe(true);

  await card.getByLabel(`New password for ${editor.email}`, { exact: true }).fill("the-desk-gave-me-this-one");
  await card.getByLabel(`Confirm new password for ${editor.email}`).fill("the-desk-gave-me-this-one");
  await card.getByRole("button", { name: "Set password" }).click();
  await expect(card.getByTestId("set-password-saved")).toHaveText(`New password set for ${editor.email}; their sessions have ended.`, SLOW_PAGE);
  expect(await opensNewsroom(editorBrowser)).toBe(false);
  await editorBrowser.close();

  editorBrowser = await signedInBrowser(browser, { ...editor, password: "the-desk-gave-me-this-one" });
  expect(await opensNewsroom(editorBrowser)).toBe(true);
  await card.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("dialog", { name: `Deactivate ${editor.email}?` }).getByRole("button", { name: "Deactivate" }).click();
  await expect(card.getByTestId("access-saved")).toContainText("is deactivated", SLOW_PAGE);
  expect(await opensNewsroom(editorBrowser)).toBe(false);
  await card.getByRole("button", { name: "Reactivate" }).click();
  await expect(card.getByTestId("access-saved")).toHaveText(`Saved: ${editor.email} is an editor.`, SLOW_PAGE);
  expect(await opensNewsroom(editorBrowser)).toBe(false);
  await editorBrowser.close();

  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-entries")).toContainText("set a user's password");
});
