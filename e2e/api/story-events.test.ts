import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, makeStory, makeUser, type TestUser } from "@/e2e/fixtures/factories";
import { openEventStream } from "@/e2e/fixtures/event-stream";

// The newsroom's live events, read as a browser's EventSource reads them: through the real front
// (lib/serving/front-server.ts), which must pass the stream on as it comes and never keep it.

let editor: TestUser;
let writer: TestUser;
const open: AbortController[] = [];

beforeAll(async () => {
  [editor, writer] = await Promise.all([makeUser("editor"), makeUser("writer")]);
});

afterEach(() => {
  for (const controller of open.splice(0)) controller.abort();
});

async function listen(user: TestUser, query = "") {
  const controller = new AbortController();
  open.push(controller);
  return openEventStream({ key: user.apiKey, query, signal: controller.signal });
}

describe("GET /api/v1/events", () => {
  it("pushes a story's creation and publication within a second, through the front, never kept or compressed", async () => {
    const stream = await listen(editor);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(stream.response.headers.get("cache-control")).toContain("no-store");
    expect(stream.response.headers.get("content-encoding")).toBeNull();

    let since = stream.events.length;
    const story = await makeStory(writer);
    const created = await stream.next((event) => event.event === "story" && event.data.id === story.id, since);
    expect(created.data).toMatchObject({ type: "story", op: "insert", version: story.version, status: "draft" });

    since = stream.events.length;
    const publish = await api<{ version: number; updatedAt: string }>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    expect(publish.status).toBe(200);
    const published = await stream.next((event) => event.event === "story" && event.data.id === story.id && event.data.status === "published", since);
    expect(published.data).toMatchObject({ version: publish.body.version, updatedAt: publish.body.updatedAt });
  });

  it("with ?story= carries that story's changes and who opens it, no other story's", async () => {
    const [mine, other] = await Promise.all([makeStory(writer), makeStory(writer)]);
    const stream = await listen(editor, `?story=${mine.id}`);
    expect((await api("POST", `/api/v1/stories/${mine.id}/presence`, { key: writer.apiKey })).status).toBe(200);
    const arrived = await stream.next((event) => event.event === "presence", 0);
    expect(arrived.data).toMatchObject({ storyId: mine.id, present: true, user: { id: writer.id, role: "writer" } });
    // Checking in again while present says nothing new.
    let since = stream.events.length;
    expect((await api("POST", `/api/v1/stories/${mine.id}/presence`, { key: writer.apiKey })).status).toBe(200);

    expect((await api("PATCH", `/api/v1/stories/${other.id}`, { key: writer.apiKey, body: { version: other.version, headline: "Someone else's story" } })).status).toBe(200);
    expect((await api("PATCH", `/api/v1/stories/${mine.id}`, { key: writer.apiKey, body: { version: mine.version, headline: "This story, changed" } })).status).toBe(200);
    const changed = await stream.next((event) => event.event === "story", since);
    expect(changed.data).toMatchObject({ id: mine.id, version: mine.version + 1 });
    expect(stream.events.slice(since).filter((event) => event.event === "presence")).toEqual([]);

    since = stream.events.length;
    await api("DELETE", `/api/v1/stories/${mine.id}/presence`, { key: writer.apiKey });
    const left = await stream.next((event) => event.event === "presence", since);
    expect(left.data).toMatchObject({ storyId: mine.id, present: false, user: { id: writer.id } });
    expect(stream.events.some((event) => event.data.id === other.id)).toBe(false);
  });

  it("refuses the signed-out (401) and a story id that is not one (422)", async () => {
    const anonymous = await api("GET", "/api/v1/events");
    expect(anonymous.status).toBe(401);
    const bad = await api<{ error: { code: string; fields: Record<string, string[]> } }>("GET", "/api/v1/events?story=nope", { key: editor.apiKey });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.story).toEqual(["Must be a story id"]);
  });

  it("holds at most six streams for one user: a seventh is refused with 429 and Retry-After until one closes", async () => {
    const user = await makeUser("writer");
    const controllers = Array.from({ length: 6 }, () => new AbortController());
    open.push(...controllers);
    await Promise.all(controllers.map((controller) => openEventStream({ key: user.apiKey, signal: controller.signal })));
    const refused = await fetch(`${baseUrl}/api/v1/events`, { headers: { Authorization: `Bearer ${user.apiKey}` } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain("the most one user may");
    // Another user is not held up by this one's streams.
    const other = new AbortController();
    open.push(other);
    await openEventStream({ key: writer.apiKey, signal: other.signal });

    controllers[0].abort();
    await expect.poll(async () => {
      const again = new AbortController();
      open.push(again);
      const response = await fetch(`${baseUrl}/api/v1/events`, { headers: { Authorization: `Bearer ${user.apiKey}` }, signal: again.signal });
      return response.status;
    }, { timeout: 10_000 }).toBe(200);
  });
});
