import http from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";
import { sessionCookie } from "@/e2e/fixtures/session";

// Issue 10, finding 8: malformed requests to every API route and every reader route, and to the
// newsroom's pages and Auth.js's endpoints, whose query strings are parsed the same way (wrong types,
// NUL and control characters, 1 MB strings, deep JSON, arrays where objects go, invalid UTF-8,
// bodies on GET, bad cursors, ids and dates). None may answer 5xx, and none may write a row.
//
// Deterministic: a seeded generator (FUZZ_SEED to try another) makes the same requests every run.
// It runs after the other integration tests (its own vitest project, a later group), so the row
// counts it compares are its own.

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const { db } = await import("@/lib/db");

/** mulberry32: a small, well-mixed 32-bit generator; the same seed gives the same cases. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const chance = (p: number) => next() < p;
  const hex = (n: number) => Array.from({ length: n }, () => "0123456789abcdef"[int(16)]).join("");
  return { next, int, pick, chance, uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(["8", "9", "a", "b"])}${hex(3)}-${hex(12)}` };
}

type Case = { label: string; method: string; path: string; headers: Record<string, string>; body?: Buffer };
type Answer = { status: number | null; error?: string };

// --- the material -------------------------------------------------------------------------------

const MEGABYTE = "x".repeat(1024 * 1024);
const deepArray = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

const HOSTILE_STRINGS = [
  "", " ", "\u0000", "a\u0000b", "\ud800", "x\udfffy", "\uFFFE\uFFFF", "\u0001\u000B\u001F", "\u007F\u0085", "\r\n\t",
  "<script>alert(1)</script>", "]]><x/>", "' OR '1'='1' --", "%00", "../../etc/passwd", "null", "NaN", "Infinity", "1e309",
  "0000-01-01", "+275760-09-13T00:00:00.000Z", "2026-02-30", "2026-13-01T00:00:00Z", "9999-12-31T23:59:59Z", "yesterday",
  "\u202Eevil", "💥".repeat(200), "a".repeat(5000),
];
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS, 0, -1, 1.5, -0.0, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308, null, true, false, [], {}, [[[]]], [null], ["a", 1],
  { name: {} }, { "": "" }, { __proto__: { polluted: true } }, { constructor: { prototype: {} } },
];
const BAD_IDS = [
  "x", "0", "-1", "%00", "%ff%fe", "..%2F..%2Fadmin", "00000000-0000-0000-0000-000000000000", "00000000-0000-4000-8000-00000000000G",
  "a".repeat(3000), "%E2%80%AE", "null", "' OR '1'='1", "1e309", "%", "%zz", "%C0%AF",
];
const ZERO_ID = "00000000-0000-4000-8000-000000000000";
const BAD_CURSORS = [
  b64([new Date(8.64e15).toISOString(), ZERO_ID]), b64(["0000-01-01T00:00:00.000Z", ZERO_ID]), b64(["+275760-09-13T00:00:00.000Z", ZERO_ID]),
  b64(["2026-01-01T00:00:00.000Z", "not-a-uuid"]), b64([1e300, ZERO_ID]), b64([1e-50, ZERO_ID]), b64([-1, ZERO_ID]), b64({ a: 1 }), b64("x"),
  b64([null, null]), b64(["2026-01-01T00:00:00.000Z"]), Buffer.from("\u0000").toString("base64url"), Buffer.from([0xff, 0xfe]).toString("base64url"),
  "%00", "!!!!", "a".repeat(400), "====", "%ff",
];
const BAD_DATES = ["0000-01-01", "2026-13-01", "2026-02-30", "%00", "yesterday", "+275760-09-13", "99999-01-01", "2026-1-1", "1e309"];

/** Percent-encodes text as UTF-8 bytes (a lone surrogate becomes U+FFFD; encodeURIComponent would throw). */
const pct = (text: string) => [...Buffer.from(text, "utf8")].map((byte) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, "0").toUpperCase()}`)).join("");
/** A path segment or query value: encoded hostile text, or a raw percent sequence as an attacker writes it. */
const piece = (rng: ReturnType<typeof generator>, choices: readonly string[]) => {
  const value = rng.pick(choices);
  return /^%|%[0-9A-Fa-f]{2}|^[A-Za-z0-9_=-]*$/.test(value) && !value.includes(" ") ? value.slice(0, 4000) : pct(value.slice(0, 4000));
};

// --- requests -----------------------------------------------------------------------------------

// (Never an empty body: the API reads one as {}, and a publish of {} is a valid request.)
function bodyOf(rng: ReturnType<typeof generator>, object: () => Record<string, unknown>): { body: Buffer; type: string } {
  const kind = rng.int(10);
  if (kind === 0) return { body: Buffer.from(rng.pick(["{", "nul", '{"a":', "[1,]", "\u0000", "{'a': 1}"])), type: "application/json" };
  if (kind === 1) return { body: Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 0x7d]), type: rng.pick(["application/json", "text/plain", "application/octet-stream"]) };
  if (kind === 2) return { body: Buffer.from(JSON.stringify(rng.pick([[], [object()], 5, "string", null, true]))), type: "application/json" };
  if (kind === 3) return { body: Buffer.from(rng.chance(0.5) ? deepArray(20_000) : deepObject(5_000)), type: "application/json" };
  if (kind === 4) return { body: Buffer.from(JSON.stringify(object())), type: rng.pick(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) };
  return { body: Buffer.from(JSON.stringify(object())), type: "application/json" };
}

/** Random fields of hostile values, with one field always unusable, so no request may write. */
function hostileObject(rng: ReturnType<typeof generator>, fields: string[], poison: () => [string, unknown]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const field of fields) if (rng.chance(0.5)) object[field] = rng.chance(0.05) ? MEGABYTE : rng.pick(HOSTILE_VALUES);
  if (rng.chance(0.2)) object.dateline = rng.pick([[], "Rome", { date: rng.pick(BAD_DATES) }, { location: [] }, null]);
  if (rng.chance(0.2)) object.tags = rng.pick([{}, "tag", [{}], [{ name: "\u0000" }], Array.from({ length: 40 }, (_, i) => `t${i}`), [[["deep"]]]]);
  const [key, value] = poison();
  if (value === undefined) delete object[key];
  else object[key] = value;
  return object;
}

const STORY_FIELDS = ["headline", "standfirst", "body", "byline", "agency", "credits", "slug", "embargoUntil", "asDraft", "draftSavedAt"];
const badHeadline = (rng: ReturnType<typeof generator>): [string, unknown] => ["headline", rng.pick([undefined, "", " ", "\u0000", "a\u0000b", "\u0001\u000B", "\ud800", 42, null, [], {}, ["h"], "h".repeat(301), MEGABYTE])];
const badVersion = (rng: ReturnType<typeof generator>): [string, unknown] => ["version", rng.pick([undefined, "1", 1.5, -1, 0, 2 ** 31, 1e20, null, [], {}, [1], true, "\u0000", NaN])];

type Targets = { story: ApiStory; live: ApiStory; tagId: string; tagSlug: string; editor: TestUser; writer: TestUser; editorCookie: string; adminCookie: string };

function authHeader(rng: ReturnType<typeof generator>, t: Targets): Record<string, string> {
  const roll = rng.int(10);
  if (roll < 7) return { Authorization: `Bearer ${t.editor.apiKey}` };
  if (roll === 7) return { Authorization: `Bearer ${t.writer.apiKey}` };
  if (roll === 8) return {};
  return { Authorization: rng.pick(["Bearer", "Bearer ", "Basic dXNlcjpwYXNz", `Bearer dl_${"A".repeat(3000)}`, "Bearer \u00ff\u00fe", `Bearer ${t.editor.apiKey}x`, "bearer   "]) };
}

function apiCases(rng: ReturnType<typeof generator>, t: Targets): Case[] {
  const cases: Case[] = [];
  const add = (label: string, method: string, path: string, body?: { body: Buffer; type: string }) => {
    const headers: Record<string, string> = { ...authHeader(rng, t) };
    if (body) {
      if (body.type) headers["Content-Type"] = body.type;
      // The newsroom's cookie writes must come from the site itself: look like it, so the request goes deep.
      headers.Origin = baseUrl;
    }
    cases.push({ label, method, path, headers, body: body?.body });
  };
  const badId = () => (rng.chance(0.3) ? rng.uuid() : piece(rng, BAD_IDS));
  const idOrReal = (real: string) => (rng.chance(0.5) ? real : badId());
  const query = (params: Record<string, readonly string[]>) => {
    const parts: string[] = [];
    for (const [name, values] of Object.entries(params)) if (rng.chance(0.6)) parts.push(`${name}=${piece(rng, values)}`);
    if (rng.chance(0.2)) parts.push(`${rng.pick(Object.keys(params))}=a`, `${rng.pick(Object.keys(params))}=b`);
    if (rng.chance(0.05)) parts.push(`q=${"y".repeat(20_000)}`);
    return parts.length ? `?${parts.join("&")}` : "";
  };

  for (let i = 0; i < 40; i++) {
    const q = query({ status: ["published", "bogus", "\u0000", "DRAFT"], tag: [...HOSTILE_STRINGS, t.tagSlug], author: [...BAD_IDS, t.editor.id], updatedFrom: BAD_DATES, updatedTo: BAD_DATES, q: HOSTILE_STRINGS, cursor: BAD_CURSORS, limit: ["0", "-1", "1e9", "abc", "101", "1.5", "%00"] });
    add("list stories", "GET", `/api/v1/stories${q}`, rng.chance(0.15) ? { body: Buffer.from("GET with a body"), type: "text/plain" } : undefined);
  }
  for (let i = 0; i < 40; i++) add("create story", "POST", "/api/v1/stories", bodyOf(rng, () => hostileObject(rng, STORY_FIELDS, () => badHeadline(rng))));
  for (let i = 0; i < 30; i++) add("patch story", "PATCH", `/api/v1/stories/${idOrReal(t.story.id)}`, bodyOf(rng, () => hostileObject(rng, STORY_FIELDS, () => badVersion(rng))));
  for (let i = 0; i < 20; i++) add("read story", rng.pick(["GET", "HEAD"]), `/api/v1/stories/${idOrReal(t.live.id)}${rng.pick(["", "/ninjs", "/revisions", `/revisions/${piece(rng, ["0", "-1", "abc", "1e3", "99999999999", "%00", "1", "1.0"])}`])}`);
  for (let i = 0; i < 15; i++) {
    add("publish", "POST", `/api/v1/stories/${idOrReal(t.story.id)}/publish`, bodyOf(rng, () => ({ at: rng.pick(["0000-01-01T00:00:00Z", "+275760-09-13T00:00:00.000Z", "soon", 5, [], {}, "2026-02-30T00:00:00Z", "\u0000"]) })));
  }
  for (let i = 0; i < 15; i++) add(rng.pick(["kill", "unpublish", "submit"]), "POST", `/api/v1/stories/${badId()}/${rng.pick(["kill", "unpublish", "submit"])}`, rng.chance(0.3) ? bodyOf(rng, () => ({})) : undefined);
  for (let i = 0; i < 15; i++) {
    add("correction", "POST", `/api/v1/stories/${idOrReal(t.live.id)}/corrections`, bodyOf(rng, () => ({ kind: rng.pick(["erratum", "", "\u0000", null, 1, ["correction"], "Correction"]), note: rng.chance(0.1) ? MEGABYTE : rng.pick(HOSTILE_VALUES) })));
  }
  for (let i = 0; i < 15; i++) {
    const n = rng.chance(0.5) ? piece(rng, ["0", "-1", "abc", "1e3", "99999999999", "%00", "1.5"]) : "1";
    add("restore", "POST", `/api/v1/stories/${idOrReal(t.story.id)}/revisions/${n}/restore`, bodyOf(rng, () => hostileObject(rng, [], () => badVersion(rng))));
  }
  for (let i = 0; i < 10; i++) add("presence", rng.pick(["POST", "DELETE"]), `/api/v1/stories/${badId()}/presence`);
  for (let i = 0; i < 25; i++) {
    const q = query({ q: HOSTILE_STRINGS, type: ["person", "bogus", "\u0000"], cursor: [...BAD_CURSORS, ...HOSTILE_STRINGS], limit: ["0", "201", "abc", "-5"] });
    add("list tags", "GET", `/api/v1/tags${q}`, rng.chance(0.15) ? { body: Buffer.from('{"q":"x"}'), type: "application/json" } : undefined);
  }
  for (let i = 0; i < 15; i++) {
    add("rename tag", "PATCH", `/api/v1/tags/${idOrReal(t.tagId)}`, bodyOf(rng, () => ({ name: rng.pick([undefined, "", " ", "\u0000", "a\u0000b", "\u0001", 5, null, [], {}, "n".repeat(81), MEGABYTE]) })));
  }
  for (let i = 0; i < 15; i++) {
    add("merge tags", "POST", `/api/v1/tags/${idOrReal(t.tagId)}/merge`, bodyOf(rng, () => ({ into: rng.pick([undefined, "", "\u0000", 5, null, [], {}, "i".repeat(201), `no-such-tag-${rng.int(1e9)}`, rng.uuid()]) })));
  }
  for (let i = 0; i < 35; i++) {
    const received = rng.chance(0.3) ? `?receivedAt=${piece(rng, BAD_DATES.concat(["0000-01-01T00:00:00Z", "+275760-09-13T00:00:00Z"]))}` : "";
    const ninjs = () => {
      const item: Record<string, unknown> = { headline: rng.pick(HOSTILE_VALUES), located: rng.pick(HOSTILE_VALUES), subject: rng.pick(HOSTILE_VALUES), byline: rng.pick(HOSTILE_VALUES) };
      // Each item carries something that makes it unusable: no body, an absurd version, a uri no identifier has, or a withdrawal of nothing.
      const poison = rng.int(4);
      if (poison === 1) Object.assign(item, { uri: `urn:fuzz:${rng.int(1e9)}`, version: rng.pick([2147483647, -1, 1e20, 1_000_001]), body_html: "<p>Body</p>" });
      if (poison === 2) Object.assign(item, { uri: rng.pick(["urn:\u0001x", "\u007F", `urn:${"u".repeat(1200)}`]), body_text: "Body text." });
      if (poison === 3) Object.assign(item, { uri: `urn:fuzz:cancel:${rng.int(1e9)}`, pubstatus: "canceled", body_html: "<p>Body</p>" });
      return item;
    };
    const body = rng.chance(0.3)
      ? rng.pick([
          { body: Buffer.alloc(2048, 0), type: "application/octet-stream" },
          { body: Buffer.from(Array.from({ length: 3000 }, () => 0x80 + rng.int(64))), type: "text/plain" },
          { body: Buffer.from("   \n\t "), type: "text/plain" },
          { body: Buffer.from(`LONDON (Reuters) - ${MEGABYTE}`), type: "text/plain" },
          { body: Buffer.from("LONDON (Reuters) - declared as JSON"), type: "application/json" },
        ])
      : bodyOf(rng, ninjs);
    add("wire", "POST", `/api/v1/wire${received}`, body);
  }
  // Methods no route has.
  for (const [method, path] of [["PUT", "/api/v1/stories"], ["DELETE", `/api/v1/stories/${t.story.id}`], ["POST", "/api/v1/tags"], ["GET", "/api/v1/wire"], ["PATCH", "/api/v1/stories"], ["OPTIONS", "/api/v1/stories"]]) {
    add("no such method", method, path, method === "GET" || method === "OPTIONS" ? undefined : bodyOf(rng, () => ({ headline: "\u0000" })));
  }
  return cases;
}

function readerCases(rng: ReturnType<typeof generator>, t: Targets): Case[] {
  const slugs = [...BAD_IDS, ...HOSTILE_STRINGS.filter((s) => s.length < 100), t.live.slug.toUpperCase(), `${t.live.slug}.`, `${t.live.slug}%2F..`];
  const ext = () => rng.pick(["xml", "atom", "json", "html", "XML", "xml%00", ""]);
  const paths = [
    () => `/${rng.chance(0.5) ? `?${pct(rng.pick(["tag", "q", "cursor", "utm_source"]))}=${piece(rng, HOSTILE_STRINGS)}` : ""}`,
    () => `/page/${piece(rng, BAD_CURSORS)}`,
    () => `/stories/${piece(rng, slugs)}`,
    () => `/tags/${piece(rng, slugs)}`,
    () => `/tags/${t.tagSlug}/page/${piece(rng, BAD_CURSORS)}`,
    () => `/tags/${piece(rng, slugs)}/page/${piece(rng, BAD_CURSORS)}`,
    () => `/search?q=${piece(rng, HOSTILE_STRINGS)}${rng.chance(0.5) ? `&cursor=${piece(rng, BAD_CURSORS)}` : ""}${rng.chance(0.2) ? "&q=second" : ""}`,
    () => `/feed.${ext()}${rng.chance(0.3) ? `?cursor=${piece(rng, BAD_CURSORS)}` : ""}`,
    () => `/feed/archive/${piece(rng, BAD_CURSORS)}.${ext()}`,
    () => `/tags/${piece(rng, slugs)}/feed.${ext()}`,
    () => `/tags/${t.tagSlug}/feed/archive/${piece(rng, BAD_CURSORS)}.${ext()}`,
    () => `/sitemaps/${piece(rng, ["stories-0.xml", "stories-999999.xml", "tags-1.xml%00", "%00", "stories-1e9.xml", "stories--1.xml", "x".repeat(300)])}`,
    () => rng.pick(["/sitemap.xml", "/news-sitemap.xml", "/robots.txt", "/gone", "/reader-shell", "/favicon.ico"]) + (rng.chance(0.5) ? `?x=${piece(rng, HOSTILE_STRINGS)}` : ""),
    () => `/login?callbackUrl=${piece(rng, ["//evil.example", "javascript:alert(1)", "%00", "/admin\u0000", "https://evil.example/", ...HOSTILE_STRINGS])}`,
    () => `/${piece(rng, ["%", "%zz", "%C0%AF", "..%2F..%2F", "%ff%fe", "a".repeat(2000), ".%2E/admin"])}`,
  ];
  const cases: Case[] = [];
  for (let i = 0; i < 200; i++) {
    const path = rng.pick(paths)();
    const method = rng.pick(["GET", "GET", "GET", "GET", "HEAD", "POST", "OPTIONS"]);
    const withBody = method === "POST" || rng.chance(0.1);
    const headers: Record<string, string> = {};
    if (rng.chance(0.2)) headers["If-None-Match"] = rng.pick(["*", '"x"', "W/\u00ff", "\u0000".replace("\u0000", "")]);
    if (rng.chance(0.2)) headers["If-Modified-Since"] = rng.pick(["yesterday", "Sat, 01 Jan 0000 00:00:00 GMT", "Tue, 13 Sep 275760 00:00:00 GMT", ""]);
    if (rng.chance(0.2)) headers["Accept-Encoding"] = rng.pick(["gzip;q=0", "*", "br, gzip;q=abc", "identity;q=0"]);
    if (withBody) headers["Content-Type"] = rng.pick(["application/json", "text/plain", "application/x-www-form-urlencoded"]);
    cases.push({ label: `reader ${method}`, method, path, headers, body: withBody ? Buffer.from(rng.pick(['{"q":"\\u0000"}', "a=%00", "\u00ff\u00fe"])) : undefined });
  }
  return cases;
}

/** The newsroom's pages (signed in) with hostile filters, and Auth.js's endpoints with hostile input. */
function newsroomCases(rng: ReturnType<typeof generator>, t: Targets): Case[] {
  const cases: Case[] = [];
  const filters = { q: HOSTILE_STRINGS, status: ["bogus", "\u0000", "published"], tag: HOSTILE_STRINGS, author: BAD_IDS, updatedFrom: BAD_DATES, updatedTo: BAD_DATES, cursor: BAD_CURSORS };
  const query = (params: Record<string, readonly string[]>) => {
    const parts = Object.entries(params).flatMap(([name, values]) => (rng.chance(0.5) ? [`${name}=${piece(rng, values)}`] : []));
    return parts.length ? `?${parts.join("&")}` : "";
  };
  const pages = [
    () => `/admin${query(filters)}`,
    () => `/admin/tags${query({ q: HOSTILE_STRINGS, cursor: [...BAD_CURSORS, ...HOSTILE_STRINGS] })}`,
    () => `/admin/audit${query({ user: HOSTILE_STRINGS, story: BAD_IDS, cursor: BAD_CURSORS })}`,
    () => `/admin/stories/${piece(rng, BAD_IDS)}${rng.chance(0.5) ? `?wire=${piece(rng, HOSTILE_STRINGS)}` : ""}`,
    () => `/admin/stories/${rng.chance(0.5) ? t.live.id : piece(rng, BAD_IDS)}/revisions${query({ from: ["0", "-1", "abc", "99999999999", "%00"], to: ["1e3", "%00", ""] })}`,
    () => `/admin/wire/new${query({ x: HOSTILE_STRINGS })}`,
  ];
  for (let i = 0; i < 40; i++) {
    const headers: Record<string, string> = { Cookie: rng.chance(0.8) ? rng.pick([t.editorCookie, t.adminCookie]) : rng.pick(["authjs.session-token=\u00ff", `authjs.session-token=${"a".repeat(4000)}`, "authjs.session-token=eyJhbGciOiJub25lIn0.e30.", ""]) };
    cases.push({ label: "newsroom page", method: "GET", path: rng.pick(pages)(), headers });
  }
  const auth = [
    () => ({ method: "GET", path: `/api/auth/session`, headers: { Cookie: rng.pick(["authjs.session-token=\u00ff", `authjs.session-token=${"b".repeat(3000)}`, "authjs.session-token=%00", "__Secure-authjs.session-token=x"]) } }),
    () => ({ method: "GET", path: `/api/auth/${piece(rng, ["csrf", "providers", "signin", "signout", "error?error=%00", "callback/credentials", "%00", "..%2F"])}`, headers: {} }),
    () => ({
      method: "POST",
      path: "/api/auth/callback/credentials",
      headers: { "Content-Type": rng.pick(["application/x-www-form-urlencoded", "application/json", "text/plain"]), "X-Forwarded-For": `203.0.113.${rng.int(250)}` },
      body: Buffer.from(rng.pick(["csrfToken=x&email=%00&password=%00", '{"email":[],"password":{}}', `email=${"e".repeat(5000)}@x&password=p`, "\u00ff\u00fe", `callbackUrl=${pct("javascript:alert(1)")}`])),
    }),
  ];
  for (let i = 0; i < 15; i++) {
    const request = rng.pick(auth)();
    cases.push({ label: "auth", ...request });
  }
  return cases;
}

/** One request on a connection of its own (nothing shared between cases), answered or not within 20 s. */
function send(c: Case): Promise<Answer> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const request = http.request(
      { host: url.hostname, port: url.port, method: c.method, path: c.path, agent: false, headers: { ...c.headers, ...(c.body ? { "Content-Length": String(c.body.length) } : {}) }, timeout: 20_000 },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? null }));
        response.on("error", (error) => resolve({ status: response.statusCode ?? null, error: error.message }));
      },
    );
    request.on("timeout", () => request.destroy(new Error("no answer within 20 s")));
    request.on("error", (error) => resolve({ status: null, error: error.message }));
    if (c.body) request.end(c.body);
    else request.end();
  });
}

const TABLES = ["Story", "Tag", "WireItem", "StoryRevision", "AuditEntry", "StoryCorrection"] as const;

/** Rows in each table; scheduled stories a reader's request publishes on time (audited by the scheduler) are not the fuzz's. */
async function rowCounts(): Promise<Record<(typeof TABLES)[number], number>> {
  const [row] = await db.$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM "Story") AS "Story", (SELECT count(*) FROM "Tag") AS "Tag", (SELECT count(*) FROM "WireItem") AS "WireItem",
      (SELECT count(*) FROM "StoryRevision") AS "StoryRevision", (SELECT count(*) FROM "StoryCorrection") AS "StoryCorrection",
      (SELECT count(*) FROM "AuditEntry" WHERE NOT ("actorId" IS NULL AND "action" = 'story.publish')) AS "AuditEntry"`;
  return Object.fromEntries(TABLES.map((table) => [table, Number(row[table])])) as Record<(typeof TABLES)[number], number>;
}

let targets: Targets;

beforeAll(async () => {
  const [editor, writer] = await Promise.all([makeUser("editor"), makeUser("writer")]);
  const story = await makeStory(writer, { headline: unique("Fuzz draft"), tags: [{ name: unique("Fuzztag"), type: "topic" }] });
  const draft = await makeStory(writer, { headline: unique("Fuzz live"), tags: [{ name: story.tags[0].name, type: "topic" }] });
  const published = await api<ApiStory>("POST", `/api/v1/stories/${draft.id}/publish`, { key: editor.apiKey });
  expect(published.status).toBe(200);
  const tag = await db.tag.findUniqueOrThrow({ where: { slug: story.tags[0].slug }, select: { id: true, slug: true } });
  const admin = await makeUser("admin");
  const [editorCookie, adminCookie] = await Promise.all([sessionCookie(editor), sessionCookie(admin)]);
  targets = { story, live: published.body, tagId: tag.id, tagSlug: tag.slug, editor, writer, editorCookie, adminCookie };
}, 60_000);

describe(`fuzzing every API and reader route (seed ${SEED})`, () => {
  it("answers a few hundred malformed requests without a 5xx, and writes no row", async () => {
    const rng = generator(SEED);
    const cases = [...apiCases(rng, targets), ...readerCases(rng, targets), ...newsroomCases(rng, targets)];
    expect(cases.length).toBeGreaterThan(500);
    const before = await rowCounts();
    const started = performance.now();
    const answers: Answer[] = new Array(cases.length);
    // Four at a time, in a fixed order of cases.
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < cases.length) {
          const index = next++;
          answers[index] = await send(cases[index]);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const failures = cases
      .map((c, i) => ({ c, a: answers[i] }))
      .filter(({ a }) => a.status === null || a.status >= 500)
      .map(({ c, a }) => `${c.label}: ${c.method} ${c.path.slice(0, 160)} → ${a.status ?? a.error}`);
    const statuses = answers.reduce<Record<string, number>>((counts, a) => ({ ...counts, [String(a.status)]: (counts[String(a.status)] ?? 0) + 1 }), {});
    console.log(`fuzz: ${cases.length} requests in ${seconds.toFixed(1)} s (seed ${SEED}); statuses ${JSON.stringify(statuses)}`);
    expect(failures).toEqual([]);
    expect(await rowCounts()).toEqual(before);
    // Nothing changed the stories the requests aimed at.
    const story = await api<ApiStory>("GET", `/api/v1/stories/${targets.story.id}`, { key: targets.editor.apiKey });
    expect(story.body).toMatchObject({ headline: targets.story.headline, version: targets.story.version, status: "draft" });
    const live = await api<ApiStory>("GET", `/api/v1/stories/${targets.live.id}`, { key: targets.editor.apiKey });
    expect(live.body).toMatchObject({ headline: targets.live.headline, version: targets.live.version, status: "published" });
    expect(seconds).toBeLessThan(60);
  }, 120_000);
});
