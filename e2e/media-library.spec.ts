import { randomBytes } from "node:crypto";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { api, makeStory, makeUser, unique, type TestUser } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";
import { mediaFixture, uploadMedia, type ApiMedia } from "@/e2e/fixtures/media";

// Issue 14, the newsroom's side of pictures: the media library (/admin/media), a picture's page,
// and the story editor's lead picture, in Chromium against the built app.

const CAPTION = "Police officers stand outside the Indian embassy in Moscow, Russia, on December 27, 2023.";
// Decoding a photo and making its crops in three formats takes a few seconds on a busy machine.
const UPLOADED = { timeout: 45_000 };

/**
 * A word no other test's file names hold: the library's search finds a file by the start of any
 * word of its name ("m1a2b3c4" finds "m1a2b3c4-embassy.jpg"), so each test sees its own pictures.
 */
const fileStem = () => `m${randomBytes(4).toString("hex")}`;

async function uploadAs(user: TestUser, fixture: string, filename: string, contentType = "image/jpeg"): Promise<ApiMedia> {
  const { status, body } = await uploadMedia(user.apiKey, mediaFixture(fixture), filename, contentType);
  expect(status, JSON.stringify(body)).toBe(201);
  return body;
}

const uploadLine = (page: Page, filename: string) => page.getByTestId("upload-line").filter({ hasText: filename });

async function searchLibrary(page: Page, words: string) {
  await page.getByLabel("Caption, credit or file name").fill(words);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${words}`));
}

test("an editor uploads with the file picker: the photo's own caption and credit are filled in, and refused files say why beside them and are not kept", async ({ page }) => {
  const editor = await makeUser("editor");
  const stem = fileStem();
  await signInViaApi(page, editor);
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Media" }).click();
  await expect(page.getByRole("heading", { name: "Media", level: 1 })).toBeVisible();

  await page.getByLabel("Choose pictures").setInputFiles([
    { name: `${stem}-embassy.jpg`, mimeType: "image/jpeg", buffer: mediaFixture("moscow-embassy.jpg") },
    // A text file given a picture's name: the browser calls it image/jpeg, the server reads its bytes.
    { name: `${stem}-notes.jpg`, mimeType: "image/jpeg", buffer: Buffer.from("Notes from the embassy, not a picture.\n") },
    { name: `${stem}-logo.svg`, mimeType: "image/svg+xml", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') },
  ]);

  // Each file has its own line, in the order chosen, and a refusal names the file and the reason.
  await expect(page.getByTestId("upload-line")).toHaveCount(3);
  await expect(uploadLine(page, `${stem}-embassy.jpg`)).toContainText("Added.", UPLOADED);
  await expect(uploadLine(page, `${stem}-notes.jpg`)).toContainText("Refused.", UPLOADED);
  await expect(uploadLine(page, `${stem}-notes.jpg`).getByTestId("upload-refusal")).toHaveText(`${stem}-notes.jpg is not a picture this site takes (JPEG, PNG, WebP or AVIF)`);
  await expect(uploadLine(page, `${stem}-logo.svg`).getByTestId("upload-refusal")).toHaveText(`${stem}-logo.svg is an SVG drawing, which is refused: it can carry script`, UPLOADED);

  // The new picture is at the top of the library at once, with what its file says.
  const first = page.getByTestId("media-card").first();
  await expect(first.getByTestId("media-filename")).toHaveText(`${stem}-embassy.jpg`);
  await expect(first.getByTestId("media-caption")).toHaveText(CAPTION);
  await expect(first.getByTestId("media-credit")).toHaveText("ANI");
  await expect(first.getByTestId("needs-alt")).toHaveText("Needs alt text");
  const thumbnail = first.locator("img");
  await expect(thumbnail).toHaveAttribute("loading", "lazy");
  await expect(thumbnail).toHaveJSProperty("complete", true);
  expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  // Only the photo was kept: the library, searched for this test's files, holds one.
  await searchLibrary(page, stem);
  await expect(page.getByTestId("media-card")).toHaveCount(1);
  await expect(page.getByTestId("media-card").getByTestId("media-filename")).toHaveText(`${stem}-embassy.jpg`);
  const listed = await api<{ items: ApiMedia[] }>("GET", `/api/v1/media?q=${stem}`, { key: editor.apiKey });
  expect(listed.body.items.map((item) => item.filename)).toEqual([`${stem}-embassy.jpg`]);

  // Its page shows the fields filled in from the file, beside what the file says.
  await page.getByTestId("media-card").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${stem}-embassy.jpg`);
  await expect(page.getByLabel("Caption", { exact: true })).toHaveValue(CAPTION);
  await expect(page.getByLabel("Credit", { exact: true })).toHaveValue("ANI");
  await expect(page.getByLabel("Photographer", { exact: true })).toHaveValue("Yuri Kochetkov");
  await expect(page.getByTestId("file-says-caption")).toContainText(CAPTION);
  await expect(page.getByTestId("file-says-caption")).toContainText("(in use)");

  // A field changed can take the file's words back with one button.
  await page.getByLabel("Credit", { exact: true }).fill("Staff");
  await page.getByRole("button", { name: "Use the file's credit" }).click();
  await expect(page.getByLabel("Credit", { exact: true })).toHaveValue("ANI");
});

test("several pictures dropped anywhere on the library, and one pasted, each get their own line and join the library", async ({ page }) => {
  const editor = await makeUser("editor");
  const stem = fileStem();
  await signInViaApi(page, editor);
  await page.goto("/admin/media");

  // What a drop from the desktop hands the page: a DataTransfer holding the files.
  const files = [
    { name: `${stem}-dropped.png`, type: "image/png", bytes: [...mediaFixture("plain.png")] },
    { name: `${stem}-dropped.gif`, type: "image/gif", bytes: [...Buffer.from("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;", "latin1")] },
  ];
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const file of list) transfer.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
    const target = document.querySelector("h1")!;
    target.dispatchEvent(new DragEvent("dragenter", { bubbles: true, dataTransfer: transfer }));
    target.dispatchEvent(new DragEvent("dragover", { bubbles: true, cancelable: true, dataTransfer: transfer }));
    target.dispatchEvent(new DragEvent("drop", { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }, files);
  await expect(uploadLine(page, `${stem}-dropped.png`)).toContainText("Added.", UPLOADED);
  await expect(uploadLine(page, `${stem}-dropped.gif`).getByTestId("upload-refusal")).toHaveText(`${stem}-dropped.gif is a GIF, which is not accepted: send a JPEG, PNG, WebP or AVIF`, UPLOADED);

  // A screenshot pasted from the clipboard arrives as "image.png": it is named for when it was pasted.
  await page.evaluate((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], "image.png", { type: "image/png" }));
    document.body.dispatchEvent(new ClipboardEvent("paste", { bubbles: true, cancelable: true, clipboardData: transfer }));
  }, [...mediaFixture("plain.png")]);
  const pasted = page.getByTestId("upload-line").filter({ hasText: /^pasted-\d{8}-\d{6}\.png/ });
  await expect(pasted).toContainText("Added.", UPLOADED);
  await expect(page.getByTestId("media-card").first().getByTestId("media-filename")).toHaveText(/^pasted-\d{8}-\d{6}\.png$/);
  await expect(page.getByTestId("media-card").nth(1).getByTestId("media-filename")).toHaveText(`${stem}-dropped.png`);
});

test("an editor writes the alt text and sets the focal point by clicking; after saving the crops follow it, and a reload finds both kept", async ({ page }) => {
  const editor = await makeUser("editor");
  const picture = await uploadAs(editor, "moscow-embassy.jpg", `${fileStem()}-focus.jpg`);
  await signInViaApi(page, editor);
  await page.goto(`/admin/media/${picture.id}`);

  const picker = page.getByRole("slider", { name: "Focal point" });
  await expect(picker).toHaveAttribute("aria-valuetext", "50% from the left, 50% from the top");
  const squareBefore = await page.getByTestId("crop-1:1").locator("img").getAttribute("src");

  const alt = "Police officers in winter coats at the gate of the Indian embassy in Moscow";
  await page.getByLabel("Alt text", { exact: true }).fill(alt);
  const box = (await picker.boundingBox())!;
  await picker.click({ position: { x: box.width * 0.25, y: box.height * 0.4 } });
  await expect(picker).toHaveAttribute("aria-valuetext", /^2[456]% from the left, (39|40|41)% from the top$/);
  // The marker sits where the click was.
  const marker = (await page.getByTestId("focal-point-marker").boundingBox())!;
  expect(Math.abs(marker.x + marker.width / 2 - (box.x + box.width * 0.25))).toBeLessThan(4);
  expect(Math.abs(marker.y + marker.height / 2 - (box.y + box.height * 0.4))).toBeLessThan(4);

  // With the picker focused, the arrow keys move the point a step at a time.
  const clicked = Number(await picker.getAttribute("aria-valuenow"));
  await picker.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(picker).toHaveAttribute("aria-valuenow", String(clicked + 2));
  const chosen = (await picker.getAttribute("aria-valuetext"))!;
  await expect(page.getByTestId("focal-point-text")).toHaveText(`Now: ${chosen}.`);
  await expect(page.getByTestId("save-state")).toHaveText("Unsaved changes.");

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("Saved at");
  await expect(page.getByRole("status")).toContainText("The crops were made again around the new focal point.");
  // The square crop was made again from the new point: another file.
  await expect(page.getByTestId("crop-1:1").locator("img")).not.toHaveAttribute("src", squareBefore!);
  await expect(page.getByTestId("needs-alt")).toHaveCount(0);

  await page.reload();
  await expect(page.getByLabel("Alt text", { exact: true })).toHaveValue(alt);
  await expect(picker).toHaveAttribute("aria-valuetext", chosen);

  // A caption changed and not saved is not lost to a click on a newsroom link: it is saved, then the page goes.
  await page.getByLabel("Caption", { exact: true }).fill("Police outside the Indian embassy in Moscow.");
  await page.getByRole("link", { name: "← Media library" }).click();
  await expect(page).toHaveURL(/\/admin\/media$/);
  await page.goto(`/admin/media/${picture.id}`);
  await expect(page.getByLabel("Caption", { exact: true })).toHaveValue("Police outside the Indian embassy in Moscow.");
});

/** Opens the library dialog from the lead picture panel, finds this test's pictures and picks one, all by keyboard. */
async function chooseWithKeyboard(page: Page, opener: Locator, stem: string, position: number) {
  await opener.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: /lead picture/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Search the library")).toBeFocused();
  await page.keyboard.type(stem);
  await expect(dialog.getByTestId("media-picker-status")).toContainText(`2 pictures match “${stem}”`);
  await expect(dialog.getByRole("option")).toHaveCount(2);
  await page.keyboard.press("ArrowDown");
  for (let step = 0; step < position; step += 1) await page.keyboard.press("ArrowRight");
  const option = dialog.getByRole("option").nth(position);
  await expect(option).toBeFocused();
  await expect(option).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
}

test("in a story, the lead picture is chosen from the library by keyboard, publishing waits for its alt text, and the article shows it with its caption and credit", async ({ page }) => {
  const editor = await makeUser("editor");
  const stem = fileStem();
  const photo = await uploadAs(editor, "moscow-embassy.jpg", `${stem}-lead.jpg`);
  const alt = "Police officers at the gate of the Indian embassy in Moscow";
  expect((await api("PATCH", `/api/v1/media/${photo.id}`, { key: editor.apiKey, body: { alt } })).status).toBe(200);
  // Uploaded second, so the newest: first in the dialog.
  const plain = await uploadAs(editor, "plain.png", `${stem}-plain.png`, "image/png");
  const story = await makeStory(editor, { headline: unique("Police guard the embassy"), standfirst: "Officers stood at the gate all day.", tags: [unique("Embassies")] });
  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${story.id}`);

  const panel = page.getByTestId("lead-picture");
  const checklistItem = page.getByTestId("check-leadImageAlt");
  await expect(panel.getByRole("heading", { name: "Lead picture" })).toBeVisible();
  await expect(checklistItem).toHaveCount(0);

  // The picture without alt text: the checklist stops publishing at once, and so does the server.
  const choose = panel.getByRole("button", { name: "Choose from the library" });
  await chooseWithKeyboard(page, choose, stem, 0);
  // Focus is back on the panel's button, which now offers to change the picture.
  await expect(panel.getByRole("button", { name: "Change picture" })).toBeFocused();
  await expect(panel.getByTestId("needs-alt")).toBeVisible();
  await expect(checklistItem).toHaveAttribute("data-state", "block");
  await expect(checklistItem).toContainText("Describe the lead picture (its alt text) for readers who cannot see it.");
  await expect(page.getByTestId("prepublish-checklist")).toContainText("1 item stops publishing");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("command-error")).toContainText("Describe the lead picture (its alt text)");
  await expect(page.getByTestId("status")).toHaveText("draft");

  // Fixed from the story: the alt text written in the panel goes to the picture in the library.
  await panel.getByLabel("Alt text").fill("A plain grey square");
  await panel.getByRole("button", { name: "Save alt text" }).click();
  await expect(panel.getByTestId("lead-picture-alt")).toHaveText("Alt text: A plain grey square");
  await expect(checklistItem).toHaveAttribute("data-state", "ok");
  expect((await api<ApiMedia>("GET", `/api/v1/media/${plain.id}`, { key: editor.apiKey })).body.alt).toBe("A plain grey square");

  // The photo instead (second in the grid, older); it has its alt text.
  await chooseWithKeyboard(page, panel.getByRole("button", { name: "Change picture" }), stem, 1);
  await expect(panel.getByTestId("lead-picture-caption")).toHaveText(CAPTION);
  await expect(panel.getByTestId("lead-picture-credit")).toHaveText("Yuri Kochetkov / ANI");
  await expect(panel.getByTestId("lead-picture-alt")).toHaveText(`Alt text: ${alt}`);
  await expect(panel.getByRole("link", { name: /Edit the picture in the library/ })).toHaveAttribute("href", `/admin/media/${photo.id}`);
  await expect(checklistItem).toHaveAttribute("data-state", "ok");

  // The choice saves with the story (autosave), and publishing puts it on the article.
  await expect(page.getByTestId("autosave-state")).toHaveText(/Saved automatically|All changes saved/);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Published.");
  await expect(page.getByTestId("lead-picture").getByTestId("lead-picture-caption")).toHaveText(CAPTION);

  await page.getByTestId("view-live").click();
  const figure = page.getByTestId("lead-image");
  await expect(figure).toBeVisible();
  await expect(figure.locator("img")).toHaveAttribute("alt", alt);
  await expect(figure.locator("figcaption")).toContainText(CAPTION);
  await expect(figure.getByTestId("picture-credit")).toHaveText("Yuri Kochetkov / ANI");
  await expect(figure.locator("img")).toHaveJSProperty("complete", true);
  expect(await figure.locator("img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
});

test("a picture put in the body from the toolbar stays where it was put, through a save and a reload, and the article shows it with its caption", async ({ page }) => {
  const editor = await makeUser("editor");
  const stem = fileStem();
  const photo = await uploadAs(editor, "moscow-embassy.jpg", `${stem}-inline.jpg`);
  const alt = "Police officers at the gate of the Indian embassy in Moscow";
  expect((await api("PATCH", `/api/v1/media/${photo.id}`, { key: editor.apiKey, body: { alt } })).status).toBe(200);
  const story = await makeStory(editor, { headline: unique("Embassy guarded"), standfirst: "Officers stood at the gate.", body: "<p>First paragraph.</p><p>Second paragraph.</p>", tags: [unique("Embassies")] });
  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${story.id}`);

  // The cursor at the end of the first paragraph, then the toolbar's Picture.
  const body = page.getByTestId("body-editor");
  await body.getByText("First paragraph.").click();
  await page.keyboard.press("End");
  await page.getByRole("toolbar", { name: "Body formatting" }).getByRole("button", { name: "Picture" }).click();
  const dialog = page.getByRole("dialog", { name: "Put a picture in the body" });
  await expect(dialog.getByLabel("Search the library")).toBeFocused();
  await page.keyboard.type(stem);
  await expect(dialog.getByTestId("media-picker-status")).toContainText(`1 picture matches “${stem}”`);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();

  const figure = body.getByTestId("body-figure");
  await expect(figure).toContainText(CAPTION);
  await expect(figure).toContainText("Yuri Kochetkov / ANI");
  await expect(figure).toContainText(`Alt text: ${alt}`);
  await expect(page.getByTestId("autosave-state")).toHaveText(/Saved automatically/);
  const saved = async () => (await api<{ body: string }>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey })).body.body;
  expect(await saved()).toBe(`<p>First paragraph.</p><figure data-media="${photo.id}"></figure><p>Second paragraph.</p>`);

  // A reload finds it where it was put; typing elsewhere keeps it.
  await page.reload();
  await expect(figure).toContainText(CAPTION);
  await body.getByText("Second paragraph.").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" More.");
  await expect(page.getByTestId("autosave-state")).toHaveText(/Saved automatically/);
  await expect.poll(saved).toBe(`<p>First paragraph.</p><figure data-media="${photo.id}"></figure><p>Second paragraph. More.</p>`);

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Published.");
  await page.getByTestId("view-live").click();
  const inline = page.getByTestId("inline-picture");
  await expect(inline.locator("img")).toHaveAttribute("alt", alt);
  await expect(inline.locator("figcaption")).toContainText(CAPTION);
  await expect(inline.locator("img")).toHaveAttribute("loading", "lazy");
});

test("a body picture the wire brought is kept when the story is edited, and goes with one button", async ({ page }) => {
  const editor = await makeUser("editor");
  const photo = await uploadAs(editor, "moscow-embassy.jpg", `${fileStem()}-wire.jpg`);
  const story = await makeStory(editor, { body: `<p>Copy.</p><figure data-media="${photo.id}"></figure>` });
  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${story.id}`);
  const body = page.getByTestId("body-editor");
  await expect(body.getByTestId("body-figure")).toContainText(CAPTION);
  await expect(body.getByTestId("body-figure").getByTestId("needs-alt")).toBeVisible();
  // It stops publishing until it is described, as a lead picture does.
  await expect(page.getByTestId("check-bodyPicturesAlt")).toHaveAttribute("data-state", "block");
  await body.getByText("Copy.").click();
  await page.keyboard.press("End");
  await page.keyboard.type(" Edited.");
  await expect(page.getByTestId("autosave-state")).toHaveText(/Saved automatically/);
  const saved = async () => (await api<{ body: string }>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey })).body.body;
  await expect.poll(saved).toBe(`<p>Copy. Edited.</p><figure data-media="${photo.id}"></figure>`);

  await body.getByTestId("body-figure").getByRole("button", { name: "Remove picture" }).click();
  await expect(body.getByTestId("body-figure")).toHaveCount(0);
  await expect(page.getByTestId("check-bodyPicturesAlt")).toHaveCount(0);
  await expect.poll(saved).toBe("<p>Copy. Edited.</p>");
});

test("the lead picture is removed with one button, and a story saved without it keeps none", async ({ page }) => {
  const editor = await makeUser("editor");
  const photo = await uploadAs(editor, "moscow-embassy.jpg", `${fileStem()}-removed.jpg`);
  const story = await makeStory(editor, { leadImage: { id: photo.id } });
  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${story.id}`);
  const panel = page.getByTestId("lead-picture");
  await expect(panel.getByTestId("lead-picture-caption")).toHaveText(CAPTION);
  await panel.getByRole("button", { name: "Remove" }).click();
  await expect(panel.getByRole("button", { name: "Choose from the library" })).toBeFocused();
  await expect(page.getByTestId("check-leadImageAlt")).toHaveCount(0);
  await expect(page.getByTestId("autosave-state")).toHaveText(/Saved automatically/);
  await page.reload();
  await expect(panel.getByRole("button", { name: "Choose from the library" })).toBeVisible();
  expect((await api<{ leadImageId: string | null }>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey })).body.leadImageId).toBeNull();
});

for (const [device, viewport] of [["desktop", { width: 1366, height: 900 }], ["phone", { width: 390, height: 844 }]] as const) {
  test(`the library, a picture's page and the story's picture panel fit a ${viewport.width} px screen (screenshots: test-results/screenshots/media-*-${device}.png)`, async ({ browser }) => {
    const context = await browser.newContext({ viewport, ...(device === "phone" ? { isMobile: true, hasTouch: true } : {}) });
    const page = await context.newPage();
    const editor = await makeUser("editor");
    const stem = fileStem();
    const photo = await uploadAs(editor, "moscow-embassy.jpg", `${stem}-layout.jpg`);
    await uploadAs(editor, "plain.png", `${stem}-square.png`, "image/png");
    const story = await makeStory(editor, { leadImage: { id: photo.id }, standfirst: "Officers stood at the gate." });
    await signInViaApi(page, editor);

    const fits = async (name: string) => {
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect.soft(scrollWidth, `${name} is ${scrollWidth}px wide on a ${innerWidth}px screen`).toBeLessThanOrEqual(innerWidth);
    };

    await page.goto(`/admin/media?q=${stem}`);
    await expect(page.getByTestId("media-card")).toHaveCount(2);
    await page.getByLabel("Choose pictures").setInputFiles({ name: `${stem}-notes.jpg`, mimeType: "image/jpeg", buffer: Buffer.from("not a picture") });
    await expect(page.getByTestId("upload-refusal")).toBeVisible(UPLOADED);
    await fits("the library");
    await page.screenshot({ path: `test-results/screenshots/media-library-${device}.png`, fullPage: true });

    await page.goto(`/admin/media/${photo.id}`);
    await expect(page.getByTestId("crop-1:1").locator("img")).toBeVisible();
    await fits("a picture's page");
    await page.screenshot({ path: `test-results/screenshots/media-picture-${device}.png`, fullPage: true });
    // Typing in a field far down the page, the save button is still on the screen.
    await page.getByLabel("Copyright", { exact: true }).fill("© 2023 ANI");
    await expect(page.getByRole("button", { name: "Save", exact: true })).toBeInViewport();
    await page.screenshot({ path: `test-results/screenshots/media-picture-typing-${device}.png` });
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("Saved at");

    await page.goto(`/admin/stories/${story.id}`);
    const panel = page.getByTestId("lead-picture");
    await expect(panel.getByTestId("lead-picture-image")).toBeVisible();
    await fits("the story editor");
    await page.screenshot({ path: `test-results/screenshots/media-story-editor-${device}.png`, fullPage: true });
    // The panel as laid out in the page, not under the sidebar's commands (kept in view while scrolling).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `test-results/screenshots/media-story-panel-${device}.png`, fullPage: true, clip: (await panel.boundingBox())! });
    await panel.getByRole("button", { name: "Change picture" }).click();
    await expect(page.getByRole("dialog").getByRole("option").first()).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/media-picker-${device}.png` });
    await context.close();
  });
}
