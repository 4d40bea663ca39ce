import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { api, makeStory, makeUser } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";

test("an editor renames a tag and merges it into another; the old tag address leads to the survivor", async ({ page }) => {
  const editor = await makeUser("editor");
  const token = `Zq${randomBytes(4).toString("hex")}`;
  const [first, second] = [await makeStory(editor, { tags: [`${token} Old name`] }), await makeStory(editor, { tags: [`${token} Target`] })];
  for (const story of [first, second]) await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
  await signInViaApi(page, editor);

  await page.goto("/admin");
  await page.getByRole("link", { name: "Tags", exact: true }).click();
  await page.getByLabel("Name starts with").fill(token);
  await page.getByRole("button", { name: "Search" }).click();
  const rows = page.getByTestId("tag-row");
  await expect(rows).toHaveCount(2);

  const old = rows.filter({ hasText: `${token} Old name` });
  await old.getByLabel(`New name for ${token} Old name`).fill(`${token} New name`);
  await old.getByRole("button", { name: "Rename" }).click();
  const renamed = rows.filter({ hasText: `${token} New name` });
  await expect(renamed.getByRole("status")).toContainText(`Renamed to “${token} New name”`);
  await expect(renamed.getByRole("link", { name: `${token.toLowerCase()}-new-name` })).toBeVisible();

  await page.screenshot({ path: "test-results/screenshots/admin-tags.png", fullPage: true });
  page.once("dialog", (dialog) => dialog.accept());
  await renamed.getByLabel(`Merge ${token} New name into (slug of the tag to keep)`).fill(second.tags[0].slug);
  await renamed.getByRole("button", { name: "Merge into" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(`${token} Target`);
  await expect(rows).toContainText(`also: ${token} New name`);
  await expect(rows.getByRole("cell").nth(1)).toHaveText("2");

  // A reader following an old link lands on the surviving tag, with both stories.
  await page.goto(`/tags/${first.tags[0].slug}`);
  await expect(page).toHaveURL(new RegExp(`/tags/${second.tags[0].slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${token} Target`);
  await expect(page.getByTestId("story-list").getByRole("link", { name: first.headline })).toBeVisible();
  await expect(page.getByTestId("story-list").getByRole("link", { name: second.headline })).toBeVisible();
});
