import { expect, test } from "@playwright/test";
import { makeStory, makeUser, type ApiStory } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";

test("a second person opening a story sees who else has it open, until they leave", async ({ browser }) => {
  const [editor, writer] = await Promise.all([makeUser("editor"), makeUser("writer")]);
  const story = (await makeStory(editor)) as ApiStory & { createdBy: { name: string } };

  const first = await browser.newContext();
  const second = await browser.newContext();
  try {
    const editorPage = await first.newPage();
    await signInViaApi(editorPage, editor);
    await editorPage.goto(`/admin/stories/${story.id}`);
    await expect(editorPage.getByRole("heading", { name: "Edit story" })).toBeVisible();
    // Alone on the story: nothing to say.
    await expect(editorPage.getByTestId("story-presence")).toBeEmpty();

    const writerPage = await second.newPage();
    await signInViaApi(writerPage, writer);
    await writerPage.goto(`/admin/stories/${story.id}`);
    await expect(writerPage.getByRole("status")).toHaveText(`Also editing: ${story.createdBy.name} (editor)`);
    await writerPage.screenshot({ path: "test-results/screenshots/story-presence.png", fullPage: true });

    // The editor leaves the page; the writer's next check-in (here: coming back to the tab) clears it.
    await editorPage.goto("/admin");
    await expect(async () => {
      await writerPage.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
      await expect(writerPage.getByTestId("story-presence")).toBeEmpty({ timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
  } finally {
    await first.close();
    await second.close();
  }
});
