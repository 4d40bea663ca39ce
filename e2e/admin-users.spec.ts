import { expect, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { api, makeUser } from "@/e2e/fixtures/factories";
import { signInOverHttp, signInViaApi } from "@/e2e/fixtures/auth";

test("an admin adds a user, gives them an API key that works, then revokes it", async ({ page }) => {
  const admin = await makeUser("admin");
  await signInViaApi(page, admin);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Users and API keys" })).toBeVisible();

  const email = `desk-${randomBytes(4).toString("hex")}@test.dateline.local`;
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("editor");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Confirm password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId("error-new-password")).toHaveText("Password must be at least 10 characters");
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(email);
  // Long enough is not enough: the reason comes from zxcvbn's feedback.
  await page.getByLabel("Password", { exact: true }).fill("aaaaaaaaaa");
  await page.getByLabel("Confirm password", { exact: true }).fill("aaaaaaaaaa");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId("error-new-password")).toContainText('Too easy to guess: repeated characters like "aaa" are easy to guess.');
  await page.getByLabel("Password", { exact: true }).fill("x".repeat(100_000));
  await page.getByLabel("Confirm password", { exact: true }).fill("x".repeat(100_000));
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId("error-new-password")).toHaveText("Password must be at most 200 characters");

  await page.getByLabel("Password", { exact: true }).fill("a-long-enough-password");
  await page.getByLabel("Confirm password", { exact: true }).fill("a-long-enough-passwort");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId("error-new-password-confirm")).toHaveText("The two passwords differ: type the same one twice");
  await page.getByLabel("Password", { exact: true }).fill("a-long-enough-password");
  await page.getByLabel("Confirm password", { exact: true }).fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Created" })).toHaveText(`Created ${email} (editor).`);

  const card = page.getByTestId("user-list").getByRole("listitem").filter({ hasText: email });
  await expect(card.getByTestId("last-sign-in")).toHaveText("Last signed in never");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await card.getByRole("button", { name: "New API key" }).click();
  const key = (await card.getByTestId("new-api-key").textContent())!.trim();
  await card.getByRole("button", { name: "Copy" }).click();
  await expect(card.getByText("Copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  // The answer to the last action alone: the "Created" line above has stepped aside.
  await expect(page.getByText(`Created ${email} (editor).`)).toHaveCount(0);
  expect((await api("GET", "/api/v1/stories", { key })).status).toBe(200);

  await page.reload();
  await card.getByRole("button", { name: "Revoke" }).click();
  await expect(card.getByText(/^revoked /)).toBeVisible();
  expect((await api("GET", "/api/v1/stories", { key })).status).toBe(401);

  // Change the role, then deactivate: a new key works until the account is deactivated.
  await card.getByLabel(`Role of ${email}`).selectOption("writer");
  await card.getByRole("button", { name: "Change role" }).click();
  await page.getByRole("dialog", { name: `Make ${email} a writer?` }).getByRole("button", { name: "Change role" }).click();
  await expect(card.getByTestId("access-saved")).toHaveText(`Saved: ${email} is a writer.`);
  await card.getByRole("button", { name: "New API key" }).click();
  const second = (await card.getByTestId("new-api-key").textContent())!.trim();
  expect((await api("GET", "/api/v1/stories", { key: second })).status).toBe(200);
  await card.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("dialog", { name: `Deactivate ${email}?` }).getByRole("button", { name: "Deactivate" }).click();
  await expect(card.getByTestId("access-saved")).toContainText("is deactivated");
  expect((await api("GET", "/api/v1/stories", { key: second })).status).toBe(401);
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-entries")).toContainText("deactivated a user");
  await expect(page.getByTestId("audit-entries")).toContainText("changed a user's role");
});

test("a writer cannot reach user management", async ({ page }) => {
  const writer = await makeUser("writer");
  await signInViaApi(page, writer);
  await page.goto("/admin");
  await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
  await page.goto("/admin/users");
  await expect(page.getByText("Only admins manage users and API keys.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create user" })).toHaveCount(0);
});

test("every user and key action is refused with a message when a writer sends it from an admin's page", async ({ page }) => {
  const admin = await makeUser("admin");
  const writer = await makeUser("writer");
  const target = await makeUser("editor");
  await signInViaApi(page, admin);
  await page.goto("/admin/users");
  const card = page.getByTestId("user-list").getByRole("listitem").filter({ hasText: target.email });
  await expect(card.getByRole("button", { name: "Revoke" })).toBeVisible();

  // The page stays as the admin saw it; the browser's session is now the writer's.
  await page.context().clearCookies();
  await signInViaApi(page, writer);

  await card.getByRole("button", { name: "Revoke" }).click();
  await expect(card.getByTestId("revoke-error")).toHaveText("Only admins may manage API keys; you are signed in as a writer.");
  await card.getByRole("button", { name: "Change role" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Change role" }).click();
  await expect(card.getByTestId("access-error")).toHaveText("Only admins may manage users; you are signed in as a writer.");
  await card.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(card.getByTestId("access-error")).toHaveText("Only admins may manage users; you are signed in as a writer.");
  await card.getByLabel(`New password for ${target.email}`, { exact: true }).fill("a-writer-picked-this-one");
  await card.getByLabel(`Confirm new password for ${target.email}`).fill("a-writer-picked-this-one");
  await card.getByRole("button", { name: "Set password" }).click();
  await expect(card.getByTestId("set-password-error")).toHaveText("Only admins may manage users; you are signed in as a writer.");
  await card.getByRole("button", { name: "New API key" }).click();
  await expect(card.getByTestId("api-key-error")).toHaveText("Only admins may manage API keys; you are signed in as a writer.");
  await page.getByLabel("Email", { exact: true }).fill(`writer-made-${randomBytes(4).toString("hex")}@test.dateline.local`);
  await page.getByLabel("Password", { exact: true }).fill("a-writer-picked-this-one");
  await page.getByLabel("Confirm password", { exact: true }).fill("a-writer-picked-this-one");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Only admins may manage users; you are signed in as a writer.");

  // Nothing changed: the target's key works, they are still an editor, and can still sign in.
  expect((await api("GET", "/api/v1/stories", { key: target.apiKey })).status).toBe(200);
  const signedIn = await signInOverHttp(target, { password: target.password });
  expect(signedIn.location).not.toContain("error");
});

test("each user shows when they last signed in, in the newsroom's time", async ({ page }) => {
  const admin = await makeUser("admin");
  const editor = await makeUser("editor");
  await signInOverHttp(editor, { password: editor.password });
  await signInViaApi(page, admin);
  await page.goto("/admin/users");
  const card = page.getByTestId("user-list").getByRole("listitem").filter({ hasText: editor.email });
  // "1 Dec 2026, 23:40 IST": a day, a time and the newsroom zone's name.
  await expect(card.getByTestId("last-sign-in")).toHaveText(/^Last signed in \d{1,2} \w{3} \d{4}, \d{2}:\d{2} [A-Z+\d:-]+$/);
});
