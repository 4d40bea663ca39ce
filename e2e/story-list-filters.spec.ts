import { expect, test } from "@playwright/test";
import { api, makeStory, makeUser, unique, type ApiStory } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";

test("an editor narrows the story list by tag, then by author, and sees who last changed each story", async ({ page }) => {
  const [amir, bela, editor] = await Promise.all([makeUser("writer"), makeUser("writer"), makeUser("editor")]);
  const tag = unique("Monsoon desk");
  const amirs = await makeStory(amir, { headline: unique("Rain arrives early in Kerala"), tags: [tag] });
  const belas = (await makeStory(bela, { headline: unique("Reservoirs fill across the south"), tags: [tag] })) as ApiStory & { createdBy: { name: string } };
  const untagged = await makeStory(bela, { headline: unique("Budget talks resume") });
  await api("POST", `/api/v1/stories/${amirs.id}/publish`, { key: editor.apiKey });
  const tagSlug = amirs.tags[0].slug;

  await signInViaApi(page, editor);
  await page.goto("/admin");
  const rows = page.getByTestId("admin-story-list").getByRole("row");

  // The tag field suggests tags by name as the editor types.
  await page.getByLabel("Tag", { exact: true }).fill(tag.split(" ").slice(-1)[0]);
  await expect(page.getByTestId("tag-filter-suggestions").locator(`option[value="${tagSlug}"]`)).toHaveAttribute("label", `${tag} (topic)`);
  await page.getByLabel("Tag", { exact: true }).fill(tagSlug);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`tag=${tagSlug}`));
  // Most recently changed first: Amir's story was published after Bela's was written.
  await expect(rows.getByRole("link")).toHaveText([amirs.headline, belas.headline]);
  await expect(page.getByRole("link", { name: untagged.headline })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screenshots/story-list-filtered.png", fullPage: true });

  // Amir's story was published by the editor: the last change is the editor's, in newsroom time.
  const amirsRow = rows.filter({ hasText: amirs.headline });
  await expect(amirsRow.getByTestId("last-change")).toContainText(/Test editor \w+/);
  await expect(amirsRow.getByTestId("last-change").locator("time")).toHaveText(/^\d{1,2} \w{3,4} \d{4}, \d{2}:\d{2} [A-Z]{2,5}([+-]\d{1,2}(:\d{2})?)?$/);

  await page.getByLabel("Author").selectOption({ label: `${belas.createdBy.name} (writer)` });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(rows.getByRole("link")).toHaveText([belas.headline]);
  await expect(page.getByLabel("Tag", { exact: true })).toHaveValue(tagSlug);

  // A range that ends before it starts is refused with the reason.
  await page.getByLabel("Changed from").fill("2024-03-31");
  await page.getByLabel("Changed to").fill("2024-03-01");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("Changed to: The last day comes before the first")).toBeVisible();

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/admin$/);
});
