import { expect, test } from "@playwright/test";
import { api, makeStory, makeUser, unique } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";

test("an editor adds a correction in the editor and readers see it at the foot of the article", async ({ page }) => {
  const editor = await makeUser("editor");
  const story = await makeStory(editor, { headline: unique("Council approves the new budget") });
  await signInViaApi(page, editor);

  // Not offered before the story has been published: there is nothing to correct yet.
  await page.goto(`/admin/stories/${story.id}`);
  await expect(page.getByRole("heading", { name: "Edit story" })).toBeVisible();
  await expect(page.getByLabel("Note for readers")).toHaveCount(0);

  await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
  await page.reload();
  const panel = page.getByTestId("corrections-panel");
  await expect(panel.getByRole("heading", { name: "Add a correction or update" })).toBeVisible();

  // An empty note is refused beside the field.
  await panel.getByRole("button", { name: "Add note" }).click();
  await expect(panel.getByTestId("error-correction-note")).toContainText("Write the note readers will see");

  const note = "An earlier version of this story gave the vote as 31 to 12. It was 31 to 21.";
  await panel.getByLabel("Correction", { exact: true }).check();
  await panel.getByLabel("Note for readers").fill(note);
  await panel.getByRole("button", { name: "Add note" }).click();
  await expect(panel.getByRole("status")).toHaveText("Correction added: readers see it at the foot of the story.");
  await expect(panel.getByTestId("correction-list").getByRole("listitem")).toHaveCount(1);
  await expect(panel.getByTestId("correction-list")).toContainText(note);
  await expect(panel.getByLabel("Note for readers")).toHaveValue("");
  // The editor now holds the story's new version, so the next save is not refused as stale.
  await expect(page.getByText(`version ${story.version + 2}`)).toBeVisible();

  await panel.screenshot({ path: "test-results/screenshots/editor-corrections.png" });
  await page.getByTestId("view-live").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(story.headline);
  const foot = page.getByTestId("corrections");
  await expect(foot.getByRole("heading", { name: "Corrections and updates" })).toBeVisible();
  await expect(foot.getByTestId("correction")).toHaveCount(1);
  await expect(foot.getByTestId("correction")).toContainText("Correction");
  await expect(foot.getByTestId("correction")).toContainText(note);
  await expect(foot.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await page.screenshot({ path: "test-results/screenshots/article-correction.png", fullPage: true });
});
