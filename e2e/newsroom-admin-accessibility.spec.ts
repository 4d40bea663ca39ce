import { expect, test } from "@playwright/test";
import { makeStory, makeUser } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";
import { axeViolations } from "@/e2e/fixtures/axe";

test("the tags and users pages, with their new controls and dialogs, have no WCAG 2.1 AA violations axe can find", async ({ page }) => {
  // The users page lists every user the suite has made (hundreds by now), and axe reads it whole three times.
  test.slow();
  const admin = await makeUser("admin");
  await makeUser("writer");
  const story = await makeStory(admin, { tags: [`Axe check ${Date.now()}`] });
  await signInViaApi(page, admin);

  await page.goto(`/admin/tags?q=${encodeURIComponent(story.tags[0].name)}`);
  await expect(page.getByTestId("tag-row")).toHaveCount(1);
  expect(await axeViolations(page)).toEqual([]);

  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Users and API keys" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Change role" }).first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test("the newsroom's phone menu, open, has no WCAG 2.1 AA violations axe can find", async ({ browser }) => {
  const editor = await makeUser("editor");
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signInViaApi(page, editor);
  await page.goto("/admin/account");
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Tags" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await context.close();
});
