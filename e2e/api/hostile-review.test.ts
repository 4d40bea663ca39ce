import { randomBytes } from "node:crypto";
import http from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";

// What an outside attacker found after the first round of hardening (issue 10): markup nested
// deep enough to keep Next busy for half a minute, methods and Auth.js requests answered 500,
// server actions made by hand answered 500, NINJS identities of the wrong kind taken as absent,
// tag names of invisible characters. Each is refused now with a 4xx that says why.

type Failure = { error: { code: string; message: string; fields?: Record<string, string[]> } };

let writer: TestUser;
let editor: TestUser;

beforeAll(async () => {
  [writer, editor] = await Promise.all([makeUser("writer"), makeUser("editor")]);
});

const deep = (depth: number) => "<em>".repeat(depth) + "deep";

describe("markup nested past any real copy", () => {
  it("is refused in a story body with 422 naming the body, before the sanitiser spends its time on it", async () => {
    const response = await api<Failure>("POST", "/api/v1/stories", { key: writer.apiKey, body: { headline: unique("Nested"), body: deep(190_000) } });
    expect(response.status).toBe(422);
    expect(response.body.error.fields?.body?.[0]).toMatch(/nests its markup more than 100 levels deep/);
    // Copy nested as deep as real copy goes is taken as before.
    const fine = await api<ApiStory>("POST", "/api/v1/stories", { key: writer.apiKey, body: { headline: unique("Nested enough"), body: `<blockquote><ul><li><p><strong><em>Quote</em></strong></p></li></ul></blockquote>` } });
    expect(fine.status).toBe(201);
  });

  it("is refused in wire copy, as text or as NINJS body_html, and nothing is stored", async () => {
    const text = await api<Failure>("POST", "/api/v1/wire", {
      key: writer.apiKey,
      rawBody: `NEW DELHI, Dec 1 (PTI) Nested copy ${randomBytes(4).toString("hex")}.\n${deep(5000)}`,
      headers: { "Content-Type": "text/plain" },
    });
    expect(text.status).toBe(422);
    expect(text.body.error.message).toMatch(/nests markup more than 100 levels deep/);
    const ninjs = await api<Failure>("POST", "/api/v1/wire", {
      key: writer.apiKey,
      body: { uri: `urn:test:deep:${randomBytes(4).toString("hex")}`, headline: "Deep", body_html: `<p>NEW DELHI, Dec 1 (PTI) ${deep(5000)}</p>` },
    });
    expect(ninjs.status).toBe(422);
    expect(ninjs.body.error.message).toMatch(/body_html nests its markup more than 100 levels deep/);
  });
});

describe("NINJS identities of the wrong kind", () => {
  it("refuses a version that is not a whole number, and a uri that is not a string, instead of reading them as absent", async () => {
    const uri = `urn:test:identity:${randomBytes(4).toString("hex")}`;
    for (const [version, shown] of [[1.5, "1.5"], ["v2", '"v2"'], [[2], "[2]"]] as const) {
      const response = await api<Failure>("POST", "/api/v1/wire", { key: writer.apiKey, body: { uri, version, headline: "Versioned", body_text: "LONDON, Dec 1 (Reuters) Text." } });
      expect(response.status, shown).toBe(422);
      expect(response.body.error.message, shown).toMatch(/version must be a whole number/);
    }
    // 1e400 is JSON for a number past any double: Infinity once parsed.
    const infinite = await api<Failure>("POST", "/api/v1/wire", {
      key: writer.apiKey,
      rawBody: `{"uri":"${uri}","version":1e400,"headline":"Infinite","body_text":"LONDON, Dec 1 (Reuters) Text."}`,
      headers: { "Content-Type": "application/json" },
    });
    expect(infinite.status).toBe(422);
    for (const bad of [5, ""]) {
      const response = await api<Failure>("POST", "/api/v1/wire", { key: writer.apiKey, body: { uri: bad, headline: "No name", body_text: "LONDON, Dec 1 (Reuters) Text." } });
      expect(response.status, JSON.stringify(bad)).toBe(422);
      expect(response.body.error.message).toMatch(/uri must be a non-empty string/);
    }
    // A version written as a string of digits is NINJS 2's own spelling.
    const spelled = await api<ApiStory>("POST", "/api/v1/wire", { key: writer.apiKey, body: { uri, version: "2", headline: unique("Spelled"), body_text: "LONDON, Dec 1 (Reuters) Text." } });
    expect(spelled.status).toBe(201);
  });
});

describe("tag names", () => {
  it("need a letter or a digit: a name of invisible or only punctuation characters is refused, naming it", async () => {
    for (const name of ["\u200b\u200d", "---", "\u00a0"]) {
      const response = await api<Failure>("POST", "/api/v1/stories", { key: writer.apiKey, body: { headline: unique("Tagged"), body: "<p>x</p>", tags: [name] } });
      expect(response.status, JSON.stringify(name)).toBe(422);
      expect(Object.keys(response.body.error.fields ?? {}), JSON.stringify(name)).toEqual(["tags.0.name"]);
    }
  });
});

describe("methods nothing here answers", () => {
  it("get 405 with Allow, and on the API the API's error body, never a 500 or an empty 400", async () => {
    for (const method of ["TRACE", "PROPFIND", "LOCK", "SEARCH", "MKCOL"]) {
      for (const path of ["/api/v1/tags", "/api/v1/stories", "/feed.xml", "/robots.txt", "/api/auth/session", "/login"]) {
        // fetch refuses to send TRACE: a plain HTTP request, as any client can make.
        const response = await new Promise<{ status: number; allow?: string; body: string }>((resolve, reject) => {
          http
            .request(`${baseUrl}${path}`, { method, headers: { authorization: `Bearer ${editor.apiKey}` } }, (reply) => {
              let body = "";
              reply.on("data", (chunk: Buffer) => (body += chunk));
              reply.on("end", () => resolve({ status: reply.statusCode ?? 0, allow: reply.headers.allow, body }));
            })
            .on("error", reject)
            .end();
        });
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        if (path.startsWith("/api/")) expect((JSON.parse(response.body) as Failure).error.code).toBe("method_not_allowed");
      }
    }
  });
});

describe("Auth.js's own endpoints", () => {
  it("take a callbackUrl that is not a URL as the newsroom's address instead of answering 500", async () => {
    for (const path of ["/api/auth/signin?callbackUrl=abc", "/api/auth/signout?callbackUrl=x%3Ay", "/api/auth/csrf?callbackUrl=abc", "/api/auth/session?callbackUrl=javascript%3Aalert(1)", "/api/auth/providers?callbackUrl=%252F%252Fevil.example"]) {
      const response = await getPage(path);
      expect(response.status, path).toBeLessThan(500);
      expect(response.headers.get("location") ?? "", path).not.toMatch(/evil\.example|javascript:/);
    }
  });

  it("let a user sign in although another site planted a callback-url cookie that is not a URL", async () => {
    const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: "authjs.callback-url=abc" } });
    expect(csrf.status).toBe(200);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = (csrf.headers.getSetCookie().find((cookie) => cookie.startsWith("authjs.csrf-token=")) ?? "").split(";")[0];
    const signIn = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `authjs.callback-url=abc; ${csrfCookie}` },
      body: new URLSearchParams({ csrfToken, email: editor.email, password: editor.password }),
    });
    expect(signIn.status).toBe(302);
    // Sent on within the site (the cookie's "abc" read as a path on it), signed in.
    expect(signIn.headers.get("location")?.startsWith(`${new URL(baseUrl).origin}/`)).toBe(true);
    expect(signIn.headers.getSetCookie().some((cookie) => cookie.startsWith("authjs.session-token="))).toBe(true);
  });

  it("answer a request for an action or provider they do not have with their error page as 400, not 500", async () => {
    for (const path of ["/api/auth/signin/credentials", "/api/auth/callback/nonexistent", "/api/auth/webauthn-options"]) {
      const first = await getPage(path);
      expect(first.status, path).toBeLessThan(500);
      const location = first.headers.get("location");
      if (location) expect((await fetch(location, { redirect: "manual" })).status, location).toBe(400);
    }
    expect((await getPage("/api/auth/error?error=Configuration")).status).toBe(400);
  });
});

describe("newsroom forms (server actions) made by hand", () => {
  // Any action id will do: the front refuses before Next looks the id up.
  const actionHeaders = { "next-action": "602e6d6e75ab1ea6bca91f5ac987f3697e70721c28", "content-type": "text/plain;charset=UTF-8" };

  it("are refused with 403 when posted from another site", async () => {
    const response = await fetch(`${baseUrl}/login`, { method: "POST", headers: { ...actionHeaders, origin: "http://evil.example" }, body: "[]" });
    expect(response.status).toBe(403);
  });

  it("answer 400, not 500, when their payload cannot be read", async () => {
    for (const body of ["garbage", "[]", "[1,2,3]", '{"a":1}']) {
      const response = await fetch(`${baseUrl}/login`, { method: "POST", headers: { ...actionHeaders, origin: new URL(baseUrl).origin }, body });
      expect(response.status, body).toBeLessThan(500);
    }
  });
});
