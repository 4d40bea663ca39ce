import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, getPage, makeUser, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { cli } from "@/e2e/fixtures/cli";
import { sessionCookie } from "@/e2e/fixtures/session";
import { SYSTEM } from "@/lib/auth/permissions";

// Issue 10, finding 7: a wire item's versions belong to the source that first delivered it. A
// writer posting a live agency story's uri with version 2147483647 froze it (the agency's updates
// and its withdrawal got 409) and editors read the writer's text as "the agency sent a newer
// version". Versions from anyone else are refused, naming the owner; every version shown names
// its sender.

const { db } = await import("@/lib/db");
const { createApiKey } = await import("@/lib/users/create-api-key");

type Ingested = ApiStory & { ingest: { outcome: string; wireItemId: string | null } };
type Failure = { error: { code: string; message: string; fields?: Record<string, string[]> } };

let agency: TestUser;
let writer: TestUser;
let editor: TestUser;

const uri = () => `urn:test:ownership:${Date.now()}:${randomBytes(4).toString("hex")}`;
const ninjs = (id: string, version: number | string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    uri: id, version, headline: `Summit talks, version ${version}`, pubstatus: "usable", located: "Geneva",
    body_html: `<p>GENEVA, March 3 - Delegates met for round ${version}.</p><p>Talks go on.</p>`, ...extra,
  });
const send = (body: string, key: string) => api<Ingested & Failure>("POST", "/api/v1/wire", { key, rawBody: body, headers: { "Content-Type": "application/json" } });

/** The editor's page for a story, as the signed-in user sees it (HTML). */
async function editorPage(cookie: string, storyId: string): Promise<string> {
  const response = await fetch(`${baseUrl}/admin/stories/${storyId}`, { headers: { Cookie: cookie } });
  expect(response.status).toBe(200);
  return response.text();
}

const text = (html: string) => html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, " ");

beforeAll(async () => {
  [agency, writer, editor] = await Promise.all([makeUser("editor"), makeUser("writer"), makeUser("editor")]);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("a live agency story's versions", () => {
  it("are refused from anyone but the source that first delivered the item, naming it; nothing is stored", async () => {
    const id = uri();
    const v1 = await send(ninjs(id, 1), agency.apiKey);
    expect(v1.status).toBe(201);
    expect((await api("POST", `/api/v1/stories/${v1.body.id}/publish`, { key: editor.apiKey })).status).toBe(200);
    const before = await db.wireItem.count({ where: { guid: id } });

    // The attack: the absurd version is refused as a number, and a sane one as not the writer's to send.
    const frozen = await send(ninjs(id, 2147483647, { headline: "Writer's text" }), writer.apiKey);
    expect(frozen.status).toBe(422);
    expect(Object.keys(frozen.body.error.fields ?? {})).toEqual(["version"]);
    const foreign = await send(ninjs(id, 2, { headline: "Writer's text" }), writer.apiKey);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("forbidden");
    // Who owns it, in words: the agency's user, the path and the key's prefix; and who sent this.
    const agencyKeyPrefix = agency.apiKey.slice(0, 10);
    expect(foreign.body.error.message).toContain(`${id} was first delivered by Test editor`);
    expect(foreign.body.error.message).toContain(`through API key ${agencyKeyPrefix}…`);
    expect(foreign.body.error.message).toContain(`came from Test writer ${writer.email.split("-")[1].split("@")[0]} (writer) through API key ${writer.apiKey.slice(0, 10)}…`);
    // Another editor may not speak for the agency either, not even a withdrawal.
    expect((await send(ninjs(id, 3, { pubstatus: "canceled" }), editor.apiKey)).status).toBe(403);
    expect(await db.wireItem.count({ where: { guid: id } })).toBe(before);

    // The agency's own next version and its withdrawal still work.
    const v2 = await send(ninjs(id, 2), agency.apiKey);
    expect(v2.status).toBe(200);
    expect(v2.body.ingest.outcome).toBe("pending");
    const canceled = await send(ninjs(id, 3, { pubstatus: "canceled" }), agency.apiKey);
    expect(canceled.body.ingest.outcome).toBe("withdrawn");
    expect((await getPage(`/stories/${v1.body.slug}`)).status).toBe(410);
  });

  it("refuses a version number no agency uses, before anything else", async () => {
    for (const version of [2147483647, 1_000_001, -1, "99999999999999999999"]) {
      const response = await send(ninjs(uri(), version), agency.apiKey);
      expect(response.status, String(version)).toBe(422);
      expect(response.body.error.fields?.version?.[0], String(version)).toMatch(/whole number from 0 to 1,000,000/);
    }
    expect((await send(ninjs(uri(), 1_000_000), agency.apiKey)).status).toBe(201);
  });

  it("belong to the API key, and pass to another key of the same user once that key is revoked", async () => {
    const id = uri();
    expect((await send(ninjs(id, 1), agency.apiKey)).status).toBe(201);
    const { key: second } = await createApiKey({ actor: SYSTEM, input: { email: agency.email } });
    const early = await send(ninjs(id, 2), second);
    expect(early.status).toBe(403);
    expect(early.body.error.message).toContain(`through API key ${agency.apiKey.slice(0, 10)}…`);

    // Rotation: the first key is revoked; the user's new key carries on, and is the owner from then on.
    const rotating = await makeUser("editor");
    const { key: third } = await createApiKey({ actor: SYSTEM, input: { email: rotating.email } });
    const rid = uri();
    expect((await send(ninjs(rid, 1), rotating.apiKey)).status).toBe(201);
    const firstKey = await db.apiKey.findFirstOrThrow({ where: { prefix: rotating.apiKey.slice(0, 10), userId: rotating.id } });
    await db.apiKey.update({ where: { id: firstKey.id }, data: { revokedAt: new Date() } });
    const rotated = await send(ninjs(rid, 2), third);
    expect(rotated.status).toBe(200);
    expect(rotated.body.ingest.outcome).toBe("updated");
    const owner = await db.story.findUniqueOrThrow({ where: { wireGuid: rid }, select: { wireOwnerApiKey: { select: { prefix: true } } } });
    expect(owner.wireOwnerApiKey?.prefix).toBe(third.slice(0, 10));
  });

  it("belong to the command line's Wire desk when it delivered the item first", async () => {
    const id = uri();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dateline-owner-"));
    try {
      fs.writeFileSync(path.join(dir, "v1.json"), ninjs(id, 1));
      expect((await cli("wire", "ingest", dir)).stdout).toContain("created 1");
      const fromApi = await send(ninjs(id, 2), agency.apiKey);
      expect(fromApi.status).toBe(403);
      expect(fromApi.body.error.message).toContain("first delivered by Wire desk through the command line (wire ingest)");
      fs.writeFileSync(path.join(dir, "v2.json"), ninjs(id, 2));
      const run = await cli("wire", "ingest", dir);
      expect(run.stdout).toContain("updated 1");
      expect(run.stdout).toContain("duplicate 1");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("belong to the newsroom user who brought the item in; that user's API key is another source", async () => {
    const cookie = await sessionCookie(editor);
    const id = uri();
    const viaSession = await api<Ingested & Failure>("POST", "/api/v1/wire", { rawBody: ninjs(id, 1), headers: { "Content-Type": "application/json", Cookie: cookie, Origin: baseUrl } });
    expect(viaSession.status).toBe(201);
    const byKey = await send(ninjs(id, 2), editor.apiKey);
    expect(byKey.status).toBe(403);
    expect(byKey.body.error.message).toContain("through the newsroom (New from wire)");
    const again = await api<Ingested>("POST", "/api/v1/wire", { rawBody: ninjs(id, 2), headers: { "Content-Type": "application/json", Cookie: cookie, Origin: baseUrl } });
    expect(again.status).toBe(200);
    expect(again.body.ingest.outcome).toBe("updated");
  });
});

describe("the editor's wire panel", () => {
  it("names the sender of every version, pending updates included, and never calls newsroom text the agency's", async () => {
    const id = uri();
    const v1 = await send(ninjs(id, 1), agency.apiKey);
    await api("POST", `/api/v1/stories/${v1.body.id}/publish`, { key: editor.apiKey });
    const v2 = await send(ninjs(id, 2), agency.apiKey);
    expect(v2.body.ingest.outcome).toBe("pending");

    const html = await editorPage(await sessionCookie(editor), v1.body.id);
    const page = text(html);
    const agencySender = `Test editor ${agency.email.split("-")[1].split("@")[0]} (editor) through API key ${agency.apiKey.slice(0, 10)}…`;
    expect(page).not.toContain("The agency sent a newer version");
    expect(page).toContain(`A newer version (version 2) arrived on`);
    expect(page).toContain(`sent by ${agencySender}. The live story is unchanged until you apply it.`);
    expect(page).toContain(`Versions of this agency item are accepted only from ${agencySender}`);
    expect(page).toMatch(new RegExp(`Version 1, received .+? from ${agencySender.replace(/[().…]/g, "\\$&")}: in the story`));
    expect(page).toMatch(new RegExp(`Version 2, received .+? from ${agencySender.replace(/[().…]/g, "\\$&")}: waiting for an editor`));
    // One sender per version shown: the pending update, the original copy and the two in the list.
    expect(html.match(/data-testid="wire-sender"/g)).toHaveLength(4);
  });
});
