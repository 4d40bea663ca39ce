import { spawn, type ChildProcessByStdio } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import readline from "node:readline";
import type { Readable, Writable } from "node:stream";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { api, makeUser, type TestUser } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";
import { openEventStream } from "@/e2e/fixtures/event-stream";
import { queryRows } from "@/e2e/fixtures/database";
import { axeViolations } from "@/e2e/fixtures/axe";

// The wire desk (/admin/wire) as editors work it: items arriving live, read beside the list,
// taken into drafts and dismissed from the keyboard, filters kept in the address and saved per desk.

let editor: TestUser;
let other: TestUser;
const hub = new AbortController();

const nameOf = (user: TestUser) => `Test ${user.role} ${user.email.split("@")[0].split("-")[1]}`;
const token = () => `w${randomBytes(5).toString("hex")}`;
/** Words no other item shares, so that items of one test are not taken for the same event. */
const freshWords = () => `${Array.from({ length: 45 }, () => randomBytes(3).toString("hex")).join(" ")}.`;
/** Copy as e2e/fixtures/wire-queue.ts `dispatch` writes it, with words of its own. */
const copy = (options: { agency?: string; headline: string }) =>
  `${options.headline}\n\nMoscow [Russia], December 27 (${options.agency ?? "ANI"}): ${freshWords()}\n\nThe delegations agreed to meet again in the spring to review progress on the corridor and on a free trade agreement.\n`;

// Items go on the queue through e2e/fixtures/wire-queue.ts (as a source puts them there), in a
// process of tsx's: the ingest code imports JSON as Node's loader under Playwright will not. One
// such process per worker, fed a line of JSON per item.
const QUEUER = `
import readline from "node:readline";
const { queueWireItem } = await import(${JSON.stringify(path.resolve("e2e/fixtures/wire-queue.ts"))});
for await (const line of readline.createInterface({ input: process.stdin })) {
  const { n, raw } = JSON.parse(line);
  try {
    process.stdout.write(JSON.stringify({ n, id: await queueWireItem(raw) }) + "\\n");
  } catch (error) {
    process.stdout.write(JSON.stringify({ n, error: String(error?.message ?? error) }) + "\\n");
  }
}`;
let queuer: ChildProcessByStdio<Writable, Readable, null>;
const answers = new Map<number, (answer: { id?: string; error?: string }) => void>();
let sent = 0;

/** Puts copy on the desk's queue as a source would; answers the wire item's id. */
async function queueWireItem(raw: string): Promise<string> {
  const n = ++sent;
  const answer = new Promise<{ id?: string; error?: string }>((resolve) => answers.set(n, resolve));
  queuer.stdin.write(`${JSON.stringify({ n, raw })}\n`);
  const { id, error } = await answer;
  if (!id) throw new Error(`the copy was not queued: ${error}`);
  return id;
}
/** An ANPA 1312 flash as Reuters sends it: envelope control bytes, priority code f. */
const anpaFlash = (headline: string) =>
  `\x16\x16\x01f0009\x1freute f i BC-DESK-${randomBytes(3).toString("hex").toUpperCase()}-FLASH   03-06 0019\x1f\x02   ${headline}\n   SAN LORENZO, March 6 - ${freshWords()}\n Reuter\n\x03`;

test.beforeAll(async () => {
  queuer = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "--input-type=module", "-e", QUEUER], { env: process.env, stdio: ["pipe", "pipe", "inherit"] });
  readline.createInterface({ input: queuer.stdout }).on("line", (line) => {
    const answer = JSON.parse(line) as { n: number; id?: string; error?: string };
    answers.get(answer.n)?.(answer);
    answers.delete(answer.n);
  });
  [editor, other] = await Promise.all([makeUser("editor"), makeUser("editor")]);
  // The app process listens for changes once a stream is open: a desk opened after this hears
  // every item queued after it opens (its own stream joins the listening hub at once).
  await openEventStream({ key: editor.apiKey, signal: hub.signal });
});
test.afterAll(() => {
  hub.abort();
  queuer.stdin.end();
});

async function openDesk(page: Page, user: TestUser, query = "") {
  await signInViaApi(page, user);
  await page.goto(`/admin/wire${query}`);
  await expect(page.getByRole("heading", { name: "Wire desk", level: 1 })).toBeVisible();
  await expect(page.getByTestId("wire-live")).toHaveAttribute("data-live", "on");
}

async function deskIn(browser: Browser, user: TestUser, query: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openDesk(page, user, query);
  return { page, close: () => context.close() };
}

const queue = (page: Page) => page.getByRole("grid", { name: "Wire queue, newest first" });
const rowOf = (page: Page, headline: string) => queue(page).getByRole("row").filter({ hasText: headline });
const selectedRow = (page: Page) => queue(page).locator('[role=row][aria-selected="true"]');

test("an item queued by a source appears on an open desk at once, opens beside the list with j/k and Enter, and t takes it into a draft", async ({ page }) => {
  const tag = token();
  await openDesk(page, editor, `?q=${tag}`);
  await expect(queue(page).getByRole("row")).toHaveCount(1); // "No wire items match."

  const older = `${tag} Harbour reopens after storm`;
  const newer = `${tag} Ministers meet in Moscow`;
  await queueWireItem(copy({ headline: older }));
  await expect(rowOf(page, older)).toBeVisible();
  await queueWireItem(copy({ headline: newer, agency: "PTI" }));
  const queuedAt = Date.now();
  await expect(rowOf(page, newer)).toBeVisible();
  console.log(`wire desk: a queued item showed on the open desk ${Date.now() - queuedAt} ms after its ingest committed`);
  await expect(queue(page).getByRole("row").first()).toContainText(newer);
  await expect(rowOf(page, newer).getByTestId("wire-state")).toHaveText("new");
  await expect(rowOf(page, newer).getByTestId("wire-agency")).toHaveText("PTI");

  await page.keyboard.press("j");
  await expect(selectedRow(page)).toContainText(newer);
  await expect(selectedRow(page).getByRole("gridcell").nth(1)).toBeFocused();
  await page.keyboard.press("j");
  await expect(selectedRow(page)).toContainText(older);
  await page.keyboard.press("k");
  await expect(selectedRow(page)).toContainText(newer);
  await page.keyboard.press("Enter");

  const panel = page.getByTestId("wire-item-panel");
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(newer);
  await expect(panel.getByTestId("panel-raw")).toContainText("Moscow [Russia], December 27 (PTI):");
  await expect(panel.getByTestId("panel-body")).toContainText("The delegations agreed to meet again");
  // Opening it marked it seen, and the desk says by whom.
  await expect(rowOf(page, newer).getByTestId("wire-state")).toHaveText(`seen by ${nameOf(editor)}`);

  await page.keyboard.press("t");
  await page.waitForURL(/\/admin\/stories\/[0-9a-f-]{36}$/);
  const storyId = page.url().split("/").pop()!;
  const { status, body } = await api<{ headline: string; status: string }>("GET", `/api/v1/stories/${storyId}`, { key: editor.apiKey });
  expect(status).toBe(200);
  expect(body).toMatchObject({ headline: newer, status: "draft" });
  const [item] = await queryRows<{ storyId: string; deskState: string }>(`SELECT "storyId", "deskState" FROM "WireItem" WHERE "headline" = $1`, [newer]);
  expect(item).toEqual({ storyId, deskState: "taken" });
});

test("of two editors taking the same item, the second is told who took it, and the desk shows the story", async ({ browser }) => {
  const tag = token();
  const headline = `${tag} Railway fares to rise`;
  const first = await deskIn(browser, editor, `?q=${tag}`);
  const second = await deskIn(browser, other, `?q=${tag}`);
  await queueWireItem(copy({ headline }));
  await rowOf(second.page, headline).click();
  await expect(second.page.getByTestId("wire-item-panel").getByRole("heading", { level: 2 })).toHaveText(headline);

  await rowOf(first.page, headline).click();
  await first.page.getByTestId("wire-item-panel").getByRole("button", { name: /Take into a draft/ }).click();
  await first.page.waitForURL(/\/admin\/stories\//);

  await second.page.getByTestId("wire-item-panel").getByRole("button", { name: /Take into a draft/ }).click();
  await expect(second.page.getByRole("alert").filter({ hasText: "took this item" })).toContainText(`${nameOf(editor)} took this item`);
  // And the row says so by itself, with the way to the story.
  await expect(rowOf(second.page, headline).getByTestId("wire-state")).toHaveText(`taken by ${nameOf(editor)}`);
  await expect(rowOf(second.page, headline).getByTestId("wire-story-link")).toHaveAttribute("href", /\/admin\/stories\//);
  const stories = await queryRows<{ count: number }>(`SELECT count(*)::int AS count FROM "Story" WHERE "headline" = $1`, [headline]);
  expect(stories[0].count).toBe(1);
  await Promise.all([first.close(), second.close()]);
});

test("x dismisses an item off the desk, Undo brings it back, and a dismissal outlasts a reload", async ({ page }) => {
  const tag = token();
  const headline = `${tag} Monsoon arrives early`;
  await queueWireItem(copy({ headline }));
  await openDesk(page, editor, `?q=${tag}`);
  await expect(rowOf(page, headline)).toBeVisible();

  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(rowOf(page, headline)).toHaveCount(0);
  const notice = page.getByTestId("wire-notice");
  await expect(notice).toContainText(`Dismissed “${headline}”`);
  await notice.getByRole("button", { name: "Undo" }).click();
  await expect(rowOf(page, headline)).toBeVisible();
  await expect(notice).toContainText("Restored");

  await rowOf(page, headline).click();
  await page.getByTestId("wire-item-panel").getByRole("button", { name: /Dismiss/ }).click();
  await expect(rowOf(page, headline)).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("wire-live")).toHaveAttribute("data-live", "on");
  await expect(rowOf(page, headline)).toHaveCount(0);
  await page.getByLabel("State").selectOption("dismissed");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(rowOf(page, headline).getByTestId("wire-state")).toHaveText(`dismissed by ${nameOf(editor)}`);
});

test("a filter by agency narrows the list, lives in the address through a reload, and can be saved for the desk and chosen again", async ({ page }) => {
  const tag = token();
  const ani = `${tag} Flood warning for the delta`;
  const pti = `${tag} Cabinet approves new port`;
  await queueWireItem(copy({ headline: ani, agency: "ANI" }));
  await queueWireItem(copy({ headline: pti, agency: "PTI" }));
  await openDesk(page, editor, `?q=${tag}`);
  await expect(rowOf(page, ani)).toBeVisible();
  await expect(rowOf(page, pti)).toBeVisible();

  await page.getByLabel("Agency").fill("PTI");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/wire\\?q=${tag}&agency=PTI$`));
  await expect(rowOf(page, pti)).toBeVisible();
  await expect(rowOf(page, ani)).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Agency")).toHaveValue("PTI");
  await expect(rowOf(page, pti)).toBeVisible();
  await expect(rowOf(page, ani)).toHaveCount(0);

  const name = `PTI only ${tag}`;
  await page.getByLabel("Save this filter as").fill(name);
  await page.getByRole("button", { name: "Save filter" }).click();
  await expect(page.getByTestId("saved-filter-message")).toHaveText(`Saved “${name}” for the general desk.`);
  // The same name twice on one desk is refused, in words.
  await page.getByLabel("Save this filter as").fill(name);
  await page.getByRole("button", { name: "Save filter" }).click();
  await expect(page.getByTestId("saved-filter-message")).toContainText(`A filter named “${name}” is saved for the general desk already`);

  await page.goto(`/admin/wire?q=${tag}`);
  await expect(rowOf(page, ani)).toBeVisible();
  await page.getByTestId("saved-filters").getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`agency=PTI`));
  await expect(rowOf(page, pti)).toBeVisible();
  await expect(rowOf(page, ani)).toHaveCount(0);

  await page.getByRole("button", { name: `Delete the saved filter “${name}”` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete filter" }).click();
  await expect(page.getByTestId("saved-filters").getByRole("link", { name })).toHaveCount(0);
});

test("the saved filters API: listed per desk, a name once per desk (409), bad input 422, delete", async () => {
  const name = `Flashes ${token()}`;
  const saved = await api<{ id: string; desk: string; name: string; query: Record<string, string> }>("POST", "/api/v1/wire/filters", {
    key: editor.apiKey,
    body: { desk: "foreign", name, query: { priority: "flash", agency: "" } },
  });
  expect(saved.status).toBe(201);
  expect(saved.body).toMatchObject({ desk: "foreign", name, query: { priority: "flash" } });
  const again = await api<{ error: { message: string } }>("POST", "/api/v1/wire/filters", { key: other.apiKey, body: { desk: "foreign", name, query: {} } });
  expect(again.status).toBe(409);
  expect(again.body.error.message).toContain("foreign desk");
  const elsewhere = await api("POST", "/api/v1/wire/filters", { key: other.apiKey, body: { desk: "sport", name, query: {} } });
  expect(elsewhere.status).toBe(201);
  const bad = await api<{ error: { fields: Record<string, string[]> } }>("POST", "/api/v1/wire/filters", { key: editor.apiKey, body: { name: "", query: { priority: "loud" } } });
  expect(bad.status).toBe(422);
  expect(Object.keys(bad.body.error.fields).sort()).toEqual(["name", "query.priority"]);
  const listed = await api<{ items: { id: string; name: string }[] }>("GET", "/api/v1/wire/filters?desk=foreign", { key: editor.apiKey });
  expect(listed.body.items.map((item) => item.name)).toContain(name);
  expect((await api("DELETE", `/api/v1/wire/filters/${saved.body.id}`, { key: editor.apiKey })).status).toBe(200);
  expect((await api("DELETE", `/api/v1/wire/filters/${saved.body.id}`, { key: editor.apiKey })).status).toBe(404);
});

test("a new item does not push the rows under an editor further down: it waits behind “N new items”", async ({ page }) => {
  const tag = token();
  const headlines = [`${tag} First of three`, `${tag} Second of three`];
  for (const headline of headlines) await queueWireItem(copy({ headline }));
  await openDesk(page, editor, `?q=${tag}`);
  await expect(queue(page).getByRole("row")).toHaveCount(2);
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(selectedRow(page)).toContainText(headlines[0]);

  const late = `${tag} Third arrives later`;
  await queueWireItem(copy({ headline: late }));
  const news = page.getByTestId("wire-new-items");
  await expect(news).toHaveText("1 new item: show");
  await expect(rowOf(page, late)).toHaveCount(0);
  await expect(selectedRow(page)).toContainText(headlines[0]);
  await news.click();
  await expect(queue(page).getByRole("row").first()).toContainText(late);
  await expect(selectedRow(page)).toContainText(headlines[0]);
});

test("a hostile headline and control characters show as text, in the list and beside it", async ({ page }) => {
  const tag = token();
  const headline = `<script>alert(1)</script><img src=x onerror=alert(2)> ${tag}`;
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await openDesk(page, editor, `?q=${tag}`);
  await queueWireItem(anpaFlash(`${headline} \x07BELL`));
  const row = rowOf(page, tag);
  await expect(row.getByTestId("wire-headline")).toContainText("<script>alert(1)</script><img src=x onerror=alert(2)>");
  await expect(row.getByTestId("wire-priority")).toHaveText("flash");
  await row.click();
  const raw = page.getByTestId("wire-item-panel").getByTestId("panel-raw");
  await expect(raw).toContainText("<script>alert(1)</script>");
  // The envelope's control bytes as their symbols (␁ start of heading, ␂ start of text).
  await expect(raw).toContainText("␁");
  await expect(raw).toContainText("␂");
  expect(await page.locator("img[src=x]").count()).toBe(0);
  expect(await page.evaluate(() => [...document.scripts].some((script) => script.textContent?.includes("alert(1)")))).toBe(false);
  expect(dialogs).toEqual([]);
});

test("the desk, with an item open, has no WCAG 2.1 AA violations axe can find, and reads well at 1366 px and on a phone", async ({ browser }) => {
  const tag = token();
  const flash = `${tag} PRESIDENT RESIGNS - STATE TELEVISION`;
  await queueWireItem(copy({ headline: `${tag} Earlier routine copy on the talks` }));
  await queueWireItem(anpaFlash(flash));
  for (const [name, viewport] of [["1366", { width: 1366, height: 900 }], ["390", { width: 390, height: 844 }]] as const) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await openDesk(page, editor, `?q=${tag}`);
    await expect(queue(page).getByRole("row")).toHaveCount(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/wire-desk-${name}.png`, fullPage: true });
    await page.keyboard.press("j");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("wire-item-panel").getByRole("heading", { level: 2 })).toContainText(tag);
    await expect(page.getByTestId("panel-raw")).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/wire-desk-${name}-open.png`, fullPage: name === "1366" });
    await page.keyboard.press("?");
    await expect(page.getByTestId("keyboard-shortcuts")).toContainText("Take the item into a draft");
    await context.close();
  }
});
