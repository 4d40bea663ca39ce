import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { api, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";

// The story list as the desk uses it: tick, act on many, watch it change by itself, keys.

const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let editor: TestUser;
let writer: TestUser;

test.beforeAll(async () => {
  [editor, writer] = await Promise.all([makeUser("editor"), makeUser("writer")]);
});

/** The list narrowed to one tag, so only this test's stories are on it. */
async function openList(page: Page, tagSlug: string) {
  await signInViaApi(page, editor);
  await page.goto(`/admin?tag=${tagSlug}`);
  await expect(page.getByRole("heading", { name: "Stories" })).toBeVisible();
}

const row = (page: Page, story: ApiStory) => page.getByTestId("admin-story-list").getByRole("row").filter({ hasText: story.headline });

test("an editor ticks three stories, cancels, then publishes them and is told what happened to each", async ({ page }) => {
  const tag = unique("Bulk desk");
  const [one, two, killed] = await Promise.all([0, 1, 2].map(() => makeStory(writer, { headline: unique("Harbour reopens"), tags: [tag], body: "<p>Four words of copy.</p>" })));
  await api("POST", `/api/v1/stories/${killed.id}/kill`, { key: editor.apiKey });
  await openList(page, one.tags[0].slug);

  // As the editor counts them: headline ("Harbour reopens 1a2b3c4d", 3) and body (4).
  await expect(row(page, one).getByTestId("word-count")).toHaveText("7 words");
  for (const story of [one, two, killed]) await row(page, story).getByRole("checkbox").check();
  await expect(page.getByTestId("selected-count")).toHaveText("3 selected");

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Publish 3 stories?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(one.headline);
  const { violations } = await new AxeBuilder({ page }).withTags(wcag).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
  await page.screenshot({ path: "test-results/screenshots/story-list-bulk-dialog.png", fullPage: true });

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, one).getByTestId("status")).toHaveText("draft");
  await expect(page.getByTestId("selected-count")).toHaveText("3 selected");

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Publish 3 stories" }).click();
  await expect(page.getByTestId("bulk-outcome")).toHaveText(`Published 2; 1 refused: “${killed.headline}” (A killed story cannot be published again).`);
  await expect(row(page, one).getByTestId("status")).toHaveText("published");
  await expect(row(page, two).getByTestId("status")).toHaveText("published");
  await expect(row(page, two).getByTestId("live-time")).toContainText("Published");
  await expect(row(page, killed).getByTestId("status")).toHaveText("killed");
});

test("an editor adds a tag to two stories at once, and kills one after being asked", async ({ page }) => {
  const tag = unique("Tagging desk");
  const extra = unique("Ports");
  const [one, two] = await Promise.all([0, 1].map(() => makeStory(writer, { headline: unique("Ferries resume"), tags: [tag] })));
  await openList(page, one.tags[0].slug);

  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  await page.getByLabel("Tag to add").fill(extra);
  await page.getByRole("button", { name: "Add tag" }).click();
  await page.getByRole("dialog", { name: `Add the tag “${extra}” to 2 stories?` }).getByRole("button", { name: "Add tag to 2 stories" }).click();
  await expect(page.getByTestId("bulk-outcome")).toHaveText(`Tagged 2 with “${extra}”.`);
  await expect(row(page, one)).toContainText(extra);
  await expect(row(page, two)).toContainText(extra);

  await row(page, two).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Kill" }).click();
  const dialog = page.getByRole("dialog", { name: "Kill 1 story?" });
  await expect(dialog).toContainText("cannot be published again");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(row(page, two).getByTestId("status")).toHaveText("draft");
  await page.getByRole("button", { name: "Kill" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Kill 1 story" }).click();
  await expect(page.getByTestId("bulk-outcome")).toHaveText("Killed 1.");
  await expect(row(page, two).getByTestId("status")).toHaveText("killed");
});

test("a writer is offered only the bulk action a writer may take", async ({ page }) => {
  await signInViaApi(page, writer);
  await page.goto("/admin");
  const actions = page.getByRole("group", { name: "Bulk actions" });
  await expect(actions.getByRole("button", { name: "Add tag" })).toBeVisible();
  await expect(actions.getByRole("button", { name: /^(Publish|Unpublish|Kill)$/ })).toHaveCount(0);
});

// How fast a change reaches an open list is measured by the bench (npm run bench:desk), not here:
// a machine busy with the rest of the suite may take a few seconds.
test("the open list shows a change made elsewhere without a reload, keeping the ticks", async ({ page }) => {
  const tag = unique("Live desk");
  const [shown, ticked] = await Promise.all([0, 1].map(() => makeStory(writer, { headline: unique("Storm nears coast"), tags: [tag] })));
  await openList(page, shown.tags[0].slug);
  await row(page, ticked).getByRole("checkbox").check();
  // Nothing may reload the page: a marker set now would be lost.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  // A second tab of the same browser shares the first one's stream (one connection per browser).
  const second = await page.context().newPage();
  await second.goto(page.url());
  await expect(row(second, shown).getByTestId("status")).toHaveText("draft");

  // Another editor publishes one of the stories on the page, through the API.
  await api("POST", `/api/v1/stories/${shown.id}/publish`, { key: editor.apiKey });
  await expect(row(page, shown).getByTestId("status")).toHaveText("published", { timeout: 5000 });
  await expect(row(second, shown).getByTestId("status")).toHaveText("published", { timeout: 5000 });
  await expect(row(page, ticked).getByRole("checkbox")).toBeChecked();

  // A story added meanwhile is announced (with any other tests' stories), and shown when the editor asks.
  const added = await makeStory(writer, { headline: unique("Coast braces"), tags: [tag] });
  await expect(page.getByTestId("story-list-news")).toHaveText(/\d+ stor(y|ies) added or changed/, { timeout: 5000 });
  await page.getByTestId("story-list-news").getByRole("button", { name: "Show" }).click();
  await expect(row(page, added)).toBeVisible();
  await expect(row(page, ticked).getByRole("checkbox")).toBeChecked();
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
});

test("j and k move through the stories, Enter opens one, ? lists the keys, and typing in a field moves nothing", async ({ page }) => {
  const tag = unique("Keys desk");
  const first = await makeStory(writer, { headline: unique("Older story"), tags: [tag] });
  const second = await makeStory(writer, { headline: unique("Newer story"), tags: [tag] });
  await openList(page, first.tags[0].slug);
  const links = page.getByTestId("admin-story-list").getByRole("link");
  await expect(links).toHaveText([second.headline, first.headline]);

  await page.keyboard.press("j");
  await expect(links.first()).toBeFocused();
  await page.keyboard.press("j");
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press("k");
  await expect(links.first()).toBeFocused();
  await page.keyboard.press("x");
  await expect(row(page, second).getByRole("checkbox")).toBeChecked();

  await page.getByLabel("Search headlines").fill("jk");
  await expect(page.getByLabel("Search headlines")).toHaveValue("jk");
  await expect(page.getByLabel("Search headlines")).toBeFocused();

  await page.getByLabel("Search headlines").blur();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Next story");
  await expect(help).toContainText("Open the story");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/admin/stories/${first.id}$`));
});

test("the tag filter takes a tag's name as typed, and empty fields stay out of the address", async ({ page }) => {
  const name = unique("Russia Desk");
  const tagged = await makeStory(writer, { headline: unique("Talks in Moscow"), tags: [name] });
  const other = await makeStory(writer, { headline: unique("Talks elsewhere") });
  await signInViaApi(page, editor);
  await page.goto("/admin");

  await page.getByLabel("Tag", { exact: true }).fill(name.toLowerCase());
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin\\?tag=${encodeURIComponent(name.toLowerCase()).replace(/%20/g, "\\+")}$`));
  await expect(row(page, tagged)).toBeVisible();
  await expect(row(page, other)).toHaveCount(0);

  await page.goto("/admin?q=&status=&tag=&author=");
  await expect(page).toHaveURL(/\/admin$/);
});

test("the count of stories waiting for review links to them", async ({ page }) => {
  const waiting = await makeStory(writer, { headline: unique("Waiting for the desk") });
  await api("POST", `/api/v1/stories/${waiting.id}/submit`, { key: writer.apiKey });
  await signInViaApi(page, editor);
  await page.goto("/admin");
  const count = page.getByTestId("review-count");
  await expect(count).toHaveText(/^\d[\d,]* (story waits|stories wait) for review$/);
  await count.click();
  await expect(page).toHaveURL(/\/admin\?status=in_review$/);
  await expect(row(page, waiting)).toBeVisible();
});

test("on a 390 px phone the list fits the screen: no sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const tag = unique("Phone desk");
  const story = await makeStory(writer, { headline: unique("A rather long headline about harbour dues and ferry timetables"), tags: [tag] });
  await openList(page, story.tags[0].slug);
  await expect(row(page, story)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/screenshots/story-list-phone.png", fullPage: true });
});

test("a live story with a newer agency version waiting is marked in the list", async ({ page }) => {
  const word = `Quillet${Math.random().toString(36).slice(2, 8)}`;
  const uri = `urn:test:desk:${word}`;
  const ninjs = (version: number) =>
    JSON.stringify({
      uri, version: String(version), headline: `Ministers ${word} meet again`, located: "Brussels", pubstatus: "usable",
      body_html: `<p>BRUSSELS, March 3 - Ministers met for round ${version}.</p><p>Talks go on.</p>`,
    });
  const send = (version: number) => api<ApiStory>("POST", "/api/v1/wire", { key: editor.apiKey, rawBody: ninjs(version), headers: { "Content-Type": "application/json" } });
  const first = await send(1);
  await api("POST", `/api/v1/stories/${first.body.id}/publish`, { key: editor.apiKey });
  await signInViaApi(page, editor);
  await page.goto(`/admin?q=${word}`);
  const story = row(page, first.body);
  await expect(story.getByTestId("live-time")).toContainText("Published");
  await expect(story.getByTestId("pending-agency-update")).toHaveCount(0);

  expect((await send(2)).status).toBe(200);
  await page.reload();
  await expect(story.getByTestId("pending-agency-update")).toHaveText("Agency update waiting");
});

test("bulk Publish names a live story whose unpublished changes it will put live", async ({ page }) => {
  const tag = unique("Drafts desk");
  const story = await makeStory(writer, { headline: unique("Ferry fares frozen"), tags: [tag] });
  await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
  const live = await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
  const changed = await api("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: live.body.version, asDraft: true, standfirst: "Until March." } });
  expect(changed.status).toBe(200);
  await openList(page, story.tags[0].slug);
  await row(page, story).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("dialog").getByTestId("bulk-drafts-go-live")).toHaveText(`“${story.headline}” has unpublished changes waiting: publishing puts them live.`);
  await page.keyboard.press("Escape");
});
