import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, makeStory, makeUser, unique, type TestUser } from "@/e2e/fixtures/factories";
import { ninjsValidator } from "@/lib/ninjs/ninjs-validator";

type Ninjs = Record<string, unknown> & {
  uri: string; pubstatus: string; embargoed?: string; version: string;
  headlines: { value: string }[]; renditions?: { href: string }[];
};

const validate = ninjsValidator();
let writer: TestUser;
let editor: TestUser;

beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser("writer"), makeUser("editor")]);
});

const fetchNinjs = (id: string, key: string | undefined) => api<Ninjs>("GET", `/api/v1/stories/${id}/ninjs`, { key });

function expectValid(body: unknown) {
  const result = validate(body);
  expect(result.errors).toBe("No errors");
  expect(result.valid).toBe(true);
}

describe("GET /api/v1/stories/{id}/ninjs", () => {
  it("answers a published story as NINJS 2.1 that IPTC's schema accepts", async () => {
    const names = { topic: unique("Ninjs topic"), person: unique("Ninjs person"), place: unique("Ninjs place"), organisation: unique("Ninjs org") };
    const story = await makeStory(writer, {
      standfirst: "What happened, in a line.",
      byline: "A Reporter",
      agency: "ANI",
      dateline: { location: "Moscow", country: "Russia", date: "2026-03-03" },
      tags: Object.entries(names).map(([type, name]) => ({ name, type })),
    });
    const published = await api<{ version: number }>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
    expect(published.status).toBe(200);

    const response = await fetchNinjs(story.id, writer.apiKey);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expectValid(response.body);
    expect(response.body).toMatchObject({
      uri: `${baseUrl}/api/v1/stories/${story.id}`,
      type: "text",
      version: String(published.body.version),
      pubstatus: "usable",
      headlines: [{ role: "main", value: story.headline }],
      descriptions: [{ role: "summary", value: "What happened, in a line." }],
      bodies: [{ role: "main", contenttype: "text/html", value: story.body }],
      by: "A Reporter",
      located: "Moscow, Russia",
      infosources: [{ name: "ANI" }],
      subjects: [{ name: names.topic }],
      people: [{ name: names.person }],
      places: [{ name: names.place }],
      organisations: [{ name: names.organisation }],
    });
    // The web rendition is the reader page, and it is there.
    const href = response.body.renditions![0].href;
    expect(href).toBe(`${baseUrl}/stories/${story.slug}`);
    expect((await fetch(href)).status).toBe(200);
  });

  it("marks a draft and an embargoed story withheld, with the embargo's time, and a killed one canceled", async () => {
    const draft = await makeStory(writer);
    const draftNinjs = await fetchNinjs(draft.id, writer.apiKey);
    expectValid(draftNinjs.body);
    expect(draftNinjs.body.pubstatus).toBe("withheld");
    expect(draftNinjs.body).not.toHaveProperty("renditions");

    const embargoUntil = new Date(Date.now() + 3_600_000).toISOString();
    const embargoed = await makeStory(writer, { embargoUntil });
    await api("POST", `/api/v1/stories/${embargoed.id}/publish`, { key: editor.apiKey });
    const embargoedNinjs = await fetchNinjs(embargoed.id, editor.apiKey);
    expectValid(embargoedNinjs.body);
    expect(embargoedNinjs.body.pubstatus).toBe("withheld");
    expect(Date.parse(embargoedNinjs.body.embargoed!)).toBe(Date.parse(embargoUntil));

    const killed = await makeStory(writer);
    await api("POST", `/api/v1/stories/${killed.id}/publish`, { key: editor.apiKey });
    expect((await api("POST", `/api/v1/stories/${killed.id}/kill`, { key: editor.apiKey })).status).toBe(200);
    const killedNinjs = await fetchNinjs(killed.id, editor.apiKey);
    expectValid(killedNinjs.body);
    expect(killedNinjs.body.pubstatus).toBe("canceled");
  });

  it("refuses a caller without a key (401) and answers 404 for an id that names no story", async () => {
    const story = await makeStory(writer);
    const anonymous = await fetchNinjs(story.id, undefined);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).not.toHaveProperty("headlines");
    expect((await fetchNinjs(story.id, "not-a-real-key")).status).toBe(401);
    expect((await fetchNinjs(randomUUID(), writer.apiKey)).status).toBe(404);
    expect((await fetchNinjs("not-a-uuid", writer.apiKey)).status).toBe(404);
  });
});
