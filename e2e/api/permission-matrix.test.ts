import { beforeAll, describe, expect, it } from "vitest";
import { api, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { tagBySlug } from "@/e2e/fixtures/tags";
import { mediaFixture, uploadMedia } from "@/e2e/fixtures/media";
import { permissions, roles, type Actor, type Permission, type Role } from "@/lib/auth/permissions";

// Every permission in the table, exercised through the way it is used, for anonymous and each role.
// `cases` is typed Record<Permission, …>: a new permission does not compile until it has a case here.

type Callers = Record<Role, TestUser>;
/** Runs the operation as `who` (null = anonymous); resolves with an HTTP-like status. */
type Case = (who: TestUser | null, callers: Callers) => Promise<number>;

const { updateUser } = await import("@/lib/users/update-user");
const { createApiKey } = await import("@/lib/users/create-api-key");
const { listAuditEntries } = await import("@/lib/audit/list-audit-entries");
const { isAppError } = await import("@/lib/errors");
const { dispatch, queueWireItem } = await import("@/e2e/fixtures/wire-queue");

const asActor = (user: TestUser): Actor => ({ id: user.id, email: user.email, name: user.email, role: user.role });
/** A lib call's outcome as a status: 200, or the AppError's status (401 when there is no actor). */
async function libStatus(who: TestUser | null, run: (actor: Actor) => Promise<unknown>): Promise<number> {
  if (!who) return 401;
  try {
    await run(asActor(who));
    return 200;
  } catch (error) {
    if (isAppError(error)) return error.status;
    throw error;
  }
}

const draft = (callers: Callers) => makeStory(callers.editor);
const live = async (callers: Callers) => {
  const story = await makeStory(callers.editor);
  return (await api<ApiStory>("POST", `/api/v1/stories/${story.id}/publish`, { key: callers.editor.apiKey })).body;
};

const cases: Record<Permission, Case> = {
  "story.read": async (who, c) => (await api("GET", `/api/v1/stories/${(await draft(c)).id}`, { key: who?.apiKey })).status,
  "story.create": async (who) => (await api("POST", "/api/v1/stories", { key: who?.apiKey, body: { headline: unique("Matrix"), body: "<p>x</p>" } })).status,
  "story.edit": async (who, c) => {
    const story = await draft(c);
    return (await api("PATCH", `/api/v1/stories/${story.id}`, { key: who?.apiKey, body: { version: story.version, headline: unique("Edited") } })).status;
  },
  "story.edit.live": async (who, c) => {
    const story = await live(c);
    return (await api("PATCH", `/api/v1/stories/${story.id}`, { key: who?.apiKey, body: { version: story.version, headline: unique("Live edit") } })).status;
  },
  "story.submit": async (who, c) => (await api("POST", `/api/v1/stories/${(await draft(c)).id}/submit`, { key: who?.apiKey })).status,
  "story.publish": async (who, c) => (await api("POST", `/api/v1/stories/${(await draft(c)).id}/publish`, { key: who?.apiKey })).status,
  "story.unpublish": async (who, c) => (await api("POST", `/api/v1/stories/${(await live(c)).id}/unpublish`, { key: who?.apiKey })).status,
  "story.kill": async (who, c) => (await api("POST", `/api/v1/stories/${(await live(c)).id}/kill`, { key: who?.apiKey })).status,
  "story.correct": async (who, c) =>
    (await api("POST", `/api/v1/stories/${(await live(c)).id}/corrections`, { key: who?.apiKey, body: { kind: "correction", note: "Matrix correction." } })).status,
  "tag.manage": async (who, c) => {
    const story = await makeStory(c.editor, { tags: [unique("Matrix tag")] });
    const tag = await tagBySlug(c.editor, story.tags[0].slug);
    return (await api("PATCH", `/api/v1/tags/${tag.id}`, { key: who?.apiKey, body: { name: unique("Renamed matrix tag") } })).status;
  },
  "tag.create": async (who) =>
    (await api("POST", "/api/v1/stories", { key: who?.apiKey, body: { headline: unique("Tagged"), body: "<p>x</p>", tags: [unique("Brand new tag")] } })).status,
  "user.manage": async (who) => {
    const target = await makeUser("writer");
    return libStatus(who, (actor) => updateUser({ actor, id: target.id, input: { role: "editor" } }));
  },
  "apikey.manage": async (who) => {
    const target = await makeUser("writer");
    return libStatus(who, (actor) => createApiKey({ actor, input: { email: target.email } }));
  },
  "audit.read": async (who) => libStatus(who, (actor) => listAuditEntries({ actor, query: {} })),
  "wire.read": async (who) => (await api("GET", "/api/v1/wire/items", { key: who?.apiKey })).status,
  "wire.take": async (who) => (await api("POST", `/api/v1/wire/items/${await queueWireItem(dispatch())}/take`, { key: who?.apiKey })).status,
  "wire.dismiss": async (who) => (await api("POST", `/api/v1/wire/items/${await queueWireItem(dispatch())}/dismiss`, { key: who?.apiKey })).status,
  "wire.sources": async (who) => (await api("GET", "/api/v1/wire/sources", { key: who?.apiKey })).status,
  "webhook.manage": async (who, c) => {
    const created = await api<{ id: string }>("POST", "/api/v1/webhooks", { key: who?.apiKey, body: { url: "http://127.0.0.1:9/matrix", events: ["story.published"] } });
    // Not left to receive every story the run publishes.
    if (created.status === 201) await api("DELETE", `/api/v1/webhooks/${created.body.id}`, { key: c.admin.apiKey });
    return created.status;
  },
  "media.read": async (who) => (await api("GET", "/api/v1/media", { key: who?.apiKey })).status,
  "media.upload": async (who) => (await uploadMedia(who?.apiKey, mediaFixture("plain.png"), "matrix.png", "image/png")).status,
  "media.edit": async (who, c) => {
    const { body } = await uploadMedia(c.editor.apiKey, mediaFixture("plain.png"), "matrix-edit.png", "image/png");
    return (await api("PATCH", `/api/v1/media/${body.id}`, { key: who?.apiKey, body: { alt: "A red square" } })).status;
  },
};

// Routes that change something but need a permission another route already exercises above.
const presenceRoutes: { route: string; permission: Permission; run: Case }[] = [
  { route: "POST /api/v1/stories/{id}/presence", permission: "story.read", run: async (who, c) => (await api("POST", `/api/v1/stories/${(await draft(c)).id}/presence`, { key: who?.apiKey })).status },
  { route: "DELETE /api/v1/stories/{id}/presence", permission: "story.read", run: async (who, c) => (await api("DELETE", `/api/v1/stories/${(await draft(c)).id}/presence`, { key: who?.apiKey })).status },
];

let callers: Callers;

beforeAll(async () => {
  const [writer, editor, admin] = await Promise.all(roles.map((role) => makeUser(role)));
  callers = { writer, editor, admin };
});

describe("the permission table, enforced on the server", () => {
  it("has a case for every permission", () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(permissions).sort());
  });

  for (const permission of Object.keys(permissions) as Permission[]) {
    it(`${permission}: ${(permissions[permission] as readonly Role[]).join(", ")} may; anyone else is refused`, async () => {
      expect(await cases[permission](null, callers), "anonymous").toBe(401);
      for (const role of roles) {
        const status = await cases[permission](callers[role], callers);
        const allowed = (permissions[permission] as readonly Role[]).includes(role);
        if (allowed) expect(status, role).toBeLessThan(300);
        else expect(status, role).toBe(403);
      }
    });
  }
});

// Routes that use a permission already walked above, through another door: each walked the same way.
const moreRoutes: [string, Permission, Case][] = [
  ["GET /api/v1/webhooks", "webhook.manage", async (who) => (await api("GET", "/api/v1/webhooks", { key: who?.apiKey })).status],
  ["GET …/revisions", "story.read", async (who, c) => (await api("GET", `/api/v1/stories/${(await draft(c)).id}/revisions`, { key: who?.apiKey })).status],
  ["GET …/revisions/1", "story.read", async (who, c) => (await api("GET", `/api/v1/stories/${(await draft(c)).id}/revisions/1`, { key: who?.apiKey })).status],
  ["POST …/revisions/1/restore of a draft", "story.edit", async (who, c) => {
    const story = await draft(c);
    return (await api("POST", `/api/v1/stories/${story.id}/revisions/1/restore`, { key: who?.apiKey, body: { version: story.version } })).status;
  }],
  ["POST …/revisions/1/restore of a live story", "story.edit.live", async (who, c) => {
    const story = await live(c);
    return (await api("POST", `/api/v1/stories/${story.id}/revisions/1/restore`, { key: who?.apiKey, body: { version: story.version } })).status;
  }],
  ["PATCH with asDraft (a draft of changes)", "story.edit.live", async (who, c) => {
    const story = await live(c);
    return (await api("PATCH", `/api/v1/stories/${story.id}`, { key: who?.apiKey, body: { asDraft: true, version: story.version, headline: unique("Draft") } })).status;
  }],
  ["GET /api/v1/wire/items/{id}", "wire.read", async (who) => (await api("GET", `/api/v1/wire/items/${await queueWireItem(dispatch())}`, { key: who?.apiKey })).status],
  ["POST /api/v1/wire/items/{id}/restore", "wire.dismiss", async (who) => (await api("POST", `/api/v1/wire/items/${await queueWireItem(dispatch())}/restore`, { key: who?.apiKey })).status],
  ["GET /api/v1/media/{id}", "media.read", async (who, c) => {
    const { body } = await uploadMedia(c.editor.apiKey, mediaFixture("plain.png"), "matrix-read.png", "image/png");
    return (await api("GET", `/api/v1/media/${body.id}`, { key: who?.apiKey })).status;
  }],
  ...presenceRoutes.map(({ route, permission, run }): [string, Permission, Case] => [route, permission, run]),
];

describe("the same permissions, through every other route that uses them", () => {
  for (const [route, permission, run] of moreRoutes) {
    it(`${route}: ${permission}`, async () => {
      expect(await run(null, callers), "anonymous").toBe(401);
      for (const role of roles) {
        const status = await run(callers[role], callers);
        if ((permissions[permission] as readonly Role[]).includes(role)) expect(status, role).toBeLessThan(300);
        else expect(status, role).toBe(403);
      }
    });
  }
});

describe("deactivation", () => {
  it("stops a user's API keys at once, and an admin cannot lock themselves out", async () => {
    const user = await makeUser("editor");
    expect((await api("GET", "/api/v1/stories", { key: user.apiKey })).status).toBe(200);
    await updateUser({ actor: asActor(callers.admin), id: user.id, input: { active: false } });
    expect((await api("GET", "/api/v1/stories", { key: user.apiKey })).status).toBe(401);
    await expect(updateUser({ actor: asActor(callers.admin), id: callers.admin.id, input: { active: false } })).rejects.toMatchObject({ code: "conflict" });
    const log = await listAuditEntries({ actor: asActor(callers.admin), query: { user: callers.admin.email } });
    expect(log.items.map((entry) => entry.action)).toContain("user.deactivate");
  });

  it("submits a writer's draft for review, which only the desk can then publish", async () => {
    const story = await makeStory(callers.writer);
    const submitted = await api<ApiStory>("POST", `/api/v1/stories/${story.id}/submit`, { key: callers.writer.apiKey });
    expect(submitted.body.status).toBe("in_review");
    expect((await api("POST", `/api/v1/stories/${story.id}/submit`, { key: callers.writer.apiKey })).status).toBe(409);
    expect((await api("POST", `/api/v1/stories/${story.id}/publish`, { key: callers.writer.apiKey })).status).toBe(403);
    expect((await api<ApiStory>("POST", `/api/v1/stories/${story.id}/publish`, { key: callers.editor.apiKey })).body.status).toBe("published");
    const log = await listAuditEntries({ actor: asActor(callers.admin), query: { story: story.id } });
    expect(log.items.map((entry) => entry.action)).toEqual(["story.publish", "story.submit"]);
  });
});
