import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api, makeUser, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";

// Wire drafts ready to edit (issue 11): plain agency copy has no headline, and the draft's was
// its whole first sentence (112 characters), cut mid-phrase, with an empty standfirst. Now a
// headline is proposed from the lede (at most 80 characters), the lede goes to the standfirst, the
// draft says its headline needs writing until someone changes it, and its slug follows the headline.

type WireStory = ApiStory & { standfirst: string; headlineProposed: boolean };

let writer: TestUser;

beforeAll(async () => {
  writer = await makeUser("writer");
});

const post = (raw: string, contentType = "text/plain") => api<WireStory>("POST", "/api/v1/wire", { key: writer.apiKey, rawBody: raw, headers: { "Content-Type": contentType } });

describe("drafts made from agency copy", () => {
  it("get a proposed headline, the lede as standfirst and a flag, until someone writes the headline", async () => {
    const marker = randomBytes(3).toString("hex");
    const lede = `The Reserve Bank of India on Tuesday kept its key lending rate unchanged at 6.5 per cent for the fifth consecutive meeting ${marker}, citing sticky food inflation and a steady recovery in rural demand.`;
    const created = await post(`MUMBAI, Dec 1 (PTI) ${lede}\n\nThe six-member committee voted 5-1 in favour of the pause.`);
    expect(created.status).toBe(201);
    expect(created.body.headline).toBe("Reserve Bank of India keeps its key lending rate unchanged at 6.5 per cent");
    expect(created.body.headlineProposed).toBe(true);
    expect(created.body.standfirst).toBe(lede);
    expect(created.body.slug).toMatch(/^reserve-bank-of-india-keeps-its-key-lending-rate-unchanged/);

    const written = await api<WireStory>("PATCH", `/api/v1/stories/${created.body.id}`, { key: writer.apiKey, body: { version: created.body.version, headline: `RBI holds rates for a fifth time ${marker}` } });
    expect(written.status).toBe(200);
    expect(written.body.headlineProposed).toBe(false);
    // Never published: the slug nobody chose follows the headline.
    expect(written.body.slug).toBe(`rbi-holds-rates-for-a-fifth-time-${marker}`);
  });

  it("keep the agency's own headline, with nothing flagged", async () => {
    const uri = `urn:test:drafts:${randomBytes(4).toString("hex")}`;
    const created = await post(JSON.stringify({ uri, version: 1, headline: "EU ministers agree joint gas purchasing", body_text: "BRUSSELS, Dec 1 (Reuters) European Union energy ministers on Tuesday agreed to extend the scheme." }), "application/json");
    expect(created.status).toBe(201);
    expect(created.body.headline).toBe("EU ministers agree joint gas purchasing");
    expect(created.body.headlineProposed).toBe(false);
    expect(created.body.standfirst).toBe("");
  });
});
