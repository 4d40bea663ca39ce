import { expect, test } from "@playwright/test";
import { api, makeStory, makeUser, type ApiStory } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";
import { formatZonedTime, parseWallTime, utcToZonedWallTime, wallTimeText, zonedWallTimeToUtc } from "@/lib/site/zoned-time";

const newsroomZone = process.env.NEWSROOM_TIME_ZONE || "UTC";
// A browser far from the newsroom: what is typed must still be read as newsroom time.
test.use({ timezoneId: newsroomZone === "Pacific/Auckland" ? "America/Los_Angeles" : "Pacific/Auckland" });

test("an editor schedules a story at a time typed in the newsroom's zone, whatever the browser's", async ({ page }) => {
  const editor = await makeUser("editor");
  const story = await makeStory(editor);
  // Two days ahead at 09:30 on the newsroom's clock.
  const wall = { ...utcToZonedWallTime(new Date(Date.now() + 2 * 86_400_000), newsroomZone), hour: 9, minute: 30 };
  const typed = wallTimeText(wall);
  const instant = zonedWallTimeToUtc(parseWallTime(typed)!, newsroomZone);

  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${story.id}`);
  const schedule = page.getByTestId("schedule-form");
  // Typed the newsroom's way: "27 Dec 2030" and "09:30".
  await schedule.getByLabel("Date").fill(`${wall.day}/${wall.month}/${wall.year}`);
  await schedule.getByLabel(/^Time/).fill("09:30");
  await expect(schedule.getByTestId("publishAt-said")).toContainText(`Goes live`);
  await expect(schedule.getByTestId("publishAt-said")).toContainText(formatZonedTime(instant, newsroomZone).replace(/^\w+ /, ""));
  await page.screenshot({ path: "test-results/screenshots/story-schedule.png" });
  await page.getByRole("button", { name: "Schedule" }).click();

  await expect(page.getByTestId("status")).toHaveText("scheduled");
  await expect(page.getByText(`Goes live ${formatZonedTime(instant, newsroomZone)}`, { exact: true })).toBeVisible();
  const stored = await api<ApiStory & { scheduledAt: string }>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey });
  expect(stored.body.scheduledAt).toBe(instant.toISOString());
});

test("a publish-at time that has passed is refused with the reason", async ({ page }) => {
  const editor = await makeUser("editor");
  const story = await makeStory(editor);
  await signInViaApi(page, editor);
  await page.goto(`/admin/stories/${story.id}`);
  const schedule = page.getByTestId("schedule-form");
  await schedule.getByLabel("Date").fill("2020-01-01");
  await schedule.getByLabel(/^Time/).fill("10:00");
  await page.getByRole("button", { name: "Schedule" }).click();
  await expect(page.getByTestId("command-error")).toContainText("has passed");
  await expect(page.getByTestId("status")).toHaveText("draft");
});
