import net from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { api, baseUrl, getPage, makeStory, makeUser, unique, type ApiStory, type TestUser } from "@/e2e/fixtures/factories";

// Requests framed to confuse the front and Next about where one request ends and the next
// begins (request smuggling, RFC 9112 §6 and §11.2). Whatever a client sends on its own
// connection, another client's request on a fresh connection gets its own, correct answer, and no
// kept page changes. Before the front framed its requests to Next itself, a GET with a body
// made Next read the start of the next client's request as that body.

const { hostname, port } = new URL(baseUrl);
const CRLF = "\r\n";

/** A raw request: the request line and header lines as given (nothing added), then the body. */
const raw = (lines: string[], body = "") => lines.join(CRLF) + CRLF + CRLF + body;
const host = `Host: ${hostname}:${port}`;

/** How far into `bytes` one whole response ends (headers and body), or -1 while it is incomplete. */
function responseEnd(bytes: Buffer, from: number, head: boolean): { end: number; status: number } | null {
  const headerEnd = bytes.indexOf("\r\n\r\n", from);
  if (headerEnd === -1) return null;
  const headers = bytes.subarray(from, headerEnd).toString("latin1");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(headers)?.[1]);
  let end = headerEnd + 4;
  if (head || status < 200 || status === 204 || status === 304) return { end, status };
  const length = /\r\ncontent-length: *(\d+)/i.exec(headers);
  if (length) return end + Number(length[1]) <= bytes.length ? { end: end + Number(length[1]), status } : null;
  if (/\r\ntransfer-encoding: *chunked/i.test(headers)) {
    for (;;) {
      const line = bytes.indexOf("\r\n", end);
      if (line === -1) return null;
      const size = parseInt(bytes.subarray(end, line).toString("latin1"), 16);
      end = line + 2 + size + 2;
      if (end > bytes.length) return null;
      if (size === 0) return { end, status };
    }
  }
  return null; // a body up to the close: complete only when the connection closes
}

type Exchange = { bytes: string; responses: number; halfClose?: boolean; head?: boolean };

/**
 * Sends bytes on a connection of their own and reads responses until `responses` whole ones
 * have arrived or the server closes the connection (it closes after a request it refuses):
 * the statuses, in order. `halfClose` ends the client's side after sending, for requests the
 * server would otherwise wait on for the rest of their body.
 */
function exchange({ bytes, responses, halfClose = false, head = false }: Exchange): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    const statuses: number[] = [];
    let parsed = 0;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`after ${statuses.length} responses (${statuses}), the server neither answered nor closed for: ${JSON.stringify(bytes.slice(0, 120))}`));
    }, 15_000);
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(statuses);
    };
    socket.on("connect", () => {
      socket.write(Buffer.from(bytes, "latin1"));
      if (halfClose) socket.end();
      if (responses === 0 && !halfClose) done();
    });
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      for (let next = responseEnd(received, parsed, head); next; next = responseEnd(received, parsed, head)) {
        parsed = next.end;
        if (next.status !== 100) statuses.push(next.status);
        if (statuses.length >= responses && !halfClose) return done();
      }
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      // A last response without a length (Node's 400 for a request it cannot parse) ends with the connection.
      const last = /^HTTP\/1\.[01] (\d{3})/.exec(received.subarray(parsed).toString("latin1"));
      if (last) statuses.push(Number(last[1]));
      done();
    });
  });
}

let editor: TestUser;
let story: ApiStory;
let tagSlug: string;
/** Kept pages no other test changes: this file's own story, its tag's page and feed, robots.txt. */
let keptPaths: string[];
let keptBodies: Map<string, string>;

async function keptPagesNow(): Promise<Map<string, string>> {
  return new Map(await Promise.all(keptPaths.map(async (path) => [path, (await getPage(path)).text] as [string, string])));
}

/** Other clients, each on a fresh connection, get their own answers, and the kept pages are as they were. */
async function othersAreUnharmed() {
  const answers = await Promise.all([
    api<{ items: unknown[] }>("GET", "/api/v1/tags?limit=1", { key: editor.apiKey }),
    api("POST", "/api/v1/tags", { key: editor.apiKey, body: {} }),
    api<ApiStory>("GET", `/api/v1/stories/${story.id}`, { key: editor.apiKey }),
    getPage("/login"),
    getPage(`/tags/${tagSlug}/feed.xml`),
    getPage("/robots.txt"),
  ]);
  expect(answers.map((answer) => answer.status)).toEqual([200, 405, 200, 200, 200, 200]);
  expect(Array.isArray((answers[0].body as { items: unknown[] }).items)).toBe(true);
  expect((answers[2].body as ApiStory).headline).toBe(story.headline);
  expect(answers[3].text).toContain("Sign in");
  expect(answers[4].text).toContain("<rss");
  expect(answers[5].text).toMatch(/^User-Agent: \*/);
  expect(await keptPagesNow()).toEqual(keptBodies);
}

beforeAll(async () => {
  editor = await makeUser("editor");
  const tag = unique("Smuggling");
  story = await makeStory(editor, { tags: [tag] });
  const published = await api<ApiStory>("POST", `/api/v1/stories/${story.id}/publish`, { key: editor.apiKey });
  expect(published.status).toBe(200);
  story = published.body;
  tagSlug = story.tags[0].slug;
  keptPaths = [`/stories/${story.slug}`, `/tags/${tagSlug}`, `/tags/${tagSlug}/feed.xml`, "/robots.txt"];
  keptBodies = await keptPagesNow();
  // Kept now: asked twice, answered from memory the same both times.
  expect(await keptPagesNow()).toEqual(keptBodies);
});

const smuggled = (path: string) => raw([`GET ${path} HTTP/1.1`, host, "X-Forwarded-For: 203.0.113.9", "X-Ignore: "]);
const refused = [400];

type Case = {
  name: string;
  request: () => string;
  /** The statuses the sender's own connection gets, in order. */
  expected: number[];
  halfClose?: boolean;
  head?: boolean;
};

const cases: Case[] = [
  {
    name: "the review's case: GET with a body, then a POST on the same connection",
    request: () =>
      raw(["GET /robots.txt HTTP/1.1", host, "Content-Length: 5"], "HHHHH") +
      raw(["POST /api/v1/tags HTTP/1.1", host, "Content-Type: application/json", "Content-Length: 2"], "{}"),
    expected: [200, 405],
  },
  {
    name: "GET whose body is a whole request for a kept page",
    request: () => {
      const inner = smuggled(`/tags/${tagSlug}/feed.xml`);
      return raw(["GET /login HTTP/1.1", host, `Content-Length: ${inner.length}`], inner) + raw(["GET /robots.txt HTTP/1.1", host]);
    },
    expected: [200, 200],
  },
  {
    name: "HEAD with a body",
    request: () => raw(["HEAD /robots.txt HTTP/1.1", host, "Content-Length: 44"], smuggled("/admin").slice(0, 44)) + raw(["GET /robots.txt HTTP/1.1", host]),
    expected: [200, 200],
    head: true,
  },
  {
    name: "OPTIONS with a body",
    request: () => raw(["OPTIONS /api/v1/tags HTTP/1.1", host, "Content-Length: 30"], smuggled("/login").slice(0, 30)) + raw(["GET /robots.txt HTTP/1.1", host]),
    expected: [204, 200],
  },
  {
    name: "GET with a chunked body holding a request",
    request: () => {
      const inner = smuggled("/admin");
      return raw(["GET /login HTTP/1.1", host, "Transfer-Encoding: chunked"], `${inner.length.toString(16)}\r\n${inner}\r\n0\r\n\r\n`) + raw(["GET /robots.txt HTTP/1.1", host]);
    },
    expected: [200, 200],
  },
  {
    name: "Content-Length and Transfer-Encoding both (CL.TE)",
    request: () => raw(["POST /api/v1/wire HTTP/1.1", host, "Content-Length: 6", "Transfer-Encoding: chunked"], "0\r\n\r\nG"),
    expected: refused,
  },
  {
    name: "Transfer-Encoding and Content-Length both (TE.CL)",
    request: () => raw(["POST /api/v1/wire HTTP/1.1", host, "Transfer-Encoding: chunked", "Content-Length: 3"], "8\r\nSMUGGLED\r\n0\r\n\r\n"),
    expected: refused,
  },
  {
    name: "two Content-Length headers that disagree",
    request: () => raw(["POST /api/v1/tags HTTP/1.1", host, "Content-Length: 2", "Content-Length: 40"], "{}" + smuggled("/admin").slice(0, 38)),
    expected: refused,
  },
  {
    name: "two Content-Length headers that agree",
    request: () => raw(["POST /api/v1/tags HTTP/1.1", host, "Content-Length: 2", "Content-Length: 2"], "{}"),
    expected: refused,
  },
  {
    name: "a Content-Length list",
    request: () => raw(["POST /api/v1/tags HTTP/1.1", host, "Content-Length: 2, 40"], "{}" + smuggled("/admin").slice(0, 38)),
    expected: refused,
  },
  {
    name: "a signed Content-Length",
    request: () => raw(["POST /api/v1/tags HTTP/1.1", host, "Content-Length: +2"], "{}"),
    expected: refused,
  },
  {
    name: "a Content-Length past any number",
    request: () => raw(["GET /robots.txt HTTP/1.1", host, "Content-Length: 99999999999999999999"], "x"),
    expected: refused,
  },
  {
    name: "Transfer-Encoding obfuscated: xchunked",
    request: () => raw(["POST /api/v1/wire HTTP/1.1", host, "Transfer-Encoding: xchunked", "Content-Length: 4"], "0\r\n\r\n"),
    expected: refused,
  },
  {
    name: "Transfer-Encoding obfuscated: chunked, identity",
    request: () => raw(["POST /api/v1/wire HTTP/1.1", host, "Transfer-Encoding: chunked, identity"], "0\r\n\r\n"),
    expected: refused,
  },
  {
    name: "Transfer-Encoding with a space before the colon",
    request: () => raw(["POST /api/v1/wire HTTP/1.1", host, "Transfer-Encoding : chunked", "Content-Length: 5"], "0\r\n\r\n"),
    expected: refused,
  },
  {
    name: "two Transfer-Encoding headers",
    request: () => raw(["POST /api/v1/wire HTTP/1.1", host, "Transfer-Encoding: chunked", "Transfer-Encoding: identity"], "0\r\n\r\n"),
    expected: refused,
  },
  {
    name: "obsolete line folding in Transfer-Encoding",
    request: () => raw(["POST /api/v1/wire HTTP/1.1", host, "Content-Length: 5", "Transfer-Encoding:", " chunked"], "0\r\n\r\n"),
    expected: refused,
  },
  {
    name: "obsolete line folding in Content-Length",
    request: () => raw(["POST /api/v1/tags HTTP/1.1", host, "Content-Length:", " 2"], "{}"),
    expected: refused,
  },
  {
    name: "obsolete line folding in an ordinary header",
    request: () => raw(["GET /robots.txt HTTP/1.1", host, "X-Folded: a", " b"]),
    expected: refused,
  },
  {
    name: "chunk extensions",
    request: () => raw(["POST /api/v1/tags HTTP/1.1", host, "Transfer-Encoding: chunked"], "2;name=value\r\n{}\r\n0;last\r\n\r\n") + raw(["GET /robots.txt HTTP/1.1", host]),
    expected: [405, 200],
  },
  {
    name: "a chunk size larger than any number",
    request: () => raw(["POST /api/v1/wire HTTP/1.1", host, "Transfer-Encoding: chunked"], "FFFFFFFFFFFFFFFFFFFFFFFF\r\nab\r\n0\r\n\r\n"),
    expected: refused,
  },
  {
    name: "a chunk size with a 0x prefix",
    request: () => raw(["POST /api/v1/wire HTTP/1.1", host, "Transfer-Encoding: chunked"], "0x2\r\nab\r\n0\r\n\r\n"),
    expected: refused,
  },
  {
    name: "a chunked body cut short",
    request: () => raw(["POST /api/v1/tags HTTP/1.1", host, "Transfer-Encoding: chunked", "Content-Type: application/json"], "10\r\n{}"),
    expected: refused,
    halfClose: true,
  },
  {
    name: "a Content-Length body cut short",
    request: () => raw(["POST /api/v1/tags HTTP/1.1", host, "Content-Length: 100", "Content-Type: application/json"], "{}"),
    expected: refused,
    halfClose: true,
  },
  {
    name: "three requests pipelined on one connection",
    request: () =>
      raw(["GET /robots.txt HTTP/1.1", host]) + raw(["POST /api/v1/tags HTTP/1.1", host, "Content-Length: 0"]) + raw([`GET /tags/${tagSlug} HTTP/1.1`, host]),
    expected: [200, 405, 200],
  },
  {
    name: "Expect: 100-continue on a GET with a body",
    request: () => raw(["GET /robots.txt HTTP/1.1", host, "Expect: 100-continue", "Content-Length: 5"], "HHHHH"),
    expected: [200],
  },
  {
    name: "Connection naming end-to-end headers to drop (hop-by-hop abuse)",
    request: () => raw(["GET /login HTTP/1.1", host, "Connection: cookie, x-forwarded-for, host", "Cookie: a=b"]),
    expected: [200],
  },
  {
    name: "a header Next must never take from a client (x-middleware-subrequest)",
    request: () => raw(["GET /admin HTTP/1.1", host, "x-middleware-subrequest: middleware:middleware:middleware:middleware:middleware"]),
    expected: [307],
  },
  {
    name: "bare LF line endings",
    request: () => `GET /robots.txt HTTP/1.1\n${host}\nContent-Length: 5\n\nHHHHH`,
    expected: refused,
  },
  {
    name: "a header with a NUL in its value",
    request: () => raw(["GET /robots.txt HTTP/1.1", host, "X-Evil: a\0b"]),
    expected: refused,
  },
  {
    name: "a request target in absolute form",
    request: () => raw([`GET http://evil.example/tags/${tagSlug}/feed.xml HTTP/1.1`, host]),
    expected: [200],
  },
  {
    name: "a request target that is not a path",
    request: () => raw(["GET robots.txt HTTP/1.1", host]),
    expected: refused,
  },
  {
    name: "HTTP/1.0 with keep-alive and a body on GET",
    request: () => raw(["GET /robots.txt HTTP/1.0", host, "Connection: keep-alive", "Content-Length: 5"], "HHHHH") + raw(["GET /robots.txt HTTP/1.0", host]),
    expected: [200, 200],
  },
];

describe("requests framed to smuggle another", () => {
  it.each(cases)("$name: answered without a 5xx, and nobody else is affected", async ({ request, expected, halfClose, head }) => {
    const statuses = await exchange({ bytes: request(), responses: expected.length, halfClose, head });
    expect(statuses).toEqual(expected);
    await othersAreUnharmed();
  });

  it("never lets a smuggled request reach Next while another client waits on the same upstream connections", async () => {
    // Many attackers and many ordinary clients at once, so every upstream connection is shared.
    const attacks = Array.from({ length: 20 }, (_, i) => {
      const { request, expected, head } = cases[i % 5];
      return exchange({ bytes: request(), responses: expected.length, head });
    });
    const ordinary = Array.from({ length: 40 }, () => api("POST", "/api/v1/tags", { key: editor.apiKey, body: {} }));
    const [attackStatuses, ordinaryAnswers] = await Promise.all([Promise.all(attacks), Promise.all(ordinary)]);
    expect(attackStatuses.flat().every((status) => status < 500)).toBe(true);
    expect(ordinaryAnswers.map((answer) => answer.status)).toEqual(Array(40).fill(405));
    await othersAreUnharmed();
  });
});

describe("clients that send their bodies slowly", () => {
  it("hold none of the front's connections to Next: others are answered while 200 bodies trickle in", async () => {
    // Each declares a 100 KB body and sends ten bytes of it (a sign-in form, a story), then waits.
    const slow = await Promise.all(
      Array.from(
        { length: 200 },
        (_, i) =>
          new Promise<net.Socket>((resolve, reject) => {
            const socket = net.connect(Number(port), hostname, () => {
              const path = i % 2 ? "/api/auth/callback/credentials" : "/api/v1/stories";
              socket.write(raw([`POST ${path} HTTP/1.1`, host, "Content-Type: application/x-www-form-urlencoded", "Content-Length: 100000"], "csrfToken="), () => resolve(socket));
            });
            socket.on("error", reject);
          }),
      ),
    );
    try {
      // Asked while those wait, with a deadline far above their usual few milliseconds.
      const signal = AbortSignal.timeout(15_000);
      const [tags, created] = await Promise.all([
        fetch(`${baseUrl}/api/v1/tags?limit=1`, { headers: { authorization: `Bearer ${editor.apiKey}` }, signal }),
        fetch(`${baseUrl}/api/v1/stories`, {
          method: "POST",
          headers: { authorization: `Bearer ${editor.apiKey}`, "content-type": "application/json" },
          body: JSON.stringify({ headline: unique("Written while others trickle"), body: "<p>x</p>" }),
          signal,
        }),
      ]);
      expect([tags.status, created.status]).toEqual([200, 201]);
    } finally {
      for (const socket of slow) socket.destroy();
    }
  });

  it("are told 413 at once for a body past the limit, without sending it", async () => {
    const statuses = await exchange({ bytes: raw(["POST /api/v1/stories HTTP/1.1", host, "Content-Type: application/json", `Content-Length: ${21 * 1024 * 1024}`], "{"), responses: 1 });
    expect(statuses).toEqual([413]);
  });
});
