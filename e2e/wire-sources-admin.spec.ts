import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { api, makeUser, unique, type TestUser } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";
import { axeViolations } from "@/e2e/fixtures/axe";

// /admin/wire/sources, as an admin uses it: sources added through the form with real servers
// behind them (a folder, an HTTP server started here), their copy reaching the desk's queue, and
// their health on the page. The app's background jobs do the polling (scripts/serve-site.ts).

type QueueItem = { id: string; headline: string | null; agency: string | null; source: { id: string } | null };
type SourceJson = { id: string; name: string; credentials: { set: boolean }; health: { failing: boolean; lastError: string | null } };

const word = () => randomBytes(4).toString("hex");

/** The desk's queue for one source: its items' headlines. */
async function headlinesFrom(admin: TestUser, sourceId: string): Promise<string[]> {
  const { status, body } = await api<{ items: QueueItem[] }>("GET", `/api/v1/wire/items?source=${sourceId}`, { key: admin.apiKey });
  if (status !== 200) throw new Error(`the queue answered ${status}: ${JSON.stringify(body)}`);
  return body.items.map((item) => item.headline ?? "").sort();
}

async function sourcesNamed(admin: TestUser, name: string): Promise<SourceJson[]> {
  const { body } = await api<{ sources: SourceJson[] }>("GET", "/api/v1/wire/sources", { key: admin.apiKey });
  return body.sources.filter((source) => source.name === name);
}

/** Opens the form, picks the kind and fills what every source has. */
async function startSource(page: Page, kind: "Watched folder" | "HTTP feed" | "FTP or FTPS", fields: { name: string; agency: string; interval?: string }) {
  await page.goto("/admin/wire/sources");
  await page.getByRole("link", { name: "Add a source" }).click();
  await expect(page.getByRole("heading", { name: "Add a wire source" })).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(kind) }).check();
  await page.getByLabel("Name", { exact: true }).fill(fields.name);
  await page.getByLabel("Agency", { exact: true }).fill(fields.agency);
  if (fields.interval) await page.getByLabel("Poll every (seconds)").fill(fields.interval);
}

/** Sends the form and waits for the list to say the source was added; its id. */
async function addSource(page: Page, name: string): Promise<{ id: string; row: Locator }> {
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByTestId("sources-notice")).toContainText(`Added “${name}”.`);
  const row = page.getByTestId("source-row").filter({ has: page.getByText(name, { exact: true }) });
  const id = (await row.getAttribute("data-source-id"))!;
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  return { id, row };
}

/** At a laptop's width and a phone's: a screenshot to look at, no sideways scrolling, nothing axe finds. */
async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

let feeds: Server;
let feedBase: string;
const FEED_USER = "ani-desk";
const FEED_PASSWORD = `feed-pw-${word()}`;
const feedItems = new Map<string, string[]>();

// One local HTTP server for the test file: /feed/<key>.xml is an RSS 2.0 feed behind Basic
// authentication, /broken.xml answers 500.
test.beforeAll(async () => {
  feeds = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/broken.xml") return void response.writeHead(500, { "content-type": "text/plain" }).end("upstream exploded");
    const match = /^\/feed\/(\w+)\.xml$/.exec(url.pathname);
    if (!match || !feedItems.has(match[1])) return void response.writeHead(404).end();
    if (request.headers.authorization !== `Basic ${Buffer.from(`${FEED_USER}:${FEED_PASSWORD}`).toString("base64")}`) {
      return void response.writeHead(401, { "www-authenticate": 'Basic realm="wire"' }).end();
    }
    const now = new Date().toUTCString();
    const items = feedItems.get(match[1])!.map((headline, index) =>
      `<item><guid isPermaLink="false">${match[1]}-${index}</guid><title>${headline}</title><pubDate>${now}</pubDate>` +
      `<description>NEW DELHI, March 3 (ANI): ${headline}, the agency reports, with ${word()} ${word()} detail.</description></item>`);
    response.writeHead(200, { "content-type": "application/rss+xml" });
    response.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>ANI</title><link>http://example.com/</link><description>ANI</description>${items.join("")}</channel></rss>`);
  });
  await new Promise<void>((resolve) => feeds.listen(0, "127.0.0.1", resolve));
  feedBase = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  feeds.closeAllConnections();
  await new Promise((resolve) => feeds.close(resolve));
});

test("an admin adds a folder source, and a dispatch dropped in the folder reaches the desk", async ({ page }) => {
  const admin = await makeUser("admin");
  const folder = await mkdtemp(path.join(tmpdir(), "dateline-sources-ui-"));
  try {
    await signInViaApi(page, admin);
    const name = unique("ANI folder");
    await startSource(page, "Watched folder", { name, agency: "ANI", interval: "5" });
    await page.getByLabel("Folder path").fill(folder);
    const { id, row } = await addSource(page, name);
    await expect(row.getByTestId("source-address")).toHaveText(folder);

    const headline = `Russia and India agree on ${word()} corridor`;
    await writeFile(
      path.join(folder, `ani-${word()}.txt`),
      `${headline}\n\nMoscow [Russia], December 27 (ANI): Russia and India agreed on Wednesday to build a ${word()} trade corridor, officials said.\n\nThe agreement follows talks in Moscow.\n`,
    );
    await expect.poll(() => headlinesFrom(admin, id), { timeout: 30_000 }).toEqual([headline]);

    await row.getByRole("button", { name: /^Poll now/ }).click();
    await expect(row.getByTestId("row-said")).toHaveText("Polled: the health shown is from this poll.", { timeout: 15_000 });
    await expect(row.getByTestId("health-badge")).toHaveText("Healthy");
    await expect(row.getByTestId("item-counts")).toHaveText("Items: 1 in the last hour, 1 in the last day");

    // Disabled, it is not polled and cannot be polled now; enabled again, it can.
    await row.getByRole("button", { name: /^Disable/ }).click();
    await expect(row.getByText("not polled", { exact: true })).toBeVisible();
    await expect(row.getByRole("button", { name: /^Poll now/ })).toBeDisabled();
    await row.getByRole("button", { name: /^Enable/ }).click();
    await expect(row.getByTestId("next-poll")).toBeVisible();
    await expect(row.getByRole("button", { name: /^Poll now/ })).toBeEnabled();

    // Edited: a rule added through the form is kept, and said on the list.
    await row.getByRole("link", { name: /^Edit/ }).click();
    await expect(page.getByRole("heading", { name: `Edit “${name}”` })).toBeVisible();
    await expect(page.getByLabel("Folder path")).toHaveValue(folder);
    await page.getByRole("button", { name: "Add a rule" }).click();
    await page.getByLabel("Copy mentions one of").fill("corridor, pipeline");
    await page.getByLabel("Set the priority to").selectOption("urgent");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByTestId("sources-notice")).toHaveText(`Saved “${name}”.`);
    await expect(row).toContainText("1 rule");
    const { body } = await api<{ rules: unknown }>("GET", `/api/v1/wire/sources/${id}`, { key: admin.apiKey });
    expect(body.rules).toEqual([{ when: { keyword: ["corridor", "pipeline"] }, then: { setPriority: "urgent" } }]);

    // Deleted after asking; what it brought in stays on the desk.
    await row.getByRole("button", { name: /^Delete/ }).click();
    await page.getByRole("dialog", { name: `Delete the source “${name}”?` }).getByRole("button", { name: "Delete source" }).click();
    await expect(page.getByTestId("sources-notice")).toContainText("Source deleted");
    await expect(page.getByTestId("source-row").filter({ hasText: name })).toHaveCount(0);
    expect(await sourcesNamed(admin, name)).toEqual([]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test("an HTTP feed's items arrive, a feed answering 500 says so in words, and the password never reaches a page", async ({ page }, testInfo) => {
  const admin = await makeUser("admin");
  await signInViaApi(page, admin);
  const key = word();
  const headlines = [`Monsoon reaches Kerala ${word()}`, `Sensex closes higher ${word()}`];
  feedItems.set(key, headlines);

  const name = unique("ANI feed");
  await startSource(page, "HTTP feed", { name, agency: "ANI", interval: "300" });
  await page.getByLabel("Feed address").fill(`${feedBase}/feed/${key}.xml`);
  await page.getByLabel("Format").selectOption("rss");
  await page.getByLabel("Sign in with").selectOption("login");
  await page.getByLabel("User name").fill(FEED_USER);
  await page.getByLabel("Password").fill(FEED_PASSWORD);
  await expect(page.getByLabel("Password")).toHaveAttribute("type", "password");
  expect(await page.content()).not.toContain(FEED_PASSWORD);
  const feed = await addSource(page, name);
  await expect.poll(() => headlinesFrom(admin, feed.id), { timeout: 30_000 }).toEqual([...headlines].sort());
  await page.reload();
  await expect(feed.row.getByTestId("health-badge")).toHaveText("Healthy");
  await expect(feed.row.getByTestId("item-counts")).toHaveText("Items: 2 in the last hour, 2 in the last day");

  const brokenName = unique("Broken feed");
  await startSource(page, "HTTP feed", { name: brokenName, agency: "PTI", interval: "300" });
  await page.getByLabel("Feed address").fill(`${feedBase}/broken.xml`);
  const broken = await addSource(page, brokenName);
  await broken.row.getByRole("button", { name: /^Poll now/ }).click();
  await expect(broken.row.getByTestId("row-said")).toHaveText("Polled: the health shown is from this poll.", { timeout: 15_000 });
  await expect(broken.row.getByTestId("last-error")).toContainText("The feed answered 500 Internal Server Error");
  await expect(broken.row.getByTestId("health-badge")).toContainText("Failing");
  await expect(feed.row.getByTestId("health-badge")).toHaveText("Healthy");
  await screenshots(page, testInfo, "sources-list");

  // Neither the list, the edit form nor the API gives the password back.
  expect(await page.content()).not.toContain(FEED_PASSWORD);
  await feed.row.getByRole("link", { name: /^Edit/ }).click();
  await expect(page.getByLabel("Sign in with")).toHaveAccessibleDescription(/Credentials are set \(never shown\)/);
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription("Set — leave blank to keep");
  expect(await page.content()).not.toContain(FEED_PASSWORD);
  expect(JSON.stringify((await api("GET", `/api/v1/wire/sources/${feed.id}`, { key: admin.apiKey })).body)).not.toContain(FEED_PASSWORD);

  // Saved with the credentials left blank: they are kept, and the feed still lets Dateline in.
  feedItems.set(key, [...headlines, `Third item ${word()}`]);
  await page.getByLabel("Poll every (seconds)").fill("120");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("sources-notice")).toHaveText(`Saved “${name}”.`);
  const [stored] = await sourcesNamed(admin, name);
  expect(stored.credentials.set).toBe(true);
  await feed.row.getByRole("button", { name: /^Poll now/ }).click();
  await expect(feed.row.getByTestId("row-said")).toHaveText("Polled: the health shown is from this poll.", { timeout: 15_000 });
  await expect(feed.row.getByTestId("health-badge")).toHaveText("Healthy");
  await expect.poll(async () => (await headlinesFrom(admin, feed.id)).length, { timeout: 15_000 }).toBe(3);
  expect(await page.content()).not.toContain(FEED_PASSWORD);
});

test("bad input shows each error beside its field and adds nothing; an FTP password typed is never in the page", async ({ page }, testInfo) => {
  const admin = await makeUser("admin");
  await signInViaApi(page, admin);

  await startSource(page, "Watched folder", { name: "", agency: "ANI" });
  await page.getByLabel("Folder path").fill("incoming/ani");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Nothing was saved: check the fields marked below.");
  const nameField = page.getByLabel("Name", { exact: true });
  await expect(page.getByTestId("error-source-name")).toHaveText("Give the source a name");
  await expect(nameField).toHaveAttribute("aria-invalid", "true");
  await expect(nameField).toHaveAccessibleDescription(/Give the source a name/);
  await expect(page.getByLabel("Folder path")).toHaveAccessibleDescription(/Enter the folder's full path, starting with \//);
  // What was typed stays for the admin to correct.
  await expect(page.getByLabel("Folder path")).toHaveValue("incoming/ani");
  await screenshots(page, testInfo, "source-form-errors");

  const ftpPassword = `ftp-pw-${word()}`;
  const ftpName = unique("PTI FTP");
  await page.getByRole("radio", { name: /FTP or FTPS/ }).check();
  await nameField.fill(ftpName);
  await page.getByLabel("Server address").fill(`ftp://pti:${ftpPassword}@ftp.example.com/out`);
  await page.getByLabel("User name").fill("pti");
  await page.getByLabel("Password").fill(ftpPassword);
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByTestId("error-source-url")).toHaveText("Put the user name and password in the credentials, not in the address");
  await expect(page.getByTestId("error-source-name")).toHaveCount(0);
  expect(await page.content()).not.toContain(ftpPassword);
  expect(await sourcesNamed(admin, ftpName)).toEqual([]);

  // Put right, and left disabled (no server is there to poll): added, and its password is nowhere on the page.
  await page.getByLabel("Server address").fill("ftps://127.0.0.1:1/outgoing");
  await page.getByLabel("Enabled").uncheck();
  const { row } = await addSource(page, ftpName);
  await expect(row.getByText("FTPS", { exact: true })).toBeVisible();
  await expect(row.getByText("not polled", { exact: true })).toBeVisible();
  expect(await page.content()).not.toContain(ftpPassword);
  await row.getByRole("link", { name: /^Edit/ }).click();
  await expect(page.getByLabel("Server address")).toHaveValue("ftps://127.0.0.1:1/outgoing");
  await expect(page.getByLabel("User name")).toHaveValue("");
  expect(await page.content()).not.toContain(ftpPassword);
  const [stored] = await sourcesNamed(admin, ftpName);
  expect(stored.credentials.set).toBe(true);
});

test("a rule that does nothing, or a tag without a name, is refused beside the rule", async ({ page }, testInfo) => {
  const admin = await makeUser("admin");
  await signInViaApi(page, admin);
  const name = unique("Rules");
  await startSource(page, "Watched folder", { name, agency: "ANI" });
  await page.getByLabel("Folder path").fill(`/tmp/dateline-rules-${word()}`);
  await page.getByRole("button", { name: "Add a rule" }).click();
  await page.getByLabel("Agency is one of").fill("ANI");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByTestId("rule-error")).toHaveText("A rule needs something to do: set a priority, add tags, route to a desk or drop the item");
  await page.getByRole("button", { name: "Add a tag" }).click();
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByLabel("Tag 1 name")).toHaveAccessibleDescription("A tag needs a name");
  await screenshots(page, testInfo, "source-rules-errors");
  expect(await sourcesNamed(admin, name)).toEqual([]);
  await page.getByLabel("Tag 1 name").fill("Politics");
  await page.getByLabel("Tag 1 type").selectOption("topic");
  await addSource(page, name);
  const [stored] = await sourcesNamed(admin, name);
  const { body } = await api<{ rules: unknown }>("GET", `/api/v1/wire/sources/${stored.id}`, { key: admin.apiKey });
  expect(body.rules).toEqual([{ when: { agency: ["ANI"] }, then: { addTags: [{ name: "Politics", type: "topic" }] } }]);
});

for (const role of ["writer", "editor"] as const) {
  test(`${role === "editor" ? "an" : "a"} ${role} is refused the sources pages`, async ({ page }) => {
    const user = await makeUser(role);
    await signInViaApi(page, user);
    for (const address of ["/admin/wire/sources", "/admin/wire/sources/new"]) {
      await page.goto(address);
      await expect(page.getByText("Only admins manage the wire's ingest sources.")).toBeVisible();
      await expect(page.getByTestId("source-list")).toHaveCount(0);
      await expect(page.getByTestId("source-form")).toHaveCount(0);
    }
    expect((await api("GET", "/api/v1/wire/sources", { key: user.apiKey })).status).toBe(403);
  });
}
