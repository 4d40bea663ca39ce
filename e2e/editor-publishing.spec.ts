import { expect, test } from "@playwright/test";
import Parser from "rss-parser";
import { makeStory, makeUser, unique } from "@/e2e/fixtures/factories";

test("an editor writes a story with two new tags, publishes it, and readers find it everywhere", async ({ page, baseURL }) => {
  const editor = await makeUser("editor");
  const headline = unique("Ministers agree on new trade corridor");
  const personTag = unique("Anita Desai");
  const topicTag = unique("Trade corridors");
  // An organisation tag that already exists, for the field to suggest.
  const existingWord = `Eurasiancorp${Date.now()}`;
  await makeStory(editor, { tags: [{ name: `${existingWord} Union`, type: "organisation" }] });

  // Sign in through the form, as an editor would.
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(editor.email);
  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Stories" })).toBeVisible();

  await page.getByRole("link", { name: "New story" }).first().click();
  await expect(page.getByRole("heading", { name: "New story" })).toBeVisible();
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  await page.getByLabel("Standfirst").fill("The corridor cuts shipping time by a third.");
  await page.getByLabel("Location").fill("Moscow");
  await page.getByLabel("Country").fill("Russia");
  await page.getByLabel("Date", { exact: true }).fill("2023-12-27");
  await page.getByLabel("Agency").fill("ANI");
  await page.getByLabel("Byline").fill("Staff Reporter");

  const body = page.getByTestId("body-editor");
  await body.click();
  await page.keyboard.type("Ministers from both countries signed the agreement on Wednesday.");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Bold" }).click();
  await page.keyboard.type("It takes effect next year.");

  const tagInput = page.getByTestId("tag-input");
  await page.getByRole("combobox", { name: "New tag type" }).selectOption("person");
  await tagInput.fill(personTag);
  await page.getByTestId("create-tag-option").click();
  await page.getByRole("combobox", { name: "New tag type" }).selectOption("topic");
  await tagInput.fill(topicTag);
  await tagInput.press("Enter");
  await tagInput.fill(existingWord.slice(0, 14).toLowerCase());
  await page.getByRole("listbox", { name: "Tag suggestions" }).getByRole("option", { name: new RegExp(`${existingWord} Union`) }).click();
  await expect(page.getByTestId("tag-chip")).toHaveCount(3);
  await expect(page.getByTestId("tag-chip").nth(2)).toContainText("organisation");

  await page.screenshot({ path: "test-results/screenshots/editor.png", fullPage: true });
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByTestId("status")).toHaveText("draft");

  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status")).toHaveText("Published.");
  await expect(page.getByTestId("status")).toHaveText("published");

  // A reader finds it from the home page.
  await page.goto("/");
  await page.getByRole("link", { name: headline }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(page.getByTestId("dateline")).toHaveText("MOSCOW, Dec 27 (ANI) –");
  await expect(page.locator("article strong")).toHaveText("It takes effect next year.");
  await expect(page.locator("article time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/stories/`));
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd["@type"]).toBe("NewsArticle");
  expect(jsonLd.headline).toBe(headline);
  await page.screenshot({ path: "test-results/screenshots/article.png", fullPage: true });
  const articleUrl = page.url();

  // …and from its tag page.
  await page.getByRole("link", { name: personTag }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(personTag);
  await expect(page.getByText("Person", { exact: true })).toBeVisible();
  await expect(page.getByTestId("story-list").getByRole("link")).toHaveText([headline]);
  await page.getByRole("link", { name: headline }).click();
  await expect(page).toHaveURL(articleUrl);

  // The feed lists it.
  const feed = await new Parser().parseString(await (await page.request.get("/feed.xml")).text());
  expect(feed.items.map((item) => item.link)).toContain(`${baseURL}${new URL(articleUrl).pathname}`);
});

test("a refused save shows the failing fields and keeps what was typed", async ({ page }) => {
  const writer = await makeUser("writer");
  await page.goto("/login");
  await page.getByLabel("Email").fill(writer.email);
  await page.getByLabel("Password").fill(writer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Stories" })).toBeVisible();
  await page.goto("/admin/stories/new");
  await page.getByLabel("Standfirst").fill("Kept standfirst");
  await page.getByLabel("Slug").fill("Not A Slug!");
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page.getByTestId("error-headline")).toHaveText("Headline is required");
  await expect(page.getByTestId("error-body")).toHaveText("Body is required");
  await expect(page.getByTestId("error-slug")).toContainText("lower-case letters");
  await expect(page.getByLabel("Standfirst")).toHaveValue("Kept standfirst");
  await expect(page.getByLabel("Slug")).toHaveValue("Not A Slug!");
  await expect(page.getByLabel("Headline")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/admin\/stories\/new$/);
});

test("a wrong password is refused with a message, and signing out ends the session", async ({ page }) => {
  const editor = await makeUser("editor");
  await page.goto("/login");
  await page.getByLabel("Email").fill(editor.email);
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("That email and password do not match an active account");
  await expect(page.getByLabel("Email")).toHaveValue(editor.email);

  await page.getByLabel("Password").fill(editor.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toContainText("editor");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});
