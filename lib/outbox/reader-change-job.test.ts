import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readerChangeTask } from "@/lib/outbox/reader-change-job";

// The follow-up of a change, against two real HTTP servers standing in for Varnish nodes (one
// refusing): every cache is purged before any delivery is queued, and the one that failed gets
// a purge job of its own instead of holding the rest up.

const events: string[] = [];
let up: http.Server;
let down: http.Server;
const origin = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

beforeAll(async () => {
  const serve = (status: number, name: string) =>
    http.createServer((request, response) => {
      events.push(`${name} ${request.method} ${request.headers["xkey-purge"]}`);
      response.writeHead(status);
      response.end();
    });
  up = serve(200, "up");
  down = serve(503, "down");
  await Promise.all([up, down].map((server) => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))));
  process.env.VARNISH_PURGE_URLS = `${origin(up)},${origin(down)}`;
});
afterAll(async () => {
  delete process.env.VARNISH_PURGE_URLS;
  await Promise.all([up, down].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

describe("a change's follow-up job", () => {
  it("purges every cache, then queues the deliveries; a cache that fails gets a job of its own", async () => {
    const added: { task: string; payload: unknown }[] = [];
    const helpers = { addJob: async (task: string, payload: unknown) => (events.push(`queued ${task}`), added.push({ task, payload }), {}) as never };
    const delivery = "7d3f1a4e-2b8c-4e5f-9a1b-0c2d3e4f5a6b";
    await readerChangeTask({ keys: ["story-a", "home"], hub: null, feeds: [], deliveries: [delivery] }, helpers);
    expect(events.slice(0, 2).sort()).toEqual(["down PURGE story-a home", "up PURGE story-a home"]);
    expect(events.slice(2)).toEqual(["queued cache_purge", "queued webhook_deliver"]);
    expect(added[0].payload).toEqual({ keys: ["story-a", "home"], target: `varnish ${origin(down)}` });
    expect(added[1].payload).toEqual({ deliveryId: delivery });
  });

  it("drops a payload it cannot read rather than failing for ever", async () => {
    const lines: string[] = [];
    await readerChangeTask({ keys: ["bad key with spaces"], hub: null, feeds: [], deliveries: [] }, { addJob: async () => ({}) as never }, (line) => lines.push(line));
    expect(lines).toEqual(["a reader_change job with an unreadable payload was dropped"]);
  });
});
