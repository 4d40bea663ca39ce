import { expect, test, type Page } from "@playwright/test";
import { api, makeStory, makeUser } from "@/e2e/fixtures/factories";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

/** The page is no wider than the screen: nothing to scroll sideways to. */
async function fitsTheScreen(page: Page, name: string) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect.soft(scrollWidth, `${name} is ${scrollWidth}px wide on a ${innerWidth}px screen`).toBeLessThanOrEqual(innerWidth);
  await page.screenshot({ path: `test-results/screenshots/phone-${name}.png`, fullPage: true });
}

test("every newsroom page fits a 390 px phone screen, and the navigation is a menu there", async ({ page }) => {
  const admin = await makeUser("admin");
  const story = await makeStory(admin, { tags: ["Phone layout", "Transport"] });
  const edited = await api("PATCH", `/api/v1/stories/${story.id}`, { key: admin.apiKey, body: { standfirst: "A second version to compare.", version: story.version } });
  expect(edited.status).toBe(200);

  await page.goto("/login");
  await fitsTheScreen(page, "login");
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Menu" })).toBeVisible();

  // On a phone the links sit behind the Menu button until it is pressed.
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Tags" })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await page.screenshot({ path: "test-results/screenshots/phone-menu-open.png" });
  await page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Tags" }).click();
  await expect(page).toHaveURL(/\/admin\/tags$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");

  const pages: [string, string][] = [
    ["story-list", "/admin"],
    ["editor", `/admin/stories/${story.id}`],
    ["revisions", `/admin/stories/${story.id}/revisions`],
    ["tags", "/admin/tags"],
    ["users", "/admin/users"],
    ["audit", "/admin/audit"],
    ["account", "/admin/account"],
    ["wire-new", "/admin/wire/new"],
  ];
  for (const [name, path] of pages) {
    await page.goto(path);
    await fitsTheScreen(page, name);
  }
});
