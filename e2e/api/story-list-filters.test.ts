import { beforeAll, describe, expect, it } from "vitest";
import { api, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { utcToZonedWallTime, wallTimeText } from "@/lib/site/zoned-time";
import { db } from "@/lib/db";

type ListedStory = ApiStory & { updatedAt: string; createdBy: { id: string }; updatedBy: { id: string; name: string } };
type Page = { items: ListedStory[]; nextCursor: string | null };
type Refusal = { error: { code: string; message: string; fields: Record<string, string[]> } };

const zone = process.env.NEWSROOM_TIME_ZONE || "UTC";
/** The newsroom's calendar day of an instant ("2023-12-27"), or a day so many before or after it. */
function newsroomDay(iso: string, days = 0): string {
  const day = wallTimeText(utcToZonedWallTime(new Date(iso), zone)).slice(0, 10);
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

let amir: TestUser;
let bela: TestUser;
let editor: TestUser;

beforeAll(async () => {
  [amir, bela, editor] = await Promise.all([makeUser("writer"), makeUser("writer"), makeUser("editor")]);
});

const list = (user: TestUser, query: string) => api<Page>("GET", `/api/v1/stories?${query}`, { key: user.apiKey });
const ids = (page: { body: Page }) => page.body.items.map((story) => story.id);

describe("filtering the newsroom's story list", () => {
  it("by author and tag together, paging by cursor through just those stories", async () => {
    const tag = unique("Filter desk");
    const a1 = await makeStory(amir, { tags: [tag] });
    const tagSlug = a1.tags[0].slug;
    const b1 = await makeStory(bela, { tags: [tag] });
    const a2 = await makeStory(amir, { tags: [tag] });
    await makeStory(amir);
    const a3 = await makeStory(amir, { tags: [tag] });

    const byTag = await list(editor, `tag=${tagSlug}`);
    expect(ids(byTag)).toEqual([a3.id, a2.id, b1.id, a1.id]);

    const first = await list(editor, `tag=${tagSlug}&author=${amir.id}&limit=2`);
    expect(ids(first)).toEqual([a3.id, a2.id]);
    const second = await list(editor, `tag=${tagSlug}&author=${amir.id}&limit=2&cursor=${first.body.nextCursor}`);
    expect(ids(second)).toEqual([a1.id]);
    expect(second.body.nextCursor).toBeNull();

    // The author is who created the story, whoever changed it last.
    await api("POST", `/api/v1/stories/${b1.id}/publish`, { key: editor.apiKey });
    const bela1 = await list(editor, `author=${bela.id}&tag=${tagSlug}`);
    expect(ids(bela1)).toEqual([b1.id]);
    expect(bela1.body.items[0].updatedBy.id).toBe(editor.id);
    expect(ids(await list(editor, `author=${bela.id}&tag=${tagSlug}&status=draft`))).toEqual([]);
    expect(ids(await list(editor, `author=${bela.id}&tag=${tagSlug}&status=published`))).toEqual([b1.id]);
    expect(ids(await list(editor, `tag=no-such-tag-${Date.now()}&author=${bela.id}`))).toEqual([]);
  });

  it("by the days of the last change, in the newsroom's time zone", async () => {
    const tag = unique("Dated");
    const story = (await makeStory(amir, { tags: [tag] })) as ListedStory;
    const filter = `tag=${story.tags[0].slug}`;
    const day = newsroomDay(story.updatedAt);
    const dayBefore = newsroomDay(story.updatedAt, -1);

    expect(ids(await list(editor, `${filter}&updatedFrom=${day}&updatedTo=${day}`))).toEqual([story.id]);
    expect(ids(await list(editor, `${filter}&updatedFrom=${day}`))).toEqual([story.id]);
    expect(ids(await list(editor, `${filter}&updatedTo=${day}`))).toEqual([story.id]);
    expect(ids(await list(editor, `${filter}&updatedFrom=${newsroomDay(story.updatedAt, 1)}`))).toEqual([]);
    expect(ids(await list(editor, `${filter}&updatedTo=${dayBefore}`))).toEqual([]);
    expect(ids(await list(editor, `${filter}&updatedFrom=${dayBefore}&updatedTo=${day}&author=${amir.id}&status=draft&q=${encodeURIComponent(story.headline.split(" ")[0])}`))).toEqual([story.id]);
  });

  it("by a tag's former slug, after a rename or merge", async () => {
    const story = await makeStory(amir, { tags: [unique("Renamed desk")] });
    const tag = await db.tag.findUniqueOrThrow({ where: { slug: story.tags[0].slug } });
    const formerSlug = `former-${tag.slug}`;
    await db.tagRedirect.create({ data: { slug: formerSlug, tagId: tag.id } });
    expect(ids(await list(editor, `tag=${formerSlug}`))).toEqual([story.id]);
  });

  it("reads empty parameters as no filter", async () => {
    const response = await list(editor, "status=&tag=&author=&updatedFrom=&updatedTo=&q=&cursor=&limit=");
    expect(response.status).toBe(200);
    expect(response.body.items.length).toBeGreaterThan(0);
  });

  it("refuses bad values with 422, naming each field", async () => {
    const bad = await api<Refusal>("GET", "/api/v1/stories?author=priya&updatedFrom=27%2F12%2F2023&updatedTo=2023-02-30&status=live", { key: editor.apiKey });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["author", "status", "updatedFrom", "updatedTo"]);

    const backwards = await api<Refusal>("GET", "/api/v1/stories?updatedFrom=2023-12-27&updatedTo=2023-12-26", { key: editor.apiKey });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.fields).toEqual({ updatedTo: ["The last day comes before the first"] });
  });
});
