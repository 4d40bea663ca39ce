import type http from "node:http";
import { describe, expect, it } from "vitest";
import { acceptsGzip, notModified } from "@/lib/serving/send-page";

const request = (headers: http.IncomingHttpHeaders) => ({ headers }) as http.IncomingMessage;
const etag = '"abc"';
const lastModified = "Tue, 01 Dec 2026 10:00:00 GMT";

describe("content negotiation and validators", () => {
  it("takes gzip only where the client's weights allow it", () => {
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br")).toBe(false);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("gzip;q=0.001")).toBe(true);
    expect(acceptsGzip("*;q=0, identity")).toBe(false);
    expect(acceptsGzip("x-gzip")).toBe(false);
  });

  it("answers If-None-Match before If-Modified-Since, weakly, with * matching any page", () => {
    expect(notModified(request({ "if-none-match": etag }), etag, lastModified)).toBe(true);
    expect(notModified(request({ "if-none-match": `W/${etag}` }), etag, lastModified)).toBe(true);
    expect(notModified(request({ "if-none-match": '"x", "abc"' }), etag, lastModified)).toBe(true);
    expect(notModified(request({ "if-none-match": "*" }), etag, lastModified)).toBe(true);
    expect(notModified(request({ "if-none-match": '"x"', "if-modified-since": lastModified }), etag, lastModified)).toBe(false);
    expect(notModified(request({ "if-modified-since": lastModified }), etag, lastModified)).toBe(true);
    expect(notModified(request({ "if-modified-since": "Tue, 01 Dec 2026 09:59:59 GMT" }), etag, lastModified)).toBe(false);
    expect(notModified(request({ "if-modified-since": "yesterday" }), etag, lastModified)).toBe(false);
  });
});
