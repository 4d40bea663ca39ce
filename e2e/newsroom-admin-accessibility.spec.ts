import { expect, test } from "@playwright/test";
import { makeStory, makeUser } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";
import { axeViolations } from "@/e2e/fixtures/axe";
import { mediaFixture, uploadMedia } from "@/e2e/fixtures/media";

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

test("the media library, a picture's page and the story's library dialog have no WCAG 2.1 AA violations axe can find", async ({ page }) => {
  const editor = await makeUser("editor");
  const stem = `axe${Date.now().toString(36)}`;
  const upload = await uploadMedia(editor.apiKey, mediaFixture("moscow-embassy.jpg"), `${stem}-embassy.jpg`);
  expect(upload.status).toBe(201);
  await uploadMedia(editor.apiKey, mediaFixture("plain.png"), `${stem}-plain.png`, "image/png");
  const story = await makeStory(editor, { leadImage: { id: upload.body.id } });
  await signInViaApi(page, editor);

  // With a refusal showing beside its file, and the "needs alt text" markers.
  await page.goto(`/admin/media?q=${stem}`);
  await expect(page.getByTestId("media-card")).toHaveCount(2);
  await page.getByLabel("Choose pictures").setInputFiles({ name: `${stem}-notes.jpg`, mimeType: "image/jpeg", buffer: Buffer.from("not a picture") });
  await expect(page.getByTestId("upload-refusal")).toBeVisible({ timeout: 30_000 });
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(`/admin/media/${upload.body.id}`);
  await expect(page.getByRole("slider", { name: "Focal point" })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(`/admin/stories/${story.id}`);
  await page.getByTestId("lead-picture").getByRole("button", { name: "Change picture" }).click();
  await expect(page.getByRole("dialog").getByRole("option").first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
