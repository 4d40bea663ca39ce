import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { batches, cloudflarePurger, fastlyPurger, PurgeFailed, purgers, varnishPurger } from "@/lib/cache/purge-caches";
import { cacheSettings } from "@/lib/cache/cache-settings";

// Each adapter against a real HTTP server standing in for its cache's API, which records what it
// was sent and answers as the real one does (Fastly's and Cloudflare's documented purge calls).

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
const seen: Seen[] = [];
let answer: (request: Seen) => { status: number; body?: unknown } = () => ({ status: 200 });
let server: http.Server;
let origin: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const entry = { method: request.method ?? "", url: request.url ?? "", headers: request.headers, body };
      seen.push(entry);
      const reply = answer(entry);
      response.writeHead(reply.status, { "content-type": "application/json" });
      response.end(reply.body === undefined ? "" : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
  answer = () => ({ status: 200 });
});

const keys = (count: number) => Array.from({ length: count }, (_, i) => `story-a-rather-long-slug-for-story-number-${i}`);

describe("purging shared caches by surrogate key", () => {
  it("sends Varnish PURGE with the keys in xkey-purge, in requests under its header limit", async () => {
    await varnishPurger(origin).purge(keys(300));
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((request) => request.method === "PURGE" && request.url === "/" && String(request.headers["xkey-purge"]).length <= 6000)).toBe(true);
    expect(seen.flatMap((request) => String(request.headers["xkey-purge"]).split(" "))).toEqual(keys(300));
  });

  it("fails, to be tried again, when a Varnish node answers an error or is not there", async () => {
    answer = () => ({ status: 403 });
    await expect(varnishPurger(origin).purge(["all"])).rejects.toThrow(PurgeFailed);
    await expect(varnishPurger("http://127.0.0.1:9").purge(["all"])).rejects.toThrow(/could not be reached/);
  });

  it("calls Fastly's batch purge with its token, at most 256 keys a call", async () => {
    await fastlyPurger({ serviceId: "SU1Z0isxPaozGVKXdv0eY", token: "fastly-token", apiUrl: origin }).purge(keys(300));
    expect(seen.map((request) => [request.method, request.url, request.headers["fastly-key"]])).toEqual([
      ["POST", "/service/SU1Z0isxPaozGVKXdv0eY/purge", "fastly-token"],
      ["POST", "/service/SU1Z0isxPaozGVKXdv0eY/purge", "fastly-token"],
    ]);
    expect(seen.map((request) => (JSON.parse(request.body) as { surrogate_keys: string[] }).surrogate_keys.length)).toEqual([256, 44]);
  });

  it("calls Cloudflare's purge by tag with its token, 30 tags a call, and fails on an answer without success", async () => {
    answer = () => ({ status: 200, body: { success: true, errors: [], result: { id: "x" } } });
    const cloudflare = cloudflarePurger({ zoneId: "023e105f4ecef8ad9ca31a8372d0c353", token: "cf-token", apiUrl: origin });
    await cloudflare.purge(keys(45));
    expect(seen.map((request) => [request.url, request.headers.authorization])).toEqual([
      ["/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache", "Bearer cf-token"],
      ["/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache", "Bearer cf-token"],
    ]);
    expect(seen.map((request) => (JSON.parse(request.body) as { tags: string[] }).tags.length)).toEqual([30, 15]);
    answer = () => ({ status: 200, body: { success: false, errors: [{ code: 1134, message: "Rate limited" }] } });
    await expect(cloudflare.purge(["all"])).rejects.toThrow(/Rate limited/);
  });

  it("purges each cache the environment names, and refuses a half-configured one", () => {
    const settings = cacheSettings({ VARNISH_PURGE_URLS: "http://10.0.0.5:6081, http://10.0.0.6:6081/", FASTLY_SERVICE_ID: "abc", FASTLY_API_TOKEN: "t" });
    expect(purgers(settings).map((purger) => purger.target)).toEqual(["varnish http://10.0.0.5:6081", "varnish http://10.0.0.6:6081", "fastly"]);
    expect(purgers(cacheSettings({}))).toEqual([]);
    expect(() => cacheSettings({ CLOUDFLARE_ZONE_ID: "abc" })).toThrow(/CLOUDFLARE_ZONE_ID and CLOUDFLARE_API_TOKEN/);
    expect(() => cacheSettings({ VARNISH_PURGE_URLS: "varnish-1:6081" })).toThrow(/VARNISH_PURGE_URLS must list addresses/);
    expect(() => cacheSettings({ SHARED_CACHE_SECONDS: "soon" })).toThrow(/SHARED_CACHE_SECONDS/);
  });

  it("splits keys into batches by count and by length", () => {
    expect(batches(["a", "b", "c"], 2, 100)).toEqual([["a", "b"], ["c"]]);
    expect(batches(["aaaa", "bbbb", "cccc"], 10, 10)).toEqual([["aaaa", "bbbb"], ["cccc"]]);
    expect(batches([], 10, 10)).toEqual([]);
  });
});
