import { expect, test } from "@playwright/test";
import { api, makeStory, makeUser, unique } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";

// The audit log as an admin reads it (issue 11): sentences ("Priya published “Headline” at …"),
// filters by action, user and day, and no empty filters in the address.

test("the audit log reads as sentences, filtered by action and by day in the newsroom's zone", async ({ page }) => {
  const admin = await makeUser("admin");
  const editor = await makeUser("editor");
  const story = await makeStory(editor, { headline: unique("Audited story") });
  expect((await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey })).status).toBe(200);
  await signInViaApi(page, admin);
  await page.goto(`/admin/audit?action=story.publish&user=${encodeURIComponent(editor.email)}`);
  const entries = page.getByTestId("audit-entries").locator("li");
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText(`published ${story.headline} from draft at`);
  await expect(entries.first().getByRole("link", { name: story.headline })).toHaveAttribute("href", `/admin/stories/${story.id}`);
  // A day with nothing in it, and a range the wrong way round, say so.
  await page.goto(`/admin/audit?action=story.publish&user=${encodeURIComponent(editor.email)}&from=2020-01-01&to=2020-01-02`);
  await expect(page.getByText("No entries.")).toBeVisible();
  await page.goto("/admin/audit?from=2026-12-02&to=2026-12-01");
  await expect(page.getByTestId("audit-error")).toContainText("The last day comes before the first");
  // Empty filters stay out of the address.
  await page.goto("/admin/audit");
  await page.getByLabel("What").selectOption("story.publish");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\/admin\/audit\?action=story\.publish$/);
});
