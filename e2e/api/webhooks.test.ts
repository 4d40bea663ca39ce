import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";

// A local receiver that checks every delivery's signature with the standardwebhooks package, as
// an integrator's would. Other test files publish stories at the same time: the receiver keeps
// everything, and each test reads the deliveries of its own stories.

type Received = { id: string; type: string; storyId: string; data: Record<string, unknown>; verified: boolean };
const received: Received[] = [];
/** Stories whose first delivery the receiver answers 500 (every other: 204). */
const failOnce = new Set<string>();
let server: http.Server;
let receiverUrl: string;
let admin: TestUser;
let editor: TestUser;
let webhook: { id: string; secret: string; url: string };

beforeAll(async () => {
  [admin, editor] = await Promise.all([makeUser("admin"), makeUser("editor")]);
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      let verified = false;
      try {
        new Webhook(webhook.secret).verify(body, request.headers as Record<string, string>);
        verified = true;
      } catch {
        verified = false;
      }
      const event = JSON.parse(body) as { type: string; data: Record<string, unknown> };
      const storyId = String(event.data.id);
      received.push({ id: String(request.headers["webhook-id"]), type: event.type, storyId, data: event.data, verified });
      response.writeHead(failOnce.delete(storyId) ? 500 : 204);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/dateline`;
  const created = await api<typeof webhook>("POST", "/api/v1/webhooks", { key: admin.apiKey, body: { url: receiverUrl, events: ["story.published", "story.updated", "story.unpublished", "story.killed", "story.corrected"], description: "Test receiver" } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
  webhook = created.body;
});

afterAll(async () => {
  // Not left to receive what the rest of the run publishes.
  if (webhook) await api("DELETE", `/api/v1/webhooks/${webhook.id}`, { key: admin.apiKey });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const eventsOf = (storyId: string) => received.filter((event) => event.storyId === storyId);
const waitForEvents = (storyId: string, types: string[], timeout = 15_000) =>
  expect.poll(() => eventsOf(storyId).map((event) => event.type), { timeout, interval: 50 }).toEqual(types);

type Delivery = { id: string; event: string; storyId: string; status: string; attempts: number; lastStatusCode: number | null; lastDurationMs: number | null; log: { statusCode: number | null; durationMs: number }[] };
const deliveriesOf = async (storyId: string) =>
  (await api<{ deliveries: Delivery[] }>("GET", `/api/v1/webhooks/${webhook.id}/deliveries?limit=200`, { key: admin.apiKey })).body.deliveries.filter((delivery) => delivery.storyId === storyId);

describe("webhooks", () => {
  it("sends each story event, signed per Standard Webhooks, with the story as it was committed", async () => {
    const story = await makeStory(editor, { tags: [unique("Hooked")] });
    await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    await waitForEvents(story.id, ["story.published"]);
    const published = eventsOf(story.id)[0];
    expect(published.verified).toBe(true);
    expect(published.data).toMatchObject({ id: story.id, slug: story.slug, headline: story.headline, status: "published", url: expect.stringMatching(new RegExp(`/stories/${story.slug}$`)) });

    const live = (await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey })).body;
    await api("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: live.version, headline: unique("Hooked, updated") } });
    await api("POST", `/api/v1/stories/${story.id}/corrections`, { key: editor.apiKey, body: { kind: "correction", note: "A name was misspelt." } });
    await api("POST", `/api/v1/stories/${story.id}/unpublish`, { key: editor.apiKey });
    await api("POST", `/api/v1/stories/${story.id}/kill`, { key: editor.apiKey });
    await waitForEvents(story.id, ["story.published", "story.updated", "story.corrected", "story.unpublished", "story.killed"]);
    const events = eventsOf(story.id);
    expect(events.every((event) => event.verified)).toBe(true);
    expect(new Set(events.map((event) => event.id)).size).toBe(5);
    expect(events[1].data.headline).toMatch(/^Hooked, updated/);
    expect(events[2].data.correction).toMatchObject({ kind: "correction", note: "A name was misspelt." });
    expect(events[4].data.status).toBe("killed");

    // Each delivery is logged with the answer and the time it took.
    await expect.poll(async () => (await deliveriesOf(story.id)).map((delivery) => delivery.status), { timeout: 10_000 }).toEqual(Array(5).fill("delivered"));
    const [last] = await deliveriesOf(story.id);
    expect(last).toMatchObject({ event: "story.killed", attempts: 1, lastStatusCode: 204 });
    expect(last.lastDurationMs).toBeGreaterThanOrEqual(0);
    expect(last.log).toHaveLength(1);
  });

  it("records nothing for a draft's edits, a draft's kill or a refused change (deliveries are recorded with the change)", async () => {
    const story = await makeStory(editor);
    await api("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: story.version, headline: unique("Still a draft") } });
    expect(await deliveriesOf(story.id)).toEqual([]);
    await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    const live = (await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey })).body;
    // A stale version: refused (409), and nothing is recorded for it.
    expect((await api("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { version: live.version - 1, headline: unique("Refused") } })).status).toBe(409);
    expect((await deliveriesOf(story.id)).map((delivery) => delivery.event)).toEqual(["story.published"]);
    // A draft killed (an agency's withdrawal of embargoed copy, say): its copy never leaves the newsroom.
    const draft = await makeStory(editor, { headline: unique("Never seen") });
    expect((await api("POST", `/api/v1/stories/${draft.id}/kill`, { key: editor.apiKey })).status).toBe(200);
    expect(await deliveriesOf(draft.id)).toEqual([]);
  });

  it("sends one story.updated when a live story's draft of changes is published", async () => {
    const story = await makeStory(editor);
    await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    const live = (await api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey })).body;
    expect((await api("PATCH", `/api/v1/stories/${story.id}`, { key: editor.apiKey, body: { asDraft: true, version: live.version, headline: unique("Drafted change") } })).status).toBe(200);
    expect((await deliveriesOf(story.id)).map((delivery) => delivery.event)).toEqual(["story.published"]);
    expect((await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey })).status).toBe(200);
    expect((await deliveriesOf(story.id)).map((delivery) => delivery.event).sort()).toEqual(["story.published", "story.updated"]);
    await waitForEvents(story.id, ["story.published", "story.updated"]);
    expect(eventsOf(story.id)[1].data.headline).toMatch(/^Drafted change/);
  });

  it("tries again with backoff until the receiver takes it, and re-sends under the same webhook-id", async () => {
    const story = await makeStory(editor);
    failOnce.add(story.id);
    await api("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    // The first answer was 500: it comes again, the same delivery, seconds later.
    await expect.poll(() => eventsOf(story.id).length, { timeout: 30_000, interval: 100 }).toBe(2);
    const [first, second] = eventsOf(story.id);
    expect(second.id).toBe(first.id);
    await expect.poll(async () => (await deliveriesOf(story.id))[0]?.status, { timeout: 10_000 }).toBe("delivered");
    const [delivery] = await deliveriesOf(story.id);
    expect(delivery.attempts).toBe(2);
    expect(delivery.log.map((attempt) => attempt.statusCode)).toEqual([500, 204]);

    const resent = await api<Delivery>("POST", `/api/v1/webhooks/deliveries/${delivery.id}/resend`, { key: admin.apiKey });
    expect(resent.status).toBe(202);
    await expect.poll(() => eventsOf(story.id).length, { timeout: 15_000, interval: 50 }).toBe(3);
    expect(eventsOf(story.id)[2]).toMatchObject({ id: first.id, verified: true });
  });

  it("refuses what is not an endpoint with 422 and the fields, and answers no 5xx to hostile input", async () => {
    const post = (body: unknown) => api<{ error: { fields?: Record<string, string[]> } }>("POST", "/api/v1/webhooks", { key: admin.apiKey, body });
    const bad = [
      { url: "ftp://example.com/x", events: ["story.published"] },
      { url: "https://user:pass@example.com/x", events: ["story.published"] },
      { url: "https://example.com/\u0000", events: ["story.published"] },
      // A lone surrogate, which PostgreSQL cannot store (it answered 500).
      { url: "https://example.com/\ud800", events: ["story.published"] },
      { url: "https://example.com/x", events: ["story.published"], description: "nul \u0000 inside" },
      { url: `https://example.com/${"a".repeat(3000)}`, events: ["story.published"] },
      { url: "https://example.com/x", events: [] },
      { url: "https://example.com/x", events: ["story.deleted"] },
      { url: 42, events: "story.published" },
      { url: "https://example.com/x", events: ["story.published"], secret: "mine" },
      { url: "https://example.com/x", events: ["story.published"], description: "x".repeat(500) },
    ];
    for (const body of bad) {
      const answer = await post(body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(422);
    }
    expect((await post({ url: "ftp://example.com/x", events: [] })).body.error.fields).toMatchObject({ url: expect.any(Array), events: expect.any(Array) });
    for (const raw of ["[]", "null", "not json", "\u0000"]) {
      const answer = await api("POST", "/api/v1/webhooks", { key: admin.apiKey, rawBody: raw, headers: { "content-type": "application/json" } });
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
    }
    for (const path of ["/api/v1/webhooks/not-a-uuid", "/api/v1/webhooks/00000000-0000-0000-0000-000000000000", "/api/v1/webhooks/00000000-0000-0000-0000-000000000000/deliveries?limit=abc", "/api/v1/webhooks/x/deliveries"]) {
      expect((await api("GET", path, { key: admin.apiKey })).status).toBe(404);
    }
    expect((await api("POST", "/api/v1/webhooks/deliveries/nope/resend", { key: admin.apiKey })).status).toBe(404);
    expect((await api("PATCH", `/api/v1/webhooks/${webhook.id}`, { key: admin.apiKey, body: { enabled: "yes" } })).status).toBe(422);
    for (const limit of ["1.5", "-3", "abc", "1e400", "99999999999"]) {
      expect((await api("GET", `/api/v1/webhooks/${webhook.id}/deliveries?limit=${limit}`, { key: admin.apiKey })).status, limit).toBe(200);
    }
  });
});
