import { expect, test } from "@playwright/test";
import { api, makeStory, makeUser, unique } from "@/e2e/fixtures/factories";

// A quotation in copy carries its own quotation marks; the typography plugin's added ones doubled
// them (““…””) on articles and in the editor (issue 11).

test("a blockquote on an article shows its own quotation marks, not doubled ones", async ({ page }) => {
  const editor = await makeUser("editor");
  const story = await makeStory(editor, { headline: unique("Quoted"), body: "<p>He said:</p><blockquote><p>“We will meet again.”</p></blockquote>" });
  expect((await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey })).status).toBe(200);
  await page.goto(`/stories/${story.slug}`);
  const quote = page.locator("article blockquote p");
  await expect(quote).toHaveText("“We will meet again.”");
  const added = await quote.evaluate((element) => [getComputedStyle(element, "::before").content, getComputedStyle(element, "::after").content]);
  expect(added).toEqual(["none", "none"]);
});
