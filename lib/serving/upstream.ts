import type http from "node:http";
import { pipeline } from "node:stream/promises";
import { Pool } from "undici";

// The front's connection to `next start` on its loopback port, through undici's Pool (Node's own
// HTTP client library). undici frames every request itself: it writes Content-Length or chunked
// encoding for the body it is handed and refuses framing headers (Connection, Transfer-Encoding,
// Keep-Alive, Upgrade, Expect) outright, so a client's framing can never reach Next. Before it
// did, a GET carrying a Content-Length but no forwarded body left Next reading the next client's
// request on the same kept-alive connection as that body.

export type UpstreamReply = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** Headers about one hop, never passed on in either direction (RFC 9110 §7.6.1), and framing. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "expect",
  "content-length",
  "http2-settings",
]);

/** Headers a client may not set for Next: forwarded addresses (set by the front), Next's CSP nonce source, our own. */
const FRONT_OWNED = /^(?:x-forwarded-|x-real-ip$|forwarded$|content-security-policy|x-dateline-|x-middleware-|x-invoke-|x-now-route-matches$|x-matched-path$)/;

/** The names a message's Connection header lists are hop-by-hop too. */
function connectionListed(headers: http.IncomingHttpHeaders): Set<string> {
  const listed = String(headers.connection ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  return new Set(listed);
}

/**
 * What Next is told of a request passed through: the client's end-to-end headers, minus framing
 * and hop-by-hop headers and whatever the front owns, plus the front's own (client address, CSP nonce …).
 */
export function passThroughHeaders(request: http.IncomingMessage, own: Record<string, string>): Record<string, string | string[]> {
  const listed = connectionListed(request.headers);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || listed.has(name) || FRONT_OWNED.test(name)) continue;
    headers[name] = value;
  }
  return { ...headers, ...own };
}

/**
 * Response headers worth passing on to the client: Next's hop-by-hop headers are about its
 * connection to the front, not the client's. Its Content-Length holds for the bytes passed on.
 */
export function endToEndHeaders(headers: UpstreamReply["headers"]): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && (name === "content-length" || !HOP_BY_HOP.has(name))) kept[name] = value;
  }
  return kept;
}

/** Whether the client's request came with a body (a length above zero, or chunked). */
export function requestHasBody(request: http.IncomingMessage): boolean {
  return !!request.headers["transfer-encoding"] || Number(request.headers["content-length"] ?? 0) > 0;
}

/** A body the front will not pass on: too large (413), or more than it can hold right now (503). */
export class BodyRefused extends Error {
  constructor(
    readonly status: 413 | 503,
    message: string,
  ) {
    super(message);
  }
}

// What all bodies being read at once may hold, so that many large uploads at a time cannot
// exhaust the front's memory.
const BUFFERED_BUDGET_BYTES = 256 * 1024 * 1024;
let buffered = 0;

/**
 * A request's body, read whole before anything is sent to Next: a client that sends its body
 * slowly (or never finishes it) holds a socket of the front's, never one of the connections to
 * Next that every other newsroom and API request needs. Rejects with BodyRefused past `maxBytes`
 * (declared or sent) or past what the front can hold; with the client's own error if it goes away.
 */
export function readBody(request: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > maxBytes) return Promise.reject(new BodyRefused(413, `The request body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      buffered -= size;
      request.off("data", onData);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      buffered += chunk.length;
      chunks.push(chunk);
      if (size > maxBytes) settle(new BodyRefused(413, `The request body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`));
      else if (buffered > BUFFERED_BUDGET_BYTES) settle(new BodyRefused(503, "Too many large requests at once; try again in a moment"));
    };
    request.on("data", onData);
    request.once("end", () => settle());
    request.once("error", (error) => settle(error));
    request.once("aborted", () => settle(new Error("the client went away before sending its whole body")));
  });
}

/**
 * Reads and drops what is left of a refused request's body, up to `maxBytes` and `timeoutMs`, so
 * that a client still sending it (a browser uploading a picture over the limit) reads the refusal
 * instead of a broken connection. Past either bound it stops; the answer then ends the connection.
 */
export function discardBody(request: http.IncomingMessage, maxBytes: number, timeoutMs = 20_000): Promise<void> {
  if (request.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    let size = 0;
    const done = () => {
      clearTimeout(timer);
      request.off("data", onData);
      request.pause();
      resolve();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) done();
    };
    const timer = setTimeout(done, timeoutMs);
    request.on("data", onData);
    request.once("end", done);
    request.once("error", done);
    request.once("close", done);
    request.resume();
  });
}

export type Upstream = {
  /**
   * A GET for a response kept for everyone: built only from the headers given here, nothing of
   * any client's request. Sent again once when Next had just closed the kept-alive connection.
   */
  render: (path: string, headers: Record<string, string>) => Promise<UpstreamReply>;
  /** A client's request passed on with its body as read whole (`readBody`; null for none); the reply read whole. */
  fetch: (request: http.IncomingMessage, path: string, headers: Record<string, string | string[]>, body: Buffer | null) => Promise<UpstreamReply>;
  /**
   * Likewise, with the reply streamed to the client as it comes; `headersFor` adds the front's
   * headers, or declines the reply (null: its body is dropped and the front answers instead, false returned).
   */
  stream: (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    path: string,
    headers: Record<string, string | string[]>,
    body: Buffer | null,
    headersFor: (status: number, headers: Record<string, string | string[]>) => Record<string, string | string[] | number> | null,
  ) => Promise<boolean>;
  close: () => Promise<void>;
};

export function createUpstream(port: number, options: { timeoutMs?: number } = {}): Upstream {
  const timeoutMs = options.timeoutMs ?? 30_000;
  // Next is started with a 10-minute keep-alive (scripts/serve-site.ts) and says so in its
  // Keep-Alive header; undici closes an idle connection well before, so a request is never sent
  // on a connection Next is closing.
  const pool = new Pool(`http://127.0.0.1:${port}`, {
    connections: 128,
    pipelining: 1,
    keepAliveTimeout: 60_000,
    keepAliveMaxTimeout: 60_000,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });

  const send = (request: http.IncomingMessage, path: string, headers: Record<string, string | string[]>, body: Buffer | null) =>
    pool.request({
      path,
      method: request.method ?? "GET",
      headers,
      // undici writes the Content-Length of the bytes it is handed; a POST without a body says 0.
      body,
      // Retrying is the client's decision: a write reaches Next once or not at all.
      idempotent: false,
    });

  const render = async (path: string, headers: Record<string, string>, retried = false): Promise<UpstreamReply> => {
    try {
      const reply = await pool.request({ path, method: "GET", headers });
      return { status: reply.statusCode, headers: reply.headers, body: Buffer.from(await reply.body.arrayBuffer()) };
    } catch (error) {
      if (!retried && (error as NodeJS.ErrnoException).code === "UND_ERR_SOCKET") return render(path, headers, true);
      throw error;
    }
  };

  return {
    render: (path, headers) => render(path, headers),
    fetch: async (request, path, headers, body) => {
      const reply = await send(request, path, headers, body);
      return { status: reply.statusCode, headers: reply.headers, body: Buffer.from(await reply.body.arrayBuffer()) };
    },
    stream: async (request, response, path, headers, body, headersFor) => {
      const reply = await send(request, path, headers, body);
      const replyHeaders = headersFor(reply.statusCode, endToEndHeaders(reply.headers));
      if (!replyHeaders) {
        await reply.body.dump();
        return false;
      }
      response.writeHead(reply.statusCode, replyHeaders);
      if (request.method === "HEAD") {
        await reply.body.dump();
        response.end();
        return true;
      }
      // A client that goes away stops the reply from Next too.
      await pipeline(reply.body, response);
      return true;
    },
    close: () => pool.close(),
  };
}
