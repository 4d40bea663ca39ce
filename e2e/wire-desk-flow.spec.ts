import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { FtpSrv } from "ftp-srv";
import { expect, test, type Page } from "@playwright/test";
import { makeUser, unique, type TestUser } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";

// Issue 13's whole path, as a newsroom lives it: an admin adds the three kinds of source through
// the form (a folder, an HTTP feed, an FTP server, each a real server started here), their copy
// flows in and appears on an editor's open desk without a reload, and the editor takes an item
// into a draft and publishes it for readers.

const quiet: Record<string, unknown> = { child: () => quiet, trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {} };
const word = () => randomBytes(3).toString("hex");
/** Words no other copy has: near-duplicate copy would be shown as one event. */
const words = (count = 30) => Array.from({ length: count }, () => `w${word()}`).join(" ");

let feeds: Server;
let feedUrl: string;
const feedItems: string[] = [];
let ftp: FtpSrv;
let ftpRoot: string;
let ftpUrl: string;
const FTP_LOGIN = { username: "reuters", password: `ftp-${word()}${word()}` };
let folder: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test.beforeAll(async () => {
  feeds = createHttpServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/rss+xml" });
    response.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>PTI</title>${feedItems.join("")}</channel></rss>`);
  });
  await new Promise<void>((resolve) => feeds.listen(0, "127.0.0.1", resolve));
  feedUrl = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}/pti.xml`;

  ftpRoot = await mkdtemp(path.join(tmpdir(), "dateline-flow-ftp-"));
  await mkdir(path.join(ftpRoot, "out"));
  const port = await freePort();
  const pasvMin = 30_000 + Math.floor(Math.random() * 20_000);
  const fixture = (name: string) => readFileSync(path.resolve("lib/wire-sources/fixtures", name), "utf8");
  ftp = new FtpSrv({ url: `ftp://127.0.0.1:${port}`, pasv_url: "127.0.0.1", pasv_min: pasvMin, pasv_max: pasvMin + 200, log: quiet, tls: { key: fixture("ftps-test-key.pem"), cert: fixture("ftps-test-cert.pem") } } as ConstructorParameters<typeof FtpSrv>[0]);
  ftp.on("login", ({ username, password }, resolve, reject) => (username === FTP_LOGIN.username && password === FTP_LOGIN.password ? resolve({ root: ftpRoot }) : reject(new Error("Bad login"))));
  await ftp.listen();
  ftpUrl = `ftp://127.0.0.1:${port}/out`;
  folder = await mkdtemp(path.join(tmpdir(), "dateline-flow-drop-"));
});

test.afterAll(async () => {
  feeds.closeAllConnections();
  await new Promise((resolve) => feeds.close(resolve));
  await ftp.close();
  await rm(ftpRoot, { recursive: true, force: true });
  await rm(folder, { recursive: true, force: true });
});

/** The add-a-source form, filled with what every source has, then the kind's own fields by `fill`. */
async function addSource(page: Page, kind: RegExp, name: string, agency: string, fill: () => Promise<void>) {
  await page.goto("/admin/wire/sources");
  await page.getByRole("link", { name: "Add a source" }).click();
  await page.getByRole("radio", { name: kind }).check();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Agency", { exact: true }).fill(agency);
  await page.getByLabel("Poll every (seconds)").fill("5");
  await fill();
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByTestId("sources-notice")).toContainText(`Added “${name}”.`);
}

test("sources added through the form bring copy onto an open desk, and an editor takes one and publishes it", async ({ browser }) => {
  test.slow();
  const admin: TestUser = await makeUser("admin");
  const editor: TestUser = await makeUser("editor");
  const tag = word();

  // The editor's desk is open before anything arrives, and is never reloaded.
  const editorContext = await browser.newContext();
  const desk = await editorContext.newPage();
  await signInViaApi(desk, editor);
  await desk.goto("/admin/wire");
  await expect(desk.getByTestId("wire-live")).toHaveAttribute("data-live", "on");
  const grid = desk.getByRole("grid", { name: "Wire queue, newest first" });

  const adminContext = await browser.newContext();
  const page = await adminContext.newPage();
  await signInViaApi(page, admin);

  await addSource(page, /Watched folder/, unique("ANI drop folder"), "ANI", () => page.getByLabel("Folder path").fill(folder));
  const folderHeadline = `Folder ${tag}: corridor agreed`;
  await writeFile(path.join(folder, `ani-${tag}.txt`), `${folderHeadline}\n\nMoscow [Russia], December 27 (ANI): ${words()}.\n`);
  await expect(grid.getByRole("row").filter({ hasText: folderHeadline })).toBeVisible({ timeout: 20_000 });

  feedItems.push(`<item><guid>urn:pti:${tag}</guid><title>Feed ${tag}: rates held</title><description>New Delhi, Dec 2 (PTI): ${words()}.</description></item>`);
  await addSource(page, /HTTP feed/, unique("PTI feed"), "PTI", async () => {
    await page.getByLabel("Feed address").fill(feedUrl);
    await page.getByLabel("Format").selectOption("rss");
  });
  await expect(grid.getByRole("row").filter({ hasText: `Feed ${tag}: rates held` })).toBeVisible({ timeout: 20_000 });

  const ftpHeadline = `FTP ${tag}: markets close higher`;
  await writeFile(path.join(ftpRoot, "out", `reuters-${tag}.txt`), `${ftpHeadline}\n\nLONDON, Dec 2 (Reuters) - ${words()}.\n`);
  await addSource(page, /FTP or FTPS/, unique("Reuters FTP"), "Reuters", async () => {
    await page.getByLabel("Server address").fill(ftpUrl);
    await page.getByLabel("User name").fill(FTP_LOGIN.username);
    await page.getByLabel("Password").fill(FTP_LOGIN.password);
    await page.getByLabel("After taking a file").selectOption("move");
  });
  await expect(grid.getByRole("row").filter({ hasText: ftpHeadline })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator("body")).not.toContainText(FTP_LOGIN.password);
  expect(await page.content()).not.toContain(FTP_LOGIN.password);

  // The editor opens the FTP item from the keyboard and takes it into a draft.
  const row = grid.getByRole("row").filter({ hasText: ftpHeadline });
  await row.click();
  await expect(desk.getByTestId("wire-item-panel").getByRole("heading", { level: 2 })).toHaveText(ftpHeadline);
  await desk.keyboard.press("t");
  await desk.waitForURL(/\/admin\/stories\/[0-9a-f-]{36}$/);
  await expect(desk.getByLabel("Headline", { exact: true })).toHaveValue(ftpHeadline);
  await desk.getByRole("button", { name: "Publish" }).click();
  await expect(desk.getByRole("status")).toHaveText("Published.");
  await expect(desk.getByTestId("status")).toHaveText("published");

  // Readers find it on the site.
  const reader = await browser.newPage();
  await reader.goto("/");
  await reader.getByRole("link", { name: ftpHeadline }).first().click();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(ftpHeadline);

  // Back on the desk, the item shows its story.
  await desk.goto("/admin/wire");
  await expect(grid.getByRole("row").filter({ hasText: ftpHeadline }).getByTestId("wire-story-link")).toBeVisible();
  await editorContext.close();
  await adminContext.close();
});
