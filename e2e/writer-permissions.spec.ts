import { expect, test } from "@playwright/test";
import { api, getPage, makeStory, makeUser, type ApiStory } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";

test("a writer sees no publish button and is refused when posting a publish anyway", async ({ page, baseURL }) => {
  const writer = await makeUser("writer");
  const story = await makeStory(writer);
  await signInViaApi(page, writer);

  await page.goto(`/admin/stories/${story.id}`);
  await expect(page.getByRole("heading", { name: "Edit story" })).toBeVisible();
  await expect(page.getByLabel("Headline")).toHaveValue(story.headline);
  await expect(page.getByRole("button", { name: "Save" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);

  // Posting anyway, with the writer's own session, is refused on the server.
  const refused = await page.request.post(`/api/v1/stories/${story.id}/publish`, { headers: { Origin: baseURL! }, data: {} });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("forbidden");

  const stored = await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: writer.apiKey });
  expect(stored.body.status).toBe("draft");
  expect((await getPage(`/stories/${story.slug}`)).status).toBe(404);
});

test("a cookie-authenticated write from another site is refused", async ({ page }) => {
  const editor = await makeUser("editor");
  const story = await makeStory(editor);
  await signInViaApi(page, editor);
  const response = await page.request.post(`/api/v1/stories/${story.id}/publish`, { headers: { Origin: "https://evil.example" }, data: {} });
  expect(response.status()).toBe(403);
  expect((await getPage(`/stories/${story.slug}`)).status).toBe(404);
});

test("a writer submits a draft for review; an editor kills a published story after confirming", async ({ browser }) => {
  const writer = await makeUser("writer");
  const editor = await makeUser("editor");
  const story = await makeStory(writer);

  const writerPage = await (await browser.newContext()).newPage();
  await signInViaApi(writerPage, writer);
  await writerPage.goto(`/admin/stories/${story.id}`);
  await writerPage.getByRole("button", { name: "Submit for review" }).click();
  await expect(writerPage.getByRole("status")).toHaveText("Submitted for review: an editor will publish it.");
  await expect(writerPage.getByTestId("status")).toHaveText("in review");
  await expect(writerPage.getByRole("button", { name: "Kill" })).toHaveCount(0);

  const editorPage = await (await browser.newContext()).newPage();
  await signInViaApi(editorPage, editor);
  await editorPage.goto(`/admin/stories/${story.id}`);
  await editorPage.getByRole("button", { name: "Publish" }).click();
  await expect(editorPage.getByTestId("status")).toHaveText("published");
  expect((await getPage(`/stories/${story.slug}`)).status).toBe(200);

  await editorPage.getByRole("button", { name: "Kill", exact: true }).click();
  await editorPage.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(editorPage.getByTestId("status")).toHaveText("published");
  await editorPage.getByRole("button", { name: "Kill", exact: true }).click();
  await editorPage.getByRole("dialog").getByRole("button", { name: "Kill the story" }).click();
  await expect(editorPage.getByTestId("status")).toHaveText("killed");
  expect((await getPage(`/stories/${story.slug}`)).status).not.toBe(200);
  expect((await getPage("/feed.xml")).text).not.toContain(`/stories/${story.slug}<`);
});
