import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, getPage, makeUser, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";

// NewsML-G2 through the API: a newsMessage of several items, versions and cancels under the same
// rules as NINJS, and invalid XML refused with the line named and nothing stored.

type Ingested = ApiStory & { agency: string | null; ingest: { outcome: string; wireItemId: string | null; items?: { outcome: string; storyId: string }[] } };

const { db } = await import("@/lib/db");
const corpus = (file: string) => fs.readFileSync(path.resolve("lib/wire/corpus/newsml", file), "utf8");
/** The corpus's copy with its guids made unique to this run, so runs never meet each other's items. */
const fresh = (xml: string, run: string) => xml.replace(/guid="urn:newsml:([^"]+)"/g, `guid="urn:newsml:$1:${run}"`).replace(/residref="urn:newsml:([^"]+)"/g, `residref="urn:newsml:$1:${run}"`);

let editor: TestUser;
const run = `t${Date.now().toString(36)}`;
const send = (xml: string) => api<Ingested>("POST", "/api/v1/wire?receivedAt=2026-03-12T10:00:00Z", { key: editor.apiKey, rawBody: xml, headers: { "Content-Type": "application/xml" } });

beforeAll(async () => {
  editor = await makeUser("editor");
});

afterAll(async () => {
  await db.story.deleteMany({ where: { wireGuid: { endsWith: `:${run}` } } });
  await db.$disconnect();
});

describe("NewsML-G2 through the API", () => {
  it("makes a draft of every text item of a newsMessage, and lists them all in the answer", async () => {
    const response = await send(fresh(corpus("message-three-items.xml"), run));
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.headline).toBe("Kenyan teachers call off strike after pay deal");
    const items = response.body.ingest.items!;
    expect(items.map((item) => item.outcome)).toEqual(["created", "created", "created"]);
    const stories = await db.story.findMany({ where: { id: { in: items.map((item) => item.storyId) } }, select: { headline: true, status: true } });
    expect(stories.map((story) => story.headline).sort()).toEqual(["Japan name squad for Asian Cup qualifiers", "Kenyan teachers call off strike after pay deal", "Norway sets aside new marine reserve in the Barents Sea"]);
    // The same message again is three duplicates, not three more drafts.
    const again = await send(fresh(corpus("message-three-items.xml"), run));
    expect(again.status).toBe(200);
    expect(again.body.ingest.items!.map((item) => item.outcome)).toEqual(["duplicate", "duplicate", "duplicate"]);
  });

  it("holds a newer version of a live item as a pending update, and a cancel withdraws it", async () => {
    const v2 = fresh(corpus("afp-quake-correction-v2.xml"), run);
    const v1 = v2.replace(/(<newsItem\b[^>]*\bversion=")2"/, '$11"').replace("Strong quake shakes southern Peru", "Quake shakes southern Peru");
    const first = await send(v1);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const published = await api<ApiStory>("POST", `/api/v1/stories/${first.body.id}/publish`, { key: editor.apiKey });
    expect(published.status).toBe(200);
    const second = await send(v2);
    expect(second.body.ingest.outcome).toBe("pending");
    expect((await getPage(`/stories/${published.body.slug}`)).text).toContain("Quake shakes southern Peru");

    const canceled = v2.replace(/(<newsItem\b[^>]*\bversion=")2"/, '$13"').replace(/qcode="stat:usable"/, 'qcode="stat:canceled"');
    expect(canceled).toContain("stat:canceled");
    const withdrawn = await send(canceled);
    expect(withdrawn.body.ingest.outcome).toBe("withdrawn");
    expect(withdrawn.body.status).toBe("killed");
    expect((await getPage(`/stories/${published.body.slug}`)).status).not.toBe(200);
  });

  it("refuses invalid XML with 422 naming the line, and stores nothing", async () => {
    const before = await db.wireItem.count();
    const broken = fresh(corpus("afp-paris-museum.xml"), run).replace("</headline>", "</headlin>");
    const response = await send(broken);
    expect(response.status).toBe(422);
    expect(JSON.stringify(response.body)).toMatch(/not valid XML: line \d+/);
    const entity = await send(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]><newsItem guid="urn:x:${run}" version="1"><contentSet/></newsItem>`);
    expect(entity.status).toBe(422);
    expect(await db.wireItem.count()).toBe(before);
  });
});
