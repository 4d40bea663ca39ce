import { expect, test } from "@playwright/test";
import { api, makeStory, makeUser } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";
import { axeViolations } from "@/e2e/fixtures/axe";

test("deactivating a user asks first: Escape and Cancel change nothing, confirming does it", async ({ page }) => {
  const admin = await makeUser("admin");
  const target = await makeUser("editor");
  await signInViaApi(page, admin);
  await page.goto("/admin/users");
  const card = page.getByTestId("user-list").getByRole("listitem").filter({ hasText: target.email });
  const trigger = card.getByRole("button", { name: "Deactivate" });

  await trigger.click();
  const dialog = page.getByRole("dialog", { name: `Deactivate ${target.email}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("signed out everywhere");
  // Modal: focus is inside the dialog, and Tab does not leave it.
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Deactivate" })).toBeFocused();
  // The page behind is inert: Tab never lands on anything outside the dialog.
  for (let press = 0; press < 3; press++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((element) => element.contains(document.activeElement) || document.activeElement === document.body)).toBe(true);
  }
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: "test-results/screenshots/confirm-dialog.png" });

  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(trigger).toBeFocused();
  await expect(card.getByTestId("access-saved")).toHaveCount(0);
  expect((await api("GET", "/api/v1/stories", { key: target.apiKey })).status).toBe(200);

  await trigger.click();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await expect(card.getByRole("button", { name: "Deactivate" })).toBeVisible();
  expect((await api("GET", "/api/v1/stories", { key: target.apiKey })).status).toBe(200);

  await card.getByRole("button", { name: "Deactivate" }).click();
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(card.getByTestId("access-saved")).toHaveText(`${target.email} is deactivated; their sessions and API keys no longer work.`);
  await expect(card.getByRole("button", { name: "Reactivate" })).toBeVisible();
  expect((await api("GET", "/api/v1/stories", { key: target.apiKey })).status).toBe(401);
});

test("a role change names the new role before it is made; one's own row offers neither", async ({ page }) => {
  const admin = await makeUser("admin");
  const target = await makeUser("writer");
  await signInViaApi(page, admin);
  await page.goto("/admin/users");
  const mine = page.getByTestId("user-list").getByRole("listitem").filter({ hasText: admin.email });
  await expect(mine.getByTestId("own-account")).toContainText("another admin changes your role or access");
  await expect(mine.getByRole("button", { name: "Deactivate" })).toHaveCount(0);
  await expect(mine.getByRole("button", { name: "Change role" })).toHaveCount(0);

  const card = page.getByTestId("user-list").getByRole("listitem").filter({ hasText: target.email });
  await card.getByLabel(`Role of ${target.email}`).selectOption("editor");
  await card.getByRole("button", { name: "Change role" }).click();
  const dialog = page.getByRole("dialog", { name: `Make ${target.email} an editor?` });
  await expect(dialog).toContainText("They are a writer now");
  await dialog.getByRole("button", { name: "Change role" }).click();
  await expect(card.getByTestId("access-saved")).toHaveText(`Saved: ${target.email} is an editor.`);
});

test("restoring a version of a published story asks first, naming the story; Escape leaves readers' copy alone", async ({ page }) => {
  const editor = await makeUser("editor");
  const original = `Harbour budget approved ${Date.now()}`;
  const story = await makeStory(editor, { headline: original });
  expect((await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey })).status).toBe(200);
  const live = await api<{ version: number; headline: string }>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
  const changed = `Harbour budget delayed ${Date.now()}`;
  const edited = await api<{ version: number }>("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: live.body.version, headline: changed } });
  expect(edited.status).toBe(200);
  await signInViaApi(page, editor);

  await page.goto(`/admin/stories/${story.id}/revisions?from=1&to=${edited.body.version}`);
  await page.getByRole("button", { name: "Restore version 1" }).click();
  const dialog = page.getByRole("dialog", { name: `Restore version 1 of “${changed}”?` });
  await expect(dialog).toContainText("Readers get the restored version");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  expect((await api<{ headline: string }>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey })).body.headline).toBe(changed);

  await page.getByRole("button", { name: "Restore version 1" }).click();
  await dialog.getByRole("button", { name: "Restore version 1" }).click();
  await expect(page.getByLabel("Headline", { exact: true })).toHaveValue(original);
});

test("applying an agency update and discarding a draft of changes each ask first; cancelling keeps the live copy", async ({ page }) => {
  const editor = await makeUser("editor");
  const uri = `urn:test:dialog:${Date.now()}:${Math.random().toString(36).slice(2)}`;
  const ninjs = (version: number) =>
    JSON.stringify({
      uri, version: String(version), headline: `Ministers meet ${uri.slice(-6)}, version ${version}`, located: "Brussels", pubstatus: "usable",
      body_html: `<p>BRUSSELS, March 3 - Ministers met for round ${version}.</p><p>Talks go on.</p>`,
    });
  const send = (body: string) => api<{ id: string; slug: string; headline: string; ingest: { outcome: string } }>("POST", "/api/v1/wire", { key: editor.apiKey, rawBody: body, headers: { "Content-Type": "application/json" } });
  const first = await send(ninjs(1));
  expect(first.status).toBe(201);
  expect((await api("POST", `/api/v1/stories/${first.body.id}/publish`, { key: editor.apiKey })).status).toBe(200);
  expect((await send(ninjs(2))).body.ingest.outcome).toBe("pending");
  await signInViaApi(page, editor);

  await page.goto(`/admin/stories/${first.body.id}`);
  const apply = page.getByTestId("pending-update").getByRole("button", { name: "Apply to the live story" });
  await apply.click();
  const dialog = page.getByRole("dialog", { name: `Apply the agency's update to “${first.body.headline}”?` });
  await expect(dialog).toContainText("version 2");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("pending-update")).toHaveCount(1);
  expect((await api<{ body: string }>("GET", `/api/v1/stories/${first.body.id}`, { key: editor.apiKey })).body.body).toContain("round 1");

  await apply.click();
  await dialog.getByRole("button", { name: "Apply the update" }).click();
  await expect(page.getByTestId("pending-update")).toHaveCount(0);
  const applied = await api<{ body: string; version: number; headline: string }>("GET", `/api/v1/stories/${first.body.id}`, { key: editor.apiKey });
  expect(applied.body.body).toContain("round 2");

  // A draft of changes, then Discard draft: Escape keeps it, confirming throws it away.
  const drafted = await api("PATCH", `/api/v1/stories/${first.body.id}`, { key: editor.apiKey, body: { asDraft: true, version: applied.body.version, headline: "A draft headline nobody should see" } });
  expect(drafted.status).toBe(200);
  await page.goto(`/admin/stories/${first.body.id}`);
  const discard = page.getByTestId("draft-banner").getByRole("button", { name: "Discard draft" });
  await discard.click();
  const discardDialog = page.getByRole("dialog", { name: `Discard the unpublished changes to “${applied.body.headline}”?` });
  await expect(discardDialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(discardDialog).toHaveCount(0);
  await expect(page.getByTestId("draft-banner")).toBeVisible();
  await discard.click();
  await discardDialog.getByRole("button", { name: "Discard draft" }).click();
  await expect(page.getByTestId("draft-banner")).toHaveCount(0);
});

test("the server refuses an admin's own deactivation with a sentence, even from a doctored form", async ({ page }) => {
  const admin = await makeUser("admin");
  const other = await makeUser("writer");
  await signInViaApi(page, admin);
  await page.goto("/admin/users");
  const card = page.getByTestId("user-list").getByRole("listitem").filter({ hasText: other.email });
  // The form on another user's row, pointed at the admin's own account.
  await card.locator('input[name="id"]').first().evaluate((input, id) => ((input as HTMLInputElement).value = id), admin.id);
  await card.getByRole("button", { name: "Deactivate" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
  await expect(card.getByTestId("access-error")).toHaveText("You cannot deactivate or demote your own account; ask another admin");
  await page.goto("/admin");
  await expect(page.getByTestId("current-user")).toBeVisible();
});
