import type http from "node:http";
import { describe, expect, it } from "vitest";
import { endToEndHeaders, passThroughHeaders } from "@/lib/serving/upstream";

const request = (headers: http.IncomingHttpHeaders) => ({ headers }) as http.IncomingMessage;

describe("what Next is told of a request passed through", () => {
  it("never gets the client's framing, hop-by-hop headers or what the front owns", () => {
    const headers = passThroughHeaders(
      request({
        host: "news.example",
        "content-length": "5",
        "transfer-encoding": "chunked",
        connection: "keep-alive, x-secret",
        "x-secret": "dropped because Connection lists it",
        expect: "100-continue",
        te: "trailers",
        upgrade: "h2c",
        "x-forwarded-for": "203.0.113.9",
        forwarded: "for=203.0.113.9",
        "x-real-ip": "203.0.113.9",
        "content-security-policy": "script-src 'nonce-chosen-by-client'",
        "x-middleware-subrequest": "middleware",
        "x-dateline-front-token": "guess",
        cookie: "a=b",
        accept: "text/html",
      }),
      { "x-forwarded-for": "198.51.100.1" },
    );
    expect(headers).toEqual({ host: "news.example", cookie: "a=b", accept: "text/html", "x-forwarded-for": "198.51.100.1" });
  });

  it("passes Next's response on without its hop-by-hop headers", () => {
    expect(endToEndHeaders({ "content-type": "text/html", "content-length": "10", connection: "keep-alive", "keep-alive": "timeout=600", "transfer-encoding": "chunked", "set-cookie": ["a=1", "b=2"] })).toEqual({
      "content-type": "text/html",
      "content-length": "10",
      "set-cookie": ["a=1", "b=2"],
    });
  });
});
