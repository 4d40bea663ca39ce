import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { api, makeStory, makeUser, type TestUser } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";
import { readSample } from "@/e2e/fixtures/wire-samples";

// Tag suggestions from agency copy are opt-in: each starts unticked unless the copy names an
// existing tag exactly (said beside it), and one turned down is never suggested for that story again.

/** The ANI sample made a new item (its own text, so its own story), still naming everyone it names. */
const aniCopy = () => readSample("ani-moscow-2023-12-27.txt").replace("Earlier in the day,", `Earlier in the day (ref ${randomBytes(4).toString("hex")}),`);

// WCAG 2.1 A and AA, as e2e/accessibility.spec.ts scans.
async function violationsOn(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations.map((violation) => ({ id: violation.id, help: violation.help, targets: violation.nodes.map((node) => node.target.join(" ")) }));
}

/** Makes sure a tag exists (a story carrying it), so the copy naming it counts as naming an existing tag. */
async function tagExists(user: TestUser, name: string, type: string) {
  await makeStory(user, { tags: [{ name, type }] });
}

const suggestion = (page: Page, list: string, name: string) =>
  page.getByTestId(list).getByTestId("tag-suggestion").filter({ has: page.getByRole("checkbox", { name, exact: true }) });

async function suggestionStates(page: Page, list: string) {
  const rows = page.getByTestId(list).getByTestId("tag-suggestion");
  return Promise.all(
    (await rows.all()).map(async (row) => ({ checked: await row.getByRole("checkbox").isChecked(), reason: (await row.getByTestId("suggestion-reason").textContent()) ?? "" })),
  );
}

test("New from wire: suggestions start unticked unless the copy names an existing tag, and say which", async ({ page }) => {
  const editor = await makeUser("editor");
  await tagExists(editor, "Sergey Lavrov", "person");
  await signInViaApi(page, editor);
  await page.goto("/admin/wire/new");
  await page.getByTestId("wire-raw").fill(aniCopy());
  await page.getByRole("button", { name: "Check the copy" }).click();
  await expect(page.getByTestId("tag-suggestions")).toBeVisible();

  const lavrov = suggestion(page, "tag-suggestions", "Sergey Lavrov (person)");
  await expect(lavrov.getByRole("checkbox")).toBeChecked();
  await expect(lavrov.getByTestId("suggestion-reason")).toHaveText("ticked: matches the tag Sergey Lavrov");
  const kapoor = suggestion(page, "tag-suggestions", "Pavan Kapoor (person)");
  await expect(kapoor.getByRole("checkbox")).not.toBeChecked();
  // Every ticked one is ticked for a reason the vocabulary gives; every other starts unticked.
  const states = await suggestionStates(page, "tag-suggestions");
  expect(states.length).toBeGreaterThan(3);
  for (const state of states) expect(state.checked, state.reason).toBe(state.reason.startsWith("ticked:"));
  expect(states.filter((state) => !state.checked).length).toBeGreaterThan(0);
  await page.screenshot({ path: "test-results/screenshots/wire-suggestions-preview.png", fullPage: true });
  expect(await violationsOn(page)).toEqual([]);

  await suggestion(page, "tag-suggestions", "Vladimir Putin (person)").getByRole("checkbox").check();
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { name: "Edit story" })).toBeVisible();
  const chips = page.getByTestId("tag-chip");
  await expect(chips.filter({ hasText: "Sergey Lavrov ·" })).toHaveCount(1);
  await expect(chips.filter({ hasText: "Vladimir Putin ·" })).toHaveCount(1);
  await expect(chips.filter({ hasText: "Pavan Kapoor" })).toHaveCount(0);
  // Those left unticked were turned down: the draft does not suggest them again.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Edit story" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Pavan Kapoor (person)" })).toHaveCount(0);
});

test("a wire draft's suggestions: dismissed or left unticked, they never come back, after reload or publication", async ({ page }) => {
  const editor = await makeUser("editor");
  await tagExists(editor, "Sergey Lavrov", "person");
  // Delivered by the API (as an agency's feed would): nobody has looked at its suggestions yet.
  const sent = await api<{ id: string }>("POST", "/api/v1/wire", { key: editor.apiKey, rawBody: aniCopy(), headers: { "Content-Type": "text/plain; charset=utf-8" } });
  expect(sent.status).toBe(201);
  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${sent.body.id}`);
  const list = "story-tag-suggestions";
  await expect(page.getByTestId(list)).toBeVisible();
  const states = await suggestionStates(page, list);
  for (const state of states) expect(state.checked, state.reason).toBe(state.reason.startsWith("ticked:"));
  await expect(suggestion(page, list, "Pavan Kapoor (person)").getByRole("checkbox")).not.toBeChecked();
  expect(await violationsOn(page)).toEqual([]);

  // Dismissed: gone at once, without reloading the editor (typing in the headline survives).
  const headline = page.getByLabel("Headline", { exact: true });
  await headline.fill("Jaishankar meets Putin and Lavrov in Moscow");
  await page.getByRole("button", { name: "Dismiss Pavan Kapoor" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Dismissed Pavan Kapoor: not suggested for this story again." })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Pavan Kapoor (person)" })).toHaveCount(0);
  await expect(headline).toHaveValue("Jaishankar meets Putin and Lavrov in Moscow");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // Tick one more and add: the rest, left unticked, are turned down.
  const left = (await suggestionStates(page, list)).filter((state) => !state.checked).length;
  expect(left).toBeGreaterThan(1);
  await suggestion(page, list, "Vladimir Putin (person)").getByRole("checkbox").check();
  await page.getByRole("button", { name: "Add ticked tags" }).click();
  const chips = page.getByTestId("tag-chip");
  await expect(chips.filter({ hasText: "Vladimir Putin ·" })).toHaveCount(1);
  await expect(chips.filter({ hasText: "Sergey Lavrov ·" })).toHaveCount(1);
  await expect(page.getByTestId(list)).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole("heading", { name: "Edit story" })).toBeVisible();
  await expect(page.getByTestId(list)).toHaveCount(0);
  expect((await api("POST", `/api/v1/stories/${sent.body.id}/publish`, { key: editor.apiKey })).status).toBe(200);
  await page.reload();
  await expect(page.getByTestId("status")).toHaveText("published");
  await expect(page.getByTestId(list)).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "Pavan Kapoor (person)" })).toHaveCount(0);
});
