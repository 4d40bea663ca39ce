import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { api, getPage, makeStory, makeUser, unique, type ApiStory } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";
import { formatNewsroomTimeFor, newsroomZone } from "@/e2e/fixtures/newsroom-zone";
import { formatZonedInstant, utcToZonedWallTime, zonedWallTimeToUtc } from "@/lib/site/zoned-time";

// The editor's embargo (components/admin/embargo-form.tsx): set, move and lift it in the newsroom's
// zone and format, whatever the browser's, with the API's rules (issue 11).
test.use({ timezoneId: newsroomZone === "Pacific/Auckland" ? "America/Los_Angeles" : "Pacific/Auckland" });

type Stored = ApiStory & { status: string; embargoUntil: string | null; scheduledAt: string | null };

/** A day `days` ahead at hh:mm on the newsroom's clock. */
function newsroomTime(days: number, hour: number, minute: number) {
  const wall = { ...utcToZonedWallTime(new Date(Date.now() + days * 86_400_000), newsroomZone), hour, minute };
  return { wall, at: zonedWallTimeToUtc(wall, newsroomZone) };
}

test("an editor sets an embargo typed the newsroom's way, then moves it", async ({ page }) => {
  const editor = await makeUser("editor");
  const story = await makeStory(editor);
  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${story.id}`);
  const embargo = page.getByTestId("embargo-form");
  await expect(embargo.getByTestId("embargo-state")).toHaveText("No embargo.");

  // Day first and lower case, as typed in a hurry; the time without a colon.
  const first = newsroomTime(3, 14, 5);
  await embargo.getByLabel("Date").fill(`${first.wall.day}/${first.wall.month}/${first.wall.year}`);
  await embargo.getByLabel(/^Time/).fill("1405");
  await expect(embargo.getByTestId("embargoUntil-said")).toHaveText(`Lifts ${formatZonedInstant(first.at, newsroomZone)}.`);
  await embargo.screenshot({ path: "test-results/screenshots/embargo-form.png" });
  await embargo.getByRole("button", { name: "Set embargo" }).click();

  await expect(embargo.getByRole("status")).toHaveText(`Embargo set until ${formatNewsroomTimeFor(first.at)}: the story cannot go live before then.`);
  await expect(embargo.getByTestId("embargo-state")).toHaveText(`Embargoed until ${formatZonedInstant(first.at, newsroomZone)}: it cannot go live before then.`);
  // The field shows the embargo the newsroom's way.
  await expect(embargo.getByLabel("Date")).toHaveValue(`${first.wall.day} ${formatZonedInstant(first.at, newsroomZone).split(" ")[2]} ${first.wall.year}`);
  await expect(embargo.getByLabel(/^Time/)).toHaveValue("14:05");
  let stored = await api<Stored>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
  expect(stored.body.embargoUntil).toBe(first.at.toISOString());

  const later = newsroomTime(4, 9, 30);
  const month = formatZonedInstant(later.at, newsroomZone).split(" ")[2].toLowerCase();
  await embargo.getByLabel("Date").fill(`${later.wall.day} ${month} ${later.wall.year}`);
  await embargo.getByLabel(/^Time/).fill("9:30 am");
  await embargo.getByRole("button", { name: "Move embargo" }).click();
  await expect(embargo.getByRole("status")).toHaveText(`Embargo moved to ${formatNewsroomTimeFor(later.at)}: the story cannot go live before then.`);
  stored = await api<Stored>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
  expect(stored.body.embargoUntil).toBe(later.at.toISOString());

  // Lifting the embargo of a draft puts nothing live: no question asked.
  await embargo.getByRole("button", { name: "Lift embargo" }).click();
  await expect(embargo.getByRole("status")).toHaveText("Embargo lifted.");
  await expect(embargo.getByTestId("embargo-state")).toHaveText("No embargo.");
  stored = await api<Stored>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
  expect(stored.body.embargoUntil).toBeNull();
});

test("what cannot be an embargo is said, and nothing changes", async ({ page }) => {
  const editor = await makeUser("editor");
  const story = await makeStory(editor);
  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${story.id}`);
  const embargo = page.getByTestId("embargo-form");

  await embargo.getByLabel("Date").fill("31 Feb 2030");
  await embargo.getByLabel(/^Time/).focus();
  await expect(embargo.getByRole("alert")).toHaveText("Not a day this can read: type it as 27 Dec 2023.");
  await expect(embargo.getByLabel("Date")).toHaveAttribute("aria-invalid", "true");

  const past = newsroomTime(-2, 8, 0);
  await embargo.getByLabel("Date").fill(`${past.wall.year}-${String(past.wall.month).padStart(2, "0")}-${String(past.wall.day).padStart(2, "0")}`);
  await embargo.getByLabel(/^Time/).fill("08:00");
  await embargo.getByRole("button", { name: "Set embargo" }).click();
  await expect(embargo.getByTestId("embargo-error")).toHaveText(`${formatNewsroomTimeFor(past.at)} has passed: an embargo lifts later than now. To lift it now, use Lift embargo.`);
  const stored = await api<Stored>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
  expect(stored.body.embargoUntil).toBeNull();
});

test("lifting the embargo of a story waiting for it asks first, and then readers have it", async ({ page }) => {
  const editor = await makeUser("editor");
  const until = newsroomTime(2, 6, 0).at;
  const headline = unique("Embargoed results");
  const story = await makeStory(editor, { headline, embargoUntil: until.toISOString() });
  expect((await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey })).status).toBe(200);
  expect((await getPage(`/stories/${story.slug}`)).status).toBe(404);

  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${story.id}`);
  const embargo = page.getByTestId("embargo-form");
  await expect(embargo.getByTestId("embargo-state")).toHaveText(`Embargoed until ${formatZonedInstant(until, newsroomZone)}: it cannot go live before then.`);

  await embargo.getByRole("button", { name: "Lift embargo" }).click();
  const dialog = page.getByRole("dialog", { name: `Lift the embargo on “${headline}”?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("lifting it puts the story on the site for readers now");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.screenshot({ path: "test-results/screenshots/embargo-lift-confirm.png" });
  expect((await new AxeBuilder({ page }).include('[data-testid="confirm-dialog"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations.map((v) => v.id)).toEqual([]);
  // Escape cancels: nothing changes.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(embargo.getByRole("button", { name: "Lift embargo" })).toBeFocused();
  let stored = await api<Stored>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
  expect(stored.body.embargoUntil).toBe(until.toISOString());

  await embargo.getByRole("button", { name: "Lift embargo" }).click();
  await dialog.getByRole("button", { name: "Lift embargo and publish now" }).click();
  await expect(embargo.getByRole("status")).toHaveText("Embargo lifted: the story is live now.");
  await expect.poll(async () => (await getPage(`/stories/${story.slug}`)).status).toBe(200);
  stored = await api<Stored>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
  expect(stored.body.embargoUntil).toBeNull();
});

test("a writer is offered no embargo on a live story, and the server refuses one posted anyway", async ({ page }) => {
  const editor = await makeUser("editor");
  const writer = await makeUser("writer");
  const story = await makeStory(editor);
  expect((await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey })).status).toBe(200);
  await signInViaApi(page, writer);
  await page.goto(`/admin/stories/${story.id}`);
  await expect(page.getByTestId("read-only")).toBeVisible();
  await expect(page.getByTestId("embargo-form")).toHaveCount(0);
  const later = newsroomTime(2, 12, 0);
  const refused = await api("PATCH", `/api/v1/stories/${story.id}`, { key: writer.apiKey, body: { version: 1, embargoUntil: later.at.toISOString() } });
  expect(refused.status).toBe(403);
  expect((await getPage(`/stories/${story.slug}`)).status).toBe(200);
});
