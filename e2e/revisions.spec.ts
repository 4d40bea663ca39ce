import { expect, test, type Browser } from "@playwright/test";
import { api, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";

const nameOf = (user: TestUser) => `Test ${user.role} ${user.email.split("@")[0].split("-")[1]}`;

async function signedInPage(browser: Browser, user: TestUser) {
  const page = await (await browser.newContext()).newPage();
  await signInViaApi(page, user);
  return page;
}

test("of two editors saving the same story, the second is refused, keeps what they typed and can compare the other change", async ({ browser }) => {
  const [first, second] = [await makeUser("editor"), await makeUser("editor")];
  const story = await makeStory(first, { headline: unique("Flood waters rise in the delta") });
  const firstPage = await signedInPage(browser, first);
  const secondPage = await signedInPage(browser, second);
  await firstPage.goto(`/admin/stories/${story.id}`);
  await secondPage.goto(`/admin/stories/${story.id}`);

  // The second editor types while cut off (so neither autosave nor the pushed change gets
  // through), the first saves meanwhile, and the second saves once back.
  await secondPage.context().setOffline(true);
  await secondPage.getByLabel("Headline", { exact: true }).fill("Flood waters rise again in the delta");
  await secondPage.getByLabel("Standfirst").fill("Second editor's standfirst");

  await firstPage.getByLabel("Headline", { exact: true }).fill("Flood waters recede in the delta");
  await firstPage.getByRole("button", { name: "Save", exact: true }).click();
  await expect(firstPage.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await secondPage.context().setOffline(false);
  await secondPage.getByRole("button", { name: "Save", exact: true }).click();

  const error = secondPage.getByTestId("form-error");
  await expect(error).toContainText(`${nameOf(first)} saved this story since you opened it (version 2, `);
  await expect(error).toContainText("Nothing of yours is lost");
  await expect(secondPage.getByLabel("Headline", { exact: true })).toHaveValue("Flood waters rise again in the delta");
  await expect(secondPage.getByLabel("Standfirst")).toHaveValue("Second editor's standfirst");
  await secondPage.screenshot({ path: "test-results/screenshots/stale-save.png", fullPage: true });

  const link = secondPage.getByTestId("other-change-link");
  await expect(link).toHaveAttribute("href", `/admin/stories/${story.id}/revisions?from=1&to=2`);
  const comparison = await (await browser.newContext({ storageState: await secondPage.context().storageState() })).newPage();
  await comparison.goto((await link.getAttribute("href"))!);
  await expect(comparison.getByRole("heading", { name: "Changes from version 1 to version 2" })).toBeVisible();
  const diff = comparison.getByTestId("diff-headline");
  await expect(diff.locator("ins", { hasText: "recede" })).toBeVisible();

  const stored = await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: first.apiKey });
  expect(stored.body.headline).toBe("Flood waters recede in the delta");
});

test("an editor compares two versions and restores the older one", async ({ page }) => {
  const editor = await makeUser("editor");
  const original = unique("Council approves the harbour budget");
  const story = await makeStory(editor, { headline: original, body: "<p>The council voted nine to two.</p>" });
  await api("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: 1, headline: unique("Council delays the harbour budget") } });
  await api("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: 2, body: "<p>The council voted nine to two.</p><p>A new vote is due in May.</p>" } });
  await signInViaApi(page, editor);

  await page.goto(`/admin/stories/${story.id}`);
  await page.getByRole("link", { name: "Revisions" }).click();
  await expect(page.getByRole("heading", { name: "Revisions", level: 1 })).toBeVisible();
  await expect(page.getByTestId("revision")).toHaveCount(3);
  await expect(page.getByTestId("revision").nth(1)).toContainText("headline");
  await expect(page.getByTestId("revision").nth(2)).toContainText("created");

  await page.getByLabel("Compare from version 1").check();
  await page.getByLabel("Compare to version 3").check();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("heading", { name: "Changes from version 1 to version 3" })).toBeVisible();
  await expect(page.getByTestId("diff-headline").locator("del", { hasText: "approves" })).toBeVisible();
  await expect(page.getByTestId("diff-headline").locator("ins", { hasText: "delays" })).toBeVisible();
  await expect(page.getByTestId("diff-body").locator("ins")).toContainText("A new vote is due in May.");
  await expect(page.getByTestId("diff-body")).not.toContainText("<p>");
  await page.screenshot({ path: "test-results/screenshots/revisions.png", fullPage: true });

  await page.getByRole("button", { name: "Restore version 1" }).click();
  await expect(page.getByRole("status")).toHaveText("Restored an earlier version: it is saved as a new version.");
  await expect(page.getByLabel("Headline", { exact: true })).toHaveValue(original);
  await expect(page.getByText("version 4 ·")).toBeVisible();

  await page.getByRole("link", { name: "Revisions" }).click();
  await expect(page.getByTestId("revision").first()).toContainText("headline, body");
});

test("an editor saves changes to a live story as a draft: readers see them only once published", async ({ page }) => {
  const editor = await makeUser("editor");
  const story = await makeStory(editor, { headline: unique("Bridge reopens after repairs") });
  await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
  const changed = unique("Bridge reopens two weeks early");
  await signInViaApi(page, editor);

  await page.goto(`/admin/stories/${story.id}`);
  await page.getByLabel("Headline", { exact: true }).fill(changed);
  await page.getByRole("button", { name: "Save as draft of changes" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved as a draft of changes: readers still see the live version.");
  await expect(page.getByTestId("draft-banner")).toContainText(`Unpublished changes saved by ${nameOf(editor)} at `);
  await expect(page.getByTestId("draft-banner")).toContainText("readers see the live version");
  await expect(page.getByLabel("Headline", { exact: true })).toHaveValue(changed);
  expect((await getPage(`/stories/${story.slug}`)).text).toContain(story.headline);
  expect((await getPage(`/stories/${story.slug}`)).text).not.toContain(changed);

  await page.getByRole("link", { name: "Compare with the live version" }).click();
  await expect(page.getByRole("heading", { name: "Changes from version 2 to the draft of changes" })).toBeVisible();
  await expect(page.getByTestId("diff-headline").locator("ins", { hasText: "two weeks early" })).toBeVisible();
  await page.goto(`/admin/stories/${story.id}`);

  await page.getByRole("button", { name: "Publish changes" }).click();
  await expect(page.getByRole("status")).toHaveText("Published the changes.");
  await expect(page.getByTestId("draft-banner")).toHaveCount(0);
  await expect(page.getByLabel("Headline", { exact: true })).toHaveValue(changed);
  expect((await getPage(`/stories/${story.slug}`)).text).toContain(changed);
});
