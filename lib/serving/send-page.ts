import type http from "node:http";
import Negotiator from "negotiator";
import type { CachedPage } from "@/lib/serving/page-cache";
import { securityHeaders } from "@/lib/serving/security-headers";

// Sending a kept page: the representation the client accepts (gzip or plain, each with its own
// ETag), or 304 when the client's copy is current.

const gzipEtag = (etag: string) => `${etag.slice(0, -1)}-gzip"`;

/**
 * Whether the client takes gzip. Most say "gzip, deflate, br" with no weights: decided at once.
 * Weights ("gzip;q=0", "*;q=0.5") go through negotiator, which reads them as RFC 9110 says.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (!header) return false;
  const value = Array.isArray(header) ? header.join(",") : header;
  if (!value.includes(";")) return /(?:^|[\s,])(?:gzip|\*)(?:$|[\s,])/i.test(value);
  return new Negotiator({ headers: { "accept-encoding": value } }).encoding(["gzip", "identity"]) === "gzip";
}

/**
 * Whether the client's copy is current (RFC 9110 §13.1): If-None-Match when sent (weakly
 * compared; `*` matches any current page), else If-Modified-Since against Last-Modified.
 */
export function notModified(request: http.IncomingMessage, etag: string, lastModified: string): boolean {
  const ifNoneMatch = request.headers["if-none-match"];
  if (ifNoneMatch !== undefined) {
    return ifNoneMatch.split(",").some((tag) => {
      const candidate = tag.trim();
      return candidate === "*" || candidate.replace(/^W\//, "") === etag;
    });
  }
  const since = Date.parse(request.headers["if-modified-since"] ?? "");
  return !Number.isNaN(since) && since >= Date.parse(lastModified);
}

// The headers a cached page is sent with, built once per page and encoding (flat name, value
// lists, as writeHead takes them): a cached page is sent tens of thousands of times a second.
type WireHeaders = { etag: string; ok: (string | number)[]; notModified: (string | number)[] };
const wireHeaders = new WeakMap<CachedPage, { plain: WireHeaders; gzip: WireHeaders | null }>();

function headersFor(page: CachedPage, gzip: boolean): WireHeaders {
  let built = wireHeaders.get(page);
  if (!built) {
    const make = (etag: string, body: Buffer, encoding: boolean): WireHeaders => {
      const headers: Record<string, string> = { ...securityHeaders, ...page.headers, etag, "last-modified": page.lastModified };
      // The gzipped body is another representation of the page: it has an ETag of its own, and
      // shared caches are told that the answer depends on Accept-Encoding.
      if (page.gzip && !/accept-encoding/i.test(headers.vary ?? "")) headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
      const notModified = Object.entries(headers).flat();
      const ok = [...notModified, ...(encoding ? ["content-encoding", "gzip"] : []), "content-length", body.length];
      return { etag, ok, notModified };
    };
    built = { plain: make(page.etag, page.body, false), gzip: page.gzip ? make(gzipEtag(page.etag), page.gzip, true) : null };
    wireHeaders.set(page, built);
  }
  return (gzip && built.gzip) || built.plain;
}

/** Sends a kept page: 304 when the client has it, else the body in the encoding it takes. */
export function sendPage(request: http.IncomingMessage, response: http.ServerResponse, page: CachedPage) {
  const gzip = !!page.gzip && acceptsGzip(request.headers["accept-encoding"]);
  const headers = headersFor(page, gzip);
  if (page.status === 200 && notModified(request, headers.etag, page.lastModified)) {
    response.writeHead(304, headers.notModified);
    response.end();
    return;
  }
  response.writeHead(page.status, headers.ok);
  response.end(request.method === "HEAD" ? undefined : gzip ? page.gzip! : page.body);
}
