import { expect, test, type Page } from "@playwright/test";
import { api, makeStory, makeUser, unique } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";

// Scripts run only where the framework put them (lib/serving/security-headers.ts). Pages the front
// makes (articles, story lists, search) carry none and allow none inline. Pages Next renders for
// one request get a fresh nonce, which Next puts on each script it emits before any story content
// is inserted: a script that reaches the HTML any other way carries no nonce and does not run.

function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

const nonceOf = (policy: string | undefined) => /script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'$/.exec(policy ?? "")?.[1];

test("reader pages run no script, and Next's pages only the scripts Next emitted, by a nonce of their own", async ({ page }) => {
  const editor = await makeUser("editor");
  const story = await makeStory(editor, { headline: unique("Policy check"), tags: [unique("Policy")] });
  await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
  const violations = cspViolations(page);

  // Articles, story lists and search are plain HTML made by the front: no script runs on them at all
  // (the article's JSON-LD is data, not a script).
  for (const path of ["/", `/stories/${story.slug}`, `/tags/${story.tags[0].slug}`, "/search?q=policy"]) {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"], path).toMatch(/; script-src 'self'$/);
    const scripts = await page.evaluate(() => [...document.scripts].filter((script) => script.type !== "application/ld+json").length);
    expect(scripts, path).toBe(0);
  }

  // Pages Next renders: a nonce per response, on every script in the page, and no hashes.
  const seenNonces = new Set<string>();
  for (const path of ["/login", "/login"]) {
    const response = await page.goto(path);
    const policy = response?.headers()["content-security-policy"];
    expect(policy).not.toContain("sha256-");
    const nonce = nonceOf(policy);
    expect(nonce, policy).toBeTruthy();
    seenNonces.add(nonce!);
    await page.waitForLoadState("networkidle");
    const scriptNonces = await page.evaluate(() => [...document.scripts].map((script) => script.nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  }
  expect(seenNonces.size).toBe(2);

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

test("a script stored in a story behind the sanitiser's back runs on no page that shows the story", async ({ page }) => {
  const { db } = await import("@/lib/db");
  const editor = await makeUser("editor");
  const story = await makeStory(editor, { headline: unique("Stored script") });
  await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
  // Written straight to the database, as a bug or a restored backup might: the sanitiser never saw it.
  const injected =
    '<p>Text.</p><script>window.__stored = "script"</script><img src="/none.png" onerror="window.__stored = \'handler\'">' +
    `<script nonce="guess">window.__stored = "guessed nonce"</script>`;
  await db.story.update({ where: { id: story.id }, data: { body: injected, standfirst: '<script>window.__stored = "standfirst"</script>' } });

  const article = await page.goto(`/stories/${story.slug}`);
  // It did reach the page's HTML …
  expect(await article!.text()).toContain('window.__stored = "script"');
  // … and did not run.
  await page.waitForLoadState("load");
  expect(await page.evaluate(() => (window as unknown as { __stored?: string }).__stored)).toBeUndefined();

  await signInViaApi(page, editor);
  for (const path of [`/admin/stories/${story.id}`, `/admin/stories/${story.id}/revisions`, "/admin"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as unknown as { __stored?: string }).__stored), path).toBeUndefined();
  }
});
