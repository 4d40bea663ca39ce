import { expect, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { makeUser } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";

// Several files dropped on "New from wire" at once (issue 11): the summary links to each draft it
// made, and a folder's README comes along as no copy, skipped.

test("dropping several files makes a draft of each piece of copy, links to them, and skips the README", async ({ page }) => {
  const editor = await makeUser("editor");
  await signInViaApi(page, editor);
  await page.goto("/admin/wire/new");
  const marker = randomBytes(4).toString("hex");
  const copy = (city: string) => `${city.toUpperCase()}, Dec 1 (PTI) The ${city} port reopened on Monday after repairs (${marker}).\n\nShips queued overnight.`;
  await page.getByLabel("Choose wire files").setInputFiles([
    { name: "pti-kochi.txt", mimeType: "text/plain", buffer: Buffer.from(copy("Kochi")) },
    { name: "pti-chennai.txt", mimeType: "text/plain", buffer: Buffer.from(copy("Chennai")) },
    { name: "README.md", mimeType: "text/markdown", buffer: Buffer.from("# The agency's feed\n\nFiles arrive here every minute.") },
  ]);
  const summary = page.getByTestId("bulk-summary");
  await expect(summary).toContainText("created 2");
  await expect(summary).toContainText("skipped 1");
  const items = summary.getByTestId("bulk-items");
  await expect(items).toContainText("README.md: not wire copy (a documentation file), skipped");
  const link = items.getByRole("link", { name: /Kochi port reopened/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByRole("heading", { name: "Edit story" })).toBeVisible();
  await expect(page.getByLabel("Headline")).toHaveValue(/Kochi port reopened/);
});
