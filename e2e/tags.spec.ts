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
  // The tag to keep is picked by its name from suggestions, not typed as a slug.
  const merge = renamed.getByLabel(`Merge ${token} New name into`);
  await merge.fill(`${token} Tar`);
  await expect(renamed.getByTestId("merge-suggestions").locator("option")).toHaveCount(1);
  // Half a name is no tag: nothing is asked, the form says what to do.
  await renamed.getByRole("button", { name: "Merge into" }).click();
  await expect(renamed.getByTestId("tag-form-error")).toHaveText("Pick the tag to keep from the suggestions as you type its name.");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await merge.fill(`${token} Target (topic)`);
  await renamed.getByRole("button", { name: "Merge into" }).click();
  const dialog = page.getByRole("dialog", { name: `Merge “${token} New name” into “${token} Target”?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByTestId("tag-notice")).toHaveText(new RegExp(`^Merged “${token} New name” into “${token} Target”`));
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

test("an editor changes a tag's type and deletes an unused tag; a used one is refused with a sentence; both are audited", async ({ page }) => {
  const editor = await makeUser("editor");
  const admin = await makeUser("admin");
  const token = `Zt${randomBytes(4).toString("hex")}`;
  const story = await makeStory(editor, { tags: [`${token} Georgia`] });
  await signInViaApi(page, editor);
  await page.goto(`/admin/tags?q=${token}`);
  const row = page.getByTestId("tag-row").filter({ hasText: `${token} Georgia` });
  await expect(row).toContainText("topic");
  await row.getByLabel(`Type of ${token} Georgia`).selectOption("place");
  await row.getByRole("button", { name: "Change type" }).click();
  await expect(row.getByRole("status")).toHaveText(`“${token} Georgia” is now a place.`);
  await page.reload();
  await expect(row.getByLabel(`Type of ${token} Georgia`)).toHaveValue("place");

  // The story lets go of the tag: it can be deleted now, and the button is offered.
  const untagged = await api("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { tags: [], version: story.version } });
  expect(untagged.status).toBe(200);
  await page.reload();
  const remove = row.getByRole("button", { name: `Delete ${token} Georgia` });
  await remove.click();
  const dialog = page.getByRole("dialog", { name: `Delete the tag “${token} Georgia”?` });
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(row).toHaveCount(1);

  // Meanwhile someone tags a story with it again: the delete is refused, in a sentence.
  const retagged = await api<{ version: number }>("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { tags: [{ name: `${token} Georgia`, type: "place" }], version: (untagged.body as { version: number }).version } });
  expect(retagged.status).toBe(200);
  await remove.click();
  await dialog.getByRole("button", { name: "Delete tag" }).click();
  await expect(row.getByTestId("tag-form-error")).toHaveText(`“${token} Georgia” is on a story, so it cannot be deleted: merge it into another tag instead.`);

  await api("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { tags: [], version: retagged.body.version } });
  await remove.click();
  await dialog.getByRole("button", { name: "Delete tag" }).click();
  await expect(page.getByTestId("tag-notice")).toHaveText(`Deleted the tag “${token} Georgia”.`);
  await expect(row).toHaveCount(0);

  await page.context().clearCookies();
  await signInViaApi(page, admin);
  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-entries")).toContainText(`changed a tag's type “${token} Georgia” from topic to place`);
  await expect(page.getByTestId("audit-entries")).toContainText(`deleted a tag “${token} Georgia” (place)`);
});
