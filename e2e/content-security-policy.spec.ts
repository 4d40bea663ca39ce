import { expect, test, type Page } from "@playwright/test";
import { api, makeStory, makeUser, unique } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";

// Every page names its own inline scripts in its Content-Security-Policy (lib/serving): Next.js's
// scripts run, so pages work, and the browser reports no refused script; one the page did not
// carry would be refused. Pages the front makes (articles, story lists) carry none.

function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test("reader pages and the newsroom run their own scripts, and only those", async ({ page }) => {
  const editor = await makeUser("editor");
  const story = await makeStory(editor, { headline: unique("Policy check"), tags: [unique("Policy")] });
  await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
  const violations = cspViolations(page);

  // Articles, story lists and search are plain HTML made by the front: no script runs on them at all
  // (the article's JSON-LD is data, not a script).
  for (const path of ["/", `/stories/${story.slug}`, `/tags/${story.tags[0].slug}`, "/search?q=policy"]) {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"], path).toMatch(/script-src 'self'/);
    const scripts = await page.evaluate(() => [...document.scripts].filter((script) => script.type !== "application/ld+json").length);
    expect(scripts, path).toBe(0);
  }
  // Pages Next renders carry its inline scripts, each named by its hash.
  for (const path of ["/login"]) {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"], path).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+/);
    await page.waitForLoadState("networkidle");
  }
  // React took over the login form (hydrated): typing is kept, and the form is the app's own.
  await page.getByLabel("Email").fill("someone@example.com");
  await expect(page.getByLabel("Email")).toHaveValue("someone@example.com");

  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${story.id}`);
  // The body editor (Tiptap) is made editable by script: it is there only if scripts ran.
  await expect(page.locator('[contenteditable="true"]')).toBeVisible();
  expect(violations).toEqual([]);

  // A script the page did not carry is refused.
  const refused = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.appendChild(script);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(refused).toBe(false);
});
