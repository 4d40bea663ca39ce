import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { api, makeStory, makeUser } from "@/e2e/fixtures/factories";
import { signInViaApi } from "@/e2e/fixtures/auth";

// An admin adds a webhook at /admin/webhooks, as an integrator asked: the form refuses what is not
// an address, the secret is shown to hand over, a publish shows as delivered with the receiver's
// answer, and a failed one can be sent again with one click.

test("an admin adds a webhook, sees its deliveries, and re-sends one that failed", async ({ page }) => {
  const received: { id: string; storyId: string; verified: boolean }[] = [];
  let secret = "";
  let failing = true;
  const receiver = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      let verified = false;
      try {
        new Webhook(secret).verify(body, request.headers as Record<string, string>);
        verified = true;
      } catch {
        // kept as unverified
      }
      received.push({ id: String(request.headers["webhook-id"]), storyId: String((JSON.parse(body) as { data: { id: string } }).data.id), verified });
      response.writeHead(failing ? 503 : 200);
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const admin = await makeUser("admin");
  const editor = await makeUser("editor");
  let webhookId: string | undefined;
  try {
    await signInViaApi(page, admin);
    await page.goto("/admin/webhooks");
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();

    const form = page.getByTestId("new-webhook");
    await form.getByLabel("Endpoint address").fill("not an address");
    await form.getByRole("button", { name: "Add webhook" }).click();
    await expect(form.getByText(/An http:\/\/ or https:\/\/ address/)).toBeVisible();
    await expect(form.getByLabel("Endpoint address")).toHaveValue("not an address");

    await form.getByLabel("Endpoint address").fill(url);
    await form.getByLabel("Description (optional)").fill("The syndication partner");
    for (const event of ["story.updated", "story.unpublished", "story.killed", "story.corrected"]) await form.getByLabel(event).uncheck();
    await form.getByRole("button", { name: "Add webhook" }).click();
    await expect(page.getByTestId("webhook-created")).toContainText(`Added ${url}`);
    secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    const card = page.getByTestId("webhook").filter({ hasText: url });
    await expect(card).toContainText("On · story.published");
    webhookId = ((await api<{ webhooks: { id: string; url: string }[] }>("GET", "/api/v1/webhooks", { key: admin.apiKey })).body.webhooks.find((each) => each.url === url))!.id;

    const story = await makeStory(editor);
    await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    await expect.poll(() => received.filter((each) => each.storyId === story.id).length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(received.every((each) => each.verified)).toBe(true);

    // The receiver was down: the delivery waits for its next try, and shows why.
    await page.reload();
    const row = card.getByTestId("delivery").first();
    await expect(row).toContainText("story.published");
    await expect(row).toContainText("HTTP 503");
    await expect(row.getByTestId("delivery-status")).toHaveText("waiting");

    // Back up: one click sends it again, under the same webhook-id.
    failing = false;
    await row.getByRole("button", { name: "Re-send" }).click();
    await expect(row.getByRole("status")).toHaveText("Sent again.");
    await expect.poll(() => received.filter((each) => each.storyId === story.id && each.verified).length, { timeout: 15_000 }).toBeGreaterThan(1);
    expect(new Set(received.filter((each) => each.storyId === story.id).map((each) => each.id)).size).toBe(1);
    await expect(async () => {
      await page.reload();
      await expect(card.getByTestId("delivery").first().getByTestId("delivery-status")).toHaveText("delivered", { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(card.getByTestId("delivery").first()).toContainText("HTTP 200");

    // Switched off, it says so.
    await card.getByRole("button", { name: "Switch off" }).click();
    await expect(card).toContainText("Off · story.published");
  } finally {
    if (webhookId) await api("DELETE", `/api/v1/webhooks/${webhookId}`, { key: admin.apiKey });
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
