import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { api, makeStory, makeUser, unique, type ApiStory } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";

// The body editor as an editor uses it on /admin/stories/new: links through a small form, the
// toolbar as one Tab stop, blockquotes without added quotation marks (issue 11).

const mod = process.platform === "darwin" ? "Meta" : "Control";

async function newStory(page: Page) {
  const editor = await makeUser("editor");
  await signInViaApi(page, editor);
  await page.goto("/admin/stories/new");
  await expect(page.getByRole("heading", { name: "New story" })).toBeVisible();
  const body = page.getByTestId("body-editor");
  await expect(body).toBeVisible();
  return body;
}

test("Link with nothing selected asks for the text and the address, and the link is saved", async ({ page }) => {
  const body = await newStory(page);
  const headline = unique("Report on shipping");
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  await body.click();
  await page.keyboard.type("Read ");
  await page.getByRole("button", { name: "Link" }).click();

  const form = page.getByRole("form", { name: "Add link" });
  await expect(form.getByLabel("Text to show")).toBeFocused();
  expect(await new AxeBuilder({ page }).include('[data-testid="link-form"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze().then((r) => r.violations.map((v) => v.id))).toEqual([]);
  await page.keyboard.type("the full report");
  await form.getByLabel("Address").fill("example.org/report");
  await page.getByTestId("link-form").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screenshots/editor-link-form.png" });
  await form.getByLabel("Address").press("Enter");

  await expect(form).toBeHidden();
  const link = body.getByRole("link", { name: "the full report" });
  await expect(link).toHaveAttribute("href", "https://example.org/report");
  // Typing goes on after the link, not inside it.
  await page.keyboard.type(" today.");
  await expect(body).toHaveText("Read the full report today.");
  await expect(body.getByRole("link")).toHaveText("the full report");
  // Enter in the link form applied the link: it did not submit anything (the page is still the
  // new story's; autosave may have given it the story's address).
  await expect(page.getByRole("heading", { name: "New story" })).toBeVisible();

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByTestId("body-editor").getByRole("link", { name: "the full report" })).toHaveAttribute("href", "https://example.org/report");
});

test("Link on selected words asks only for the address and refuses javascript: with a message", async ({ page }) => {
  const body = await newStory(page);
  await body.click();
  await page.keyboard.type("See the minutes");
  await expect(body).toHaveText("See the minutes");
  // Select "minutes" as a user would, with the keyboard.
  for (let i = 0; i < "minutes".length; i++) await page.keyboard.press("Shift+ArrowLeft");
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe("minutes");
  await page.keyboard.press(`${mod}+k`);

  const form = page.getByRole("form", { name: "Add link" });
  await expect(form.getByLabel("Address")).toBeFocused();
  await expect(form.getByLabel("Text to show")).toHaveCount(0);
  await page.keyboard.type("javascript:alert(document.cookie)");
  await form.getByRole("button", { name: "Add link" }).click();
  await expect(form.getByRole("alert")).toHaveText("Only web addresses (http:// or https://) and email addresses (mailto:) can be links.");
  await expect(form.getByLabel("Address")).toHaveAttribute("aria-invalid", "true");
  await expect(body.getByRole("link")).toHaveCount(0);

  await form.getByLabel("Address").fill("ftp://example.org/minutes");
  await form.getByLabel("Address").press("Enter");
  await expect(form.getByRole("alert")).toContainText("Only web addresses");

  await form.getByLabel("Address").fill("https://example.org/minutes");
  await form.getByLabel("Address").press("Enter");
  await expect(body.getByRole("link", { name: "minutes" })).toHaveAttribute("href", "https://example.org/minutes");
  await expect(body).toHaveText("See the minutes");
});

test("editing a link shows its address; Escape closes the form and typing goes on in the body", async ({ page }) => {
  const body = await newStory(page);
  await body.click();
  await page.keyboard.type("Mail ");
  await page.keyboard.press(`${mod}+k`);
  const add = page.getByRole("form", { name: "Add link" });
  await add.getByLabel("Text to show").fill("the desk");
  await add.getByLabel("Address").fill("desk@example.org");
  await add.getByLabel("Address").press("Enter");
  await expect(body.getByRole("link", { name: "the desk" })).toHaveAttribute("href", "mailto:desk@example.org");

  // Back into the link's words, then Link: the form shows the address to edit.
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.getByRole("button", { name: "Link" }).click();
  const edit = page.getByRole("form", { name: "Edit link" });
  await expect(edit.getByLabel("Address")).toHaveValue("mailto:desk@example.org");
  await page.keyboard.press("Escape");
  await expect(edit).toBeHidden();
  await expect(body).toBeFocused();
  await expect(body.getByRole("link")).toHaveAttribute("href", "mailto:desk@example.org");

  await page.keyboard.press(`${mod}+k`);
  await edit.getByLabel("Address").fill("https://example.org/desk");
  await edit.getByLabel("Address").press("Enter");
  await expect(body.getByRole("link", { name: "the desk" })).toHaveAttribute("href", "https://example.org/desk");

  await page.keyboard.press(`${mod}+k`);
  await edit.getByRole("button", { name: "Remove link" }).click();
  await expect(body.getByRole("link")).toHaveCount(0);
  await expect(body).toHaveText("Mail the desk");
});

test("the toolbar is one Tab stop: arrow keys move along it, and Tab comes back to the last button used", async ({ page }) => {
  const body = await newStory(page);
  const toolbar = page.getByRole("toolbar", { name: "Body formatting" });
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);

  await body.click();
  await page.keyboard.press("Shift+Tab");
  await expect(toolbar.getByRole("button", { name: "Paragraph" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(toolbar.getByRole("button", { name: "Heading 3" })).toBeFocused();
  await page.keyboard.press("End");
  await expect(toolbar.getByRole("button", { name: "Picture" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(toolbar.getByRole("button", { name: "Paragraph" })).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(toolbar.getByRole("button", { name: "Bulleted list" })).toBeFocused();

  // One Tab leaves the toolbar for the body; one Shift+Tab comes back to the same button.
  await page.keyboard.press("Tab");
  await expect(body).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(toolbar.getByRole("button", { name: "Bulleted list" })).toBeFocused();
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);
  // And Shift+Tab again leaves the toolbar altogether.
  await page.keyboard.press("Shift+Tab");
  expect(await toolbar.evaluate((element) => element.contains(document.activeElement))).toBe(false);

  // A button pressed with the keyboard works on the body.
  await body.click();
  await page.keyboard.type("Listed");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await expect(body.locator("ul li")).toHaveText("Listed");
});

test("a blockquote in the editor shows its own quotation marks, not doubled ones", async ({ page }) => {
  const body = await newStory(page);
  await body.click();
  await page.getByRole("button", { name: "Quote" }).click();
  await page.keyboard.type("“We will meet again.”");
  const quote = body.locator("blockquote p");
  await expect(quote).toHaveText("“We will meet again.”");
  const added = await quote.evaluate((element) => [getComputedStyle(element, "::before").content, getComputedStyle(element, "::after").content]);
  expect(added).toEqual(["none", "none"]);
});

test("A table from agency copy survives editing: typed text and the <pre> are saved as they are", async ({ page }) => {
  const editor = await makeUser("editor");
  const table = "Standings        P   W  Pts\nHarbour City    27  18   59\nKingsford Utd   27  16   54";
  const story = await makeStory(editor, { body: `<p>Results from the Northern League:</p><pre>${table}</pre><p>More next week.</p>` });
  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${story.id}`);
  const body = page.getByTestId("body-editor");
  await expect(body.locator("pre")).toHaveText(table);
  await body.getByText("More next week.").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Tickets from the club.");
  await page.keyboard.press(`${mod}+s`);
  const saved = () => api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey }).then((r) => r.body.body);
  await expect.poll(saved).toBe(`<p>Results from the Northern League:</p><pre>${table}</pre><p>More next week. Tickets from the club.</p>`);
});
