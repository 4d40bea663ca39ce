import { expect, test, type Browser, type Page } from "@playwright/test";
import { api, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";
import AxeBuilder from "@axe-core/playwright";

// What an editor does in a long shift, and what must never happen: typed work lost, or a change
// put live that nobody published. Each test types, clicks and reloads as the editor did.

async function signedInPage(browser: Browser, user: TestUser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInViaApi(page, user);
  return page;
}

const stored = async (user: TestUser, id: string) => (await api<ApiStory & { standfirst: string; draftChanges: { headline: string } | null }>("GET", `/api/v1/stories/${id}`, { key: user.apiKey })).body;
const autosaved = (page: Page) => expect(page.getByTestId("autosave-state")).toContainText(/Saved automatically at|All changes saved/, { timeout: 10_000 });

test("Publish publishes what was just typed, not the copy stored before it", async ({ page }) => {
  const editor = await makeUser("editor");
  const story = await makeStory(editor, { headline: unique("Port strike talks resume"), body: "<p>Talks resumed on Monday.</p>" });
  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${story.id}`);

  const headline = unique("Port strike ends after talks");
  await page.getByLabel("Headline", { exact: true }).fill(headline);
  await page.getByTestId("body-editor").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" Dockers return on Wednesday.");
  // At once, before any autosave: the button the editor reaches for.
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();

  const live = await stored(editor, story.id);
  expect(live.status).toBe("published");
  expect(live.headline).toBe(headline);
  const article = await getPage(`/stories/${live.slug}`);
  expect(article.text).toContain(headline);
  expect(article.text).toContain("Dockers return on Wednesday.");
});

test("Enter in the headline of a live story saves nothing live; the change waits as a draft of changes", async ({ page }) => {
  const editor = await makeUser("editor");
  const original = unique("Monsoon arrives in Kerala");
  const story = await makeStory(editor, { headline: original });
  await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey, body: {} });
  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${story.id}`);

  const headlineField = page.getByLabel("Headline", { exact: true });
  await headlineField.fill(`${original} early`);
  await headlineField.press("Enter");
  await expect(page.getByTestId("autosave-state")).toContainText("as a draft of changes", { timeout: 10_000 });

  const now = await stored(editor, story.id);
  expect(now.headline).toBe(original);
  expect(now.draftChanges?.headline).toBe(`${original} early`);
  const article = await getPage(`/stories/${now.slug}`);
  expect(article.text).toContain(original);
  expect(article.text).not.toContain(`${original} early`);
});

test("autosave keeps typing on the server: a reload and a closed browser find it again", async ({ browser }) => {
  const writer = await makeUser("writer");
  const story = await makeStory(writer, { headline: unique("Rail fares to rise") });
  const page = await signedInPage(browser, writer);
  await page.goto(`/admin/stories/${story.id}`);
  await page.getByLabel("Standfirst").fill("Commuters face a 4 per cent rise from April.");
  await autosaved(page);

  await page.reload();
  await expect(page.getByLabel("Standfirst")).toHaveValue("Commuters face a 4 per cent rise from April.");
  await page.context().close();

  const second = await signedInPage(browser, writer);
  await second.goto(`/admin/stories/${story.id}`);
  await expect(second.getByLabel("Standfirst")).toHaveValue("Commuters face a 4 per cent rise from April.");
  expect((await stored(writer, story.id)).standfirst).toBe("Commuters face a 4 per cent rise from April.");
});

test("leaving with unsaved typing asks first; a newsroom link saves, then goes", async ({ page }) => {
  const writer = await makeUser("writer");
  const story = await makeStory(writer, { headline: unique("Bridge reopens") });
  await signInViaApi(page, writer);
  await page.goto(`/admin/stories/${story.id}`);

  await page.getByLabel("Byline").fill("Asha Menon");
  const asked = page.waitForEvent("dialog");
  void page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe("beforeunload");
  await dialog.dismiss();
  await expect(page.getByLabel("Byline")).toHaveValue("Asha Menon");

  await page.getByLabel("Credits").fill("Editing by R. Rao");
  await page.getByRole("link", { name: "Stories", exact: true }).first().click();
  await expect(page).toHaveURL(/\/admin(\?|$)/);
  const now = (await api<{ byline: string; credits: string }>("GET", `/api/v1/stories/${story.id}`, { key: writer.apiKey })).body;
  expect(now.byline).toBe("Asha Menon");
  expect(now.credits).toBe("Editing by R. Rao");
});

test("Kill asks first in a dialog: Escape changes nothing, confirming kills and the form turns read-only", async ({ page }) => {
  const editor = await makeUser("editor");
  const headline = unique("Minister resigns over leak");
  const story = await makeStory(editor, { headline });
  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${story.id}`);

  await page.getByRole("button", { name: "Kill", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: new RegExp(`^Kill “${headline.slice(0, 20)}`) });
  await expect(dialog).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect((await stored(editor, story.id)).status).toBe("draft");

  await page.getByRole("button", { name: "Kill", exact: true }).click();
  await dialog.getByRole("button", { name: "Kill the story" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Killed" })).toBeVisible();
  expect((await stored(editor, story.id)).status).toBe("killed");
  await expect(page.getByTestId("read-only")).toContainText("can no longer be changed");
  await expect(page.getByLabel("Headline", { exact: true })).toHaveAttribute("readonly", "");
  await expect(page.getByRole("button", { name: /^Save/ })).toHaveCount(0);
});

test("two editors: a save the other got in first to is merged field by field, nothing copied by hand", async ({ browser }) => {
  const [first, second] = [await makeUser("editor"), await makeUser("editor")];
  const story = await makeStory(first, { headline: unique("Dam water level rises"), standfirst: "Officials watch the level." });
  const a = await signedInPage(browser, first);
  const b = await signedInPage(browser, second);
  await a.goto(`/admin/stories/${story.id}`);
  await b.goto(`/admin/stories/${story.id}`);

  // B's connection drops while B changes the standfirst and the headline: nothing reaches the
  // server, and B is told so. Meanwhile A changes the headline and the byline and saves.
  await b.context().setOffline(true);
  await b.getByLabel("Standfirst").fill("Officials open two sluice gates.");
  await b.getByLabel("Headline", { exact: true }).fill("Sluice gates opened as dam fills");
  await expect(b.getByTestId("form-error")).toContainText("could not be reached", { timeout: 10_000 });
  await a.getByLabel("Headline", { exact: true }).fill("Dam water level nears the danger mark");
  await a.getByLabel("Byline").fill("First Editor");
  await a.getByRole("button", { name: "Save", exact: true }).click();
  await expect(a.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // Back online, B's save is tried again, finds A's, and B merges.
  await b.context().setOffline(false);
  const merge = b.getByTestId("story-merge");
  await expect(merge).toBeVisible({ timeout: 20_000 });
  await expect(merge.getByTestId("form-error")).toContainText("saved this story since you opened it");
  await expect(merge.getByTestId("merge-taken")).toContainText("byline");
  await expect(merge.getByTestId("merge-kept")).toContainText("standfirst");
  const headlineChoice = merge.getByTestId("merge-headline");
  await headlineChoice.getByText("See both").click();
  await expect(headlineChoice.getByTestId("merge-theirs")).toHaveText("Dam water level nears the danger mark");
  await expect(headlineChoice.getByTestId("merge-mine")).toHaveText("Sluice gates opened as dam fills");
  await b.screenshot({ path: "test-results/screenshots/editor-merge.png", fullPage: true });
  expect((await new AxeBuilder({ page: b }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations).toEqual([]);
  await headlineChoice.getByLabel("Take theirs").check();
  await merge.getByRole("button", { name: "Save with these choices" }).click();
  await expect(merge).toBeHidden();
  await expect(b.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  const now = await stored(first, story.id);
  expect(now.headline).toBe("Dam water level nears the danger mark");
  expect(now.standfirst).toBe("Officials open two sluice gates.");
  expect((now as unknown as { byline: string }).byline).toBe("First Editor");
  await expect(b.getByLabel("Byline")).toHaveValue("First Editor");
});

test("an editor with nothing unsaved sees another editor's save arrive without saving or reloading", async ({ browser }) => {
  const [first, second] = [await makeUser("editor"), await makeUser("editor")];
  const story = await makeStory(first, { headline: unique("Heatwave warning issued") });
  const b = await signedInPage(browser, second);
  await b.goto(`/admin/stories/${story.id}`);
  await expect(b.getByLabel("Headline", { exact: true })).toHaveValue(story.headline);

  await api("PATCH", `/api/v1/stories/${story.id}`, { key: first.apiKey, body: { version: 1, headline: `${story.headline}: schools shut` } });
  await expect(b.getByLabel("Headline", { exact: true })).toHaveValue(`${story.headline}: schools shut`, { timeout: 20_000 });
  await expect(b.getByTestId("remote-change")).toContainText("The story changed while you had it open");
});

test("the newsroom's words: a writer on a live story reads why it is read-only; publishing an embargoed story says it was scheduled", async ({ browser }) => {
  const [writer, editor] = [await makeUser("writer"), await makeUser("editor")];
  const liveStory = await makeStory(editor, { headline: unique("Budget passes") });
  await api("POST", `/api/v1/stories/${liveStory.id}/publish`, { key: editor.apiKey, body: {} });
  const w = await signedInPage(browser, writer);
  await w.goto(`/admin/stories/${liveStory.id}`);
  await expect(w.getByTestId("read-only")).toHaveText(/only editors and admins change a live story/);
  await expect(w.getByRole("button", { name: /Publish|Save|Unpublish|Kill/ })).toHaveCount(0);

  const embargoUntil = new Date(Date.now() + 3 * 86_400_000).toISOString();
  const embargoed = await makeStory(editor, { headline: unique("Quarterly results"), embargoUntil });
  const e = await signedInPage(browser, editor);
  await e.goto(`/admin/stories/${embargoed.id}`);
  await e.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(e.getByRole("status").filter({ hasText: "Scheduled: it goes live when its embargo lifts" })).toBeVisible();
  await expect(e.getByText("Published.")).toHaveCount(0);
});

test("review both ways in the editor: a writer withdraws, the desk sends back with a note the writer reads", async ({ browser }) => {
  const [writer, editor] = [await makeUser("writer"), await makeUser("editor")];
  const story = await makeStory(writer, { headline: unique("Airport expansion approved") });
  const w = await signedInPage(browser, writer);
  await w.goto(`/admin/stories/${story.id}`);
  await w.getByRole("button", { name: "Submit for review" }).click();
  await expect(w.getByRole("status").filter({ hasText: "Submitted for review" })).toBeVisible();
  await w.getByRole("button", { name: "Withdraw from review" }).click();
  await expect(w.getByRole("status").filter({ hasText: "Withdrawn from review" })).toBeVisible();
  expect((await stored(writer, story.id)).status).toBe("draft");

  await w.getByRole("button", { name: "Submit for review" }).click();
  await expect(w.getByRole("status").filter({ hasText: "Submitted for review" })).toBeVisible();
  const e = await signedInPage(browser, editor);
  await e.goto(`/admin/stories/${story.id}`);
  await e.getByRole("button", { name: "Send back" }).click();
  await e.getByLabel("What does the story need?").fill("Add the minister's quote and the cost.");
  await e.getByRole("button", { name: "Send back to the writer" }).click();
  await expect(e.getByRole("status").filter({ hasText: "Sent back to the writer" })).toBeVisible();

  await w.reload();
  await expect(w.getByTestId("review-note")).toContainText("Add the minister's quote and the cost.");
});

test("an editor marks a change to a live story as an update: the article then says Updated; a plain fix does not", async ({ page }) => {
  const editor = await makeUser("editor");
  const story = await makeStory(editor, { headline: unique("Toll on the expressway rises") });
  await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey, body: {} });
  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${story.id}`);

  await page.getByLabel("Standfirst").fill("The rise takes effect on Monday.");
  await page.getByRole("button", { name: "Publish changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published the changes." })).toBeVisible();
  let article = await getPage(`/stories/${story.slug}`);
  expect(article.text).toContain("The rise takes effect on Monday.");
  expect(article.text).not.toContain('data-testid="updated-time"');

  await page.getByLabel("Standfirst").fill("The rise takes effect on Tuesday, not Monday.");
  await page.getByLabel(/Mark as an update/).check();
  await page.getByRole("button", { name: "Publish changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published the changes." })).toBeVisible();
  await expect(page.getByLabel(/Mark as an update/)).not.toBeChecked();
  article = await getPage(`/stories/${story.slug}`);
  expect(article.text).toContain("The rise takes effect on Tuesday, not Monday.");
  expect(article.text).toMatch(/data-testid="updated-time">Updated /);
});

test("search and social fields: what the editor writes is what search engines and shared links show", async ({ page }) => {
  const editor = await makeUser("editor");
  const story = await makeStory(editor, { headline: unique("Council approves the harbour budget"), standfirst: "The vote was nine to two." });
  await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey, body: {} });
  let article = await getPage(`/stories/${story.slug}`);
  expect(article.text).toContain('<meta name="description" content="The vote was nine to two."/>');
  expect(article.text).toContain(`<meta property="og:title" content="${story.headline}"/>`);

  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${story.id}`);
  await page.getByLabel("Meta description").fill("Harbour budget passes: dredging starts in May, fees rise 4 per cent.");
  await page.getByLabel("Social card title").fill("The harbour gets its money");
  await expect(page.getByText("26 of about 70 characters shown.")).toBeVisible();
  await page.getByRole("button", { name: "Publish changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Published the changes." })).toBeVisible();

  article = await getPage(`/stories/${story.slug}`);
  expect(article.text).toContain('<meta name="description" content="Harbour budget passes: dredging starts in May, fees rise 4 per cent."/>');
  expect(article.text).toContain('<meta property="og:title" content="The harbour gets its money"/>');
  expect(article.text).toContain('<meta name="twitter:title" content="The harbour gets its money"/>');
  expect(article.text).toContain(`<h1`);
  expect(article.text).toContain(story.headline);
  const stored = (await api<{ metaDescription: string; socialHeadline: string }>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey })).body;
  expect(stored.socialHeadline).toBe("The harbour gets its money");
});

test("Ctrl/Cmd+S saves from any field, and ? lists the editor's keys", async ({ page }) => {
  const writer = await makeUser("writer");
  const story = await makeStory(writer, { headline: unique("Ferry timetable changes") });
  await signInViaApi(page, writer);
  await page.goto(`/admin/stories/${story.id}`);
  await page.getByLabel("Byline").fill("Port Correspondent");
  await page.keyboard.press("ControlOrMeta+s");
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  expect((await api<{ byline: string }>("GET", `/api/v1/stories/${story.id}`, { key: writer.apiKey })).body.byline).toBe("Port Correspondent");

  await page.getByRole("heading", { name: "Edit story" }).click();
  await page.keyboard.press("?");
  const keys = page.getByTestId("keyboard-shortcuts");
  await expect(keys).toContainText("Save");
  await expect(keys).toContainText("Add or edit a link");
  await page.keyboard.press("Escape");
  await expect(keys).toHaveCount(0);
});

test("Preview shows a draft as readers will see it, what was just typed included, at desktop and phone sizes", async ({ page, browser }) => {
  const editor = await makeUser("editor");
  const story = await makeStory(editor, { headline: unique("Night trains return to the coast") });
  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${story.id}`);
  await page.getByLabel("Standfirst").fill("Sleeper services run again from June.");
  await page.getByRole("button", { name: "Preview" }).click();
  const link = page.getByTestId("preview-link").getByRole("link", { name: "Open preview" });
  await expect(link).toBeVisible();
  const href = (await link.getAttribute("href"))!;

  // Anyone with the link, signed in or not: a colleague's browser.
  const colleague = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await colleague.newPage();
  await phone.goto(href);
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText(story.headline);
  await expect(phone.getByText("Sleeper services run again from June.")).toBeVisible();
  await expect(phone.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect((await new AxeBuilder({ page: phone }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations).toEqual([]);
  await phone.screenshot({ path: "test-results/screenshots/preview-phone.png", fullPage: true });
  const desktop = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
  await desktop.goto(href);
  await expect(desktop.getByRole("heading", { level: 1 })).toHaveText(story.headline);
  await desktop.screenshot({ path: "test-results/screenshots/preview-desktop.png", fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: "test-results/screenshots/editor-desktop.png", fullPage: true });
});

test("a wire draft's editor opens without a React error, and ticked suggestions join the form as it is typed in", async ({ page }) => {
  const editor = await makeUser("editor");
  const copy = `New Delhi [India], March 3 (ANI): Prime Minister Narendra Modi met Russian President Vladimir Putin in Moscow on Tuesday, External Affairs Minister S Jaishankar said (ref ${unique("k")}).\n\nThe two leaders discussed trade, energy and the Kochi port project.`;
  const wire = await api<{ id: string }>("POST", "/api/v1/wire", { key: editor.apiKey, rawBody: copy, headers: { "Content-Type": "text/plain" } });
  const id = wire.body.id;
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${id}`);
  await expect(page.getByTestId("headline-proposed")).toBeVisible();

  const headline = page.getByLabel("Headline", { exact: true });
  await headline.fill("Modi and Putin meet in Moscow");
  const suggestions = page.getByTestId("story-tag-suggestions");
  const first = suggestions.getByRole("checkbox").first();
  const name = (await first.getAttribute("aria-label"))!.replace(/ \((person|place|organisation|topic)\)$/, "");
  await first.check();
  await page.getByRole("button", { name: "Add ticked tags" }).click();
  await expect(page.getByTestId("tag-chip").filter({ hasText: `${name} ·` })).toBeVisible();
  // Typing goes on, and the tags and the headline are saved together by the editor's own save.
  await page.getByLabel("Standfirst").fill("Trade and energy lead the talks.");
  await expect(page.getByTestId("autosave-state")).toContainText("Saved automatically", { timeout: 10_000 });
  await expect(page.getByTestId("story-merge")).toHaveCount(0);
  const stored = (await api<{ headline: string; tags: { name: string }[] }>("GET", `/api/v1/stories/${id}`, { key: editor.apiKey })).body;
  expect(stored.headline).toBe("Modi and Putin meet in Moscow");
  expect(stored.tags.map((tag) => tag.name)).toContain(name);
  expect(errors.filter((text) => /Hydration|#418|#423|did not match/i.test(text))).toEqual([]);
});
