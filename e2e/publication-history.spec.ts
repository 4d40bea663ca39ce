import { expect, test } from "@playwright/test";
import { api, makeStory, makeUser, unique } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";

// What a reader sees of a story's history: published days ago, taken down and published again, it
// is still where it was on the home page and its tag page, under its first publication time; a
// correction adds "Updated …" under that time and moves the article's dateModified.

const DAY = 86_400_000;
const NEWSROOM_TIME = /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} [A-Z+0-9]+$/;

test("republished, an old story keeps its place and date; a correction shows as Updated", async ({ page, browser }) => {
  const editor = await makeUser("editor");
  const tag = unique("Harbour works");
  const old = await makeStory(editor, { headline: unique("Harbour dredging begins"), tags: [{ name: tag, type: "topic" }] });
  const daysAgo = new Date(Date.now() - 3 * DAY).toISOString();
  const key = editor.apiKey;
  expect((await api("POST", `/api/v1/stories/${old.id}/publish`, { key, body: { at: daysAgo } })).status).toBe(200);
  const recent = await makeStory(editor, { headline: unique("Harbour board meets"), tags: [{ name: tag, type: "topic" }] });
  expect((await api("POST", `/api/v1/stories/${recent.id}/publish`, { key })).status).toBe(200);
  expect((await api("POST", `/api/v1/stories/${old.id}/unpublish`, { key })).status).toBe(200);
  expect((await api("POST", `/api/v1/stories/${old.id}/publish`, { key })).status).toBe(200);

  // A reader, signed out, in a browser of their own.
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  const tagSlug = old.tags[0].slug;
  await expect(async () => {
    await reader.goto(`/tags/${tagSlug}`);
    await expect(reader.getByTestId("story-list").getByRole("heading")).toHaveText([recent.headline, old.headline], { timeout: 1000 });
  }).toPass();
  const oldItem = reader.getByTestId("story-list").getByRole("listitem").filter({ hasText: old.headline });
  await expect(oldItem.locator("time")).toHaveAttribute("datetime", daysAgo);
  await expect(oldItem.getByTestId("list-updated")).toHaveCount(0);

  // On the home page it is below the story published after it, if it is on the first page at all.
  await reader.goto("/");
  const headlines = await reader.getByTestId("story-list").getByRole("heading").allTextContents();
  expect(headlines).toContain(recent.headline);
  if (headlines.includes(old.headline)) expect(headlines.indexOf(old.headline)).toBeGreaterThan(headlines.indexOf(recent.headline));

  await reader.goto(`/stories/${old.slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(old.headline);
  await expect(reader.getByTestId("published-time").locator("time")).toHaveAttribute("datetime", daysAgo);
  await expect(reader.getByTestId("published-time")).toHaveText(NEWSROOM_TIME);
  await expect(reader.getByTestId("updated-time")).toHaveCount(0);

  // The editor adds an update note in the newsroom.
  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${old.id}`);
  const panel = page.getByTestId("corrections-panel");
  await panel.getByLabel("Update", { exact: true }).check();
  await panel.getByLabel("Note for readers").fill("Dredging was paused for two days by the storm.");
  await panel.getByRole("button", { name: "Add note" }).click();
  await expect(panel.getByRole("status")).toContainText("readers see it");

  // The reader's next look: "Updated …" under the first publication time, and in the page's data.
  await expect(async () => {
    await reader.reload();
    await expect(reader.getByTestId("updated-time")).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(reader.getByTestId("updated-time")).toHaveText(/^Updated \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} [A-Z+0-9]+$/);
  await expect(reader.getByTestId("published-time").locator("time")).toHaveAttribute("datetime", daysAgo);
  const updatedAt = await reader.getByTestId("updated-time").locator("time").getAttribute("datetime");
  expect(Date.parse(updatedAt!)).toBeGreaterThan(Date.now() - 60_000);
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({ datePublished: daysAgo, dateModified: updatedAt });
  await reader.screenshot({ path: "test-results/screenshots/article-updated.png", fullPage: true });

  // Still in its place on the tag page, now saying it was updated.
  await reader.goto(`/tags/${tagSlug}`);
  await expect(reader.getByTestId("story-list").getByRole("heading")).toHaveText([recent.headline, old.headline]);
  await expect(oldItem.getByTestId("list-updated")).toContainText("Updated");
  await readerContext.close();
});
