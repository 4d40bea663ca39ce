import { beforeAll, describe, expect, it } from "vitest";
import { api, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { PREVIEW_LIFETIME_MS, previewPath } from "@/lib/stories/preview-link";

// Preview links (issue 11): a draft, a scheduled story or a live story's draft of changes, exactly
// as readers will see it, for anyone holding the link for 48 hours; never indexed, kept or leaked
// through Referer. "View on site" for a scheduled story was a 404.

type Link = { url: string; expiresAt: string };

let writer: TestUser;
let editor: TestUser;

beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser("writer"), makeUser("editor")]);
});

const pathOf = (url: string) => new URL(url).pathname;

describe("preview links", () => {
  it("show a writer's draft as readers will see it, to anyone with the link, and to no search engine", async () => {
    const story = await makeStory(writer, { headline: unique("Preview draft"), body: "<p>NEW DELHI: the first paragraph of the draft.</p>" });
    const made = await api<Link>("POST", `/api/v1/stories/${story.id}/preview`, { key: writer.apiKey });
    expect(made.status).toBe(201);
    expect(new Date(made.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(PREVIEW_LIFETIME_MS - 60_000);
    const page = await getPage(pathOf(made.body.url));
    expect(page.status).toBe(200);
    expect(page.text).toContain(story.headline);
    expect(page.text).toContain("the first paragraph of the draft");
    expect(page.text).toContain('data-testid="preview-banner"');
    expect(page.text).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(page.text).not.toContain('rel="canonical"');
    expect(page.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    // The story itself is still not public.
    expect((await getPage(`/stories/${story.slug}`)).status).toBe(404);
  });

  it("follow the copy as it is edited (nothing of a preview is kept)", async () => {
    const story = await makeStory(writer, { headline: unique("Preview before") });
    const { body } = await api<Link>("POST", `/api/v1/stories/${story.id}/preview`, { key: writer.apiKey });
    expect((await getPage(pathOf(body.url))).text).toContain(story.headline);
    const edited = await api<ApiStory>("PATCH", `/api/v1/stories/${story.id}`, { key: writer.apiKey, body: { version: story.version, headline: unique("Preview after") } });
    expect(edited.status).toBe(200);
    expect((await getPage(pathOf(body.url))).text).toContain(edited.body.headline);
  });

  it("show a scheduled story, and a live story's draft of changes instead of the live copy", async () => {
    const scheduled = await makeStory(writer, { headline: unique("Preview scheduled") });
    const at = new Date(Date.now() + 86_400_000).toISOString();
    expect((await api("POST", `/api/v1/stories/${scheduled.id}/publish`, { key: editor.apiKey, body: { at } })).status).toBe(200);
    const scheduledLink = await api<Link>("POST", `/api/v1/stories/${scheduled.id}/preview`, { key: editor.apiKey });
    expect((await getPage(pathOf(scheduledLink.body.url))).text).toContain(scheduled.headline);

    const live = await makeStory(writer, { headline: unique("Preview live copy") });
    const published = await api<ApiStory>("POST", `/api/v1/stories/${live.id}/publish`, { key: editor.apiKey });
    const draftHeadline = unique("Preview draft of changes");
    expect((await api("PATCH", `/api/v1/stories/${live.id}`, { key: editor.apiKey, body: { version: published.body.version, asDraft: true, headline: draftHeadline } })).status).toBe(200);
    const link = await api<Link>("POST", `/api/v1/stories/${live.id}/preview`, { key: editor.apiKey });
    const preview = await getPage(pathOf(link.body.url));
    expect(preview.text).toContain(draftHeadline);
    expect((await getPage(`/stories/${published.body.slug}`)).text).toContain(live.headline);
  });

  it("answer nothing (404) when altered, expired, or for a killed story; and cannot be made without signing in", async () => {
    const story = await makeStory(writer, { headline: unique("Preview refused") });
    const { body } = await api<Link>("POST", `/api/v1/stories/${story.id}/preview`, { key: writer.apiKey });
    const path = pathOf(body.url);
    expect((await getPage(path.replace(/.$/, (last) => (last === "A" ? "B" : "A")))).status).toBe(404);
    const expired = previewPath(process.env.AUTH_SECRET!, story.id, Date.now() - PREVIEW_LIFETIME_MS - 1000).path;
    expect((await getPage(expired)).status).toBe(404);
    expect((await getPage(`/preview/${story.id}`)).status).toBe(404);
    expect((await api("POST", `/api/v1/stories/${story.id}/preview`)).status).toBe(401);

    expect((await api("POST", `/api/v1/stories/${story.id}/kill`, { key: editor.apiKey })).status).toBe(200);
    expect((await getPage(path)).status).toBe(404);
    expect((await api("POST", `/api/v1/stories/${story.id}/preview`, { key: editor.apiKey })).status).toBe(409);
  });
});
