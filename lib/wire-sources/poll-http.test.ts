import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseWireItem } from "@/lib/wire/parse-wire-item";
import { pollHttp } from "@/lib/wire-sources/poll-http";
import { SourceError } from "@/lib/wire-sources/source-error";

// A real HTTP server whose feeds the tests change between polls.
type Handler = (request: IncomingMessage, response: ServerResponse) => void;
let routes: Record<string, Handler> = {};
let requests: IncomingMessage[] = [];
let server: Server;
let base: string;

async function listen(handler: Handler): Promise<{ server: Server; base: string }> {
  const started = createServer(handler);
  await new Promise<void>((resolve) => started.listen(0, "127.0.0.1", resolve));
  return { server: started, base: `http://127.0.0.1:${(started.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  ({ server, base } = await listen((request, response) => {
    requests.push(request);
    const route = routes[new URL(request.url!, base).pathname];
    if (route) route(request, response);
    else response.writeHead(404).end();
  }));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  routes = {};
  requests = [];
});

/** Serves the body with an ETag, answering 304 when the client already has it. */
function withEtag(type: string, body: () => string): Handler {
  return (request, response) => {
    const etag = `"${Buffer.from(body()).toString("base64url").slice(-16)}"`;
    if (request.headers["if-none-match"] === etag) return void response.writeHead(304, { etag }).end();
    response.writeHead(200, { "content-type": type, etag }).end(body());
  };
}

const rssItem = (id: number, date: string) =>
  `<item><guid isPermaLink="false">ani-${id}</guid><title>Story ${id} &amp; more</title><pubDate>${date}</pubDate><dc:creator>Staff Reporter</dc:creator>` +
  `<category>Politics</category><content:encoded><![CDATA[<p>NEW DELHI, March 3 (ANI): Body of story ${id}.</p>]]></content:encoded><description>Summary ${id}</description></item>`;
const rss = (items: string[]) =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>ANI</title>${items.join("")}</channel></rss>`;
const parsedHeadline = (raw: string | Uint8Array) => parseWireItem(raw, { receivedAt: new Date("2026-03-03T12:00:00Z") }).parse.headline;

describe("pollHttp: RSS", () => {
  it("gives new entries as NINJS, oldest first; a 304 and a feed still listing them give nothing again", async () => {
    let items = [rssItem(2, "Tue, 03 Mar 2026 09:00:00 GMT"), rssItem(1, "Tue, 03 Mar 2026 08:00:00 GMT")];
    routes["/rss"] = withEtag("application/rss+xml", () => rss(items));
    const settings = { url: `${base}/rss`, format: "rss" as const };

    const first = await pollHttp(settings, null, null);
    expect(first.items.map((item) => item.name)).toEqual(["ani-1", "ani-2"]);
    const ninjs = JSON.parse(first.items[0].raw as string);
    expect(ninjs).toMatchObject({ uri: "ani-1", type: "text", headline: "Story 1 & more", versioncreated: "2026-03-03T08:00:00.000Z", byline: "Staff Reporter", subject: [{ name: "Politics" }] });
    expect(ninjs.body_html).toBe("<p>NEW DELHI, March 3 (ANI): Body of story 1.</p>");
    // The ingest's own NINJS parser reads it.
    expect(parsedHeadline(first.items[0].raw)).toBe("Story 1 & more");

    const unchanged = await pollHttp(settings, null, first.state);
    expect(unchanged).toMatchObject({ items: [], notModified: true });
    expect(requests.at(-1)!.headers["if-none-match"]).toBeTruthy();

    items = [rssItem(3, "Tue, 03 Mar 2026 10:00:00 GMT"), ...items];
    const changed = await pollHttp(settings, null, unchanged.state);
    expect(changed.items.map((item) => item.name)).toEqual(["ani-3"]);
    // Without validators the feed is fetched again in full, and still nothing is given twice.
    const again = await pollHttp(settings, null, { ...(changed.state as object), etag: undefined });
    expect(again.items).toEqual([]);
  });

  it("reports a 500 in words once, and the next poll goes on", async () => {
    let fail = true;
    routes["/flaky"] = (request, response) => {
      if (fail) {
        fail = false;
        return void response.writeHead(500).end("oops");
      }
      response.writeHead(200, { "content-type": "application/rss+xml" }).end(rss([rssItem(7, "Tue, 03 Mar 2026 09:00:00 GMT")]));
    };
    await expect(pollHttp({ url: `${base}/flaky`, format: "rss" }, null, null)).rejects.toThrow(new SourceError("The feed answered 500 Internal Server Error"));
    expect((await pollHttp({ url: `${base}/flaky`, format: "rss" }, null, null)).items).toHaveLength(1);
  });

  it("says what is wrong with a feed that is not one", async () => {
    routes["/html"] = (request, response) => response.writeHead(200, { "content-type": "text/html" }).end("<html><body>Log in</body></html>");
    routes["/broken"] = (request, response) => response.writeHead(200).end("<rss><channel><item></channel></rss>");
    await expect(pollHttp({ url: `${base}/html`, format: "rss" }, null, null)).rejects.toThrow("The feed is XML but neither RSS nor Atom: its root element is <html>");
    await expect(pollHttp({ url: `${base}/broken`, format: "rss" }, null, null)).rejects.toThrow(/^The feed is not valid XML: line 1/);
  });
});

describe("pollHttp: Atom paging", () => {
  const entry = (id: number) =>
    `<entry><id>urn:afp:${id}</id><title type="html">&lt;b&gt;Entry ${id}&lt;/b&gt;</title><updated>2026-03-0${id}T08:00:00Z</updated><author><name>AFP</name></author>` +
    `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Paragraph ${id} &amp; co.</p></div></content></entry>`;
  const feed = (ids: number[], next?: string) =>
    `<feed xmlns="http://www.w3.org/2005/Atom"><title>AFP</title>${next ? `<link rel="next" href="${next}"/>` : ""}${ids.map(entry).join("")}</feed>`;

  it("follows rel=next while pages bring new entries, up to 5 pages", async () => {
    routes["/atom"] = (request, response) => response.writeHead(200).end(feed([4, 3], "/atom/2"));
    routes["/atom/2"] = (request, response) => response.writeHead(200).end(feed([2, 1], "/atom/3"));
    routes["/atom/3"] = (request, response) => response.writeHead(200).end(feed([], "/atom/3?again"));
    const first = await pollHttp({ url: `${base}/atom`, format: "atom" }, null, null);
    expect(first.items.map((item) => item.name)).toEqual(["urn:afp:1", "urn:afp:2", "urn:afp:3", "urn:afp:4"]);
    expect(first.pages).toBe(3);
    const ninjs = JSON.parse(first.items[0].raw as string);
    expect(ninjs).toMatchObject({ headline: "Entry 1", byline: "AFP", body_html: "<p>Paragraph 1 &amp; co.</p>" });
    // Page one holds nothing new: the older pages are not fetched.
    requests = [];
    const second = await pollHttp({ url: `${base}/atom`, format: "atom" }, null, first.state);
    expect(second).toMatchObject({ items: [], pages: 1 });
    expect(requests).toHaveLength(1);
  });

  it("leaves what is beyond maxItems for the next poll", async () => {
    routes["/atom"] = (request, response) => response.writeHead(200, { etag: '"same"' }).end(feed([4, 3], "/atom/2"));
    routes["/atom/2"] = (request, response) => response.writeHead(200).end(feed([2, 1]));
    const first = await pollHttp({ url: `${base}/atom`, format: "atom" }, null, null, { maxItems: 3 });
    expect(first.items).toHaveLength(3);
    const second = await pollHttp({ url: `${base}/atom`, format: "atom" }, null, first.state, { maxItems: 3 });
    expect(second.items.map((item) => item.name)).toEqual(["urn:afp:1"]);
  });
});

describe("pollHttp: NINJS and NewsML-G2", () => {
  it("reads an AP-like document with next_page, and gives a new version of an item", async () => {
    let version = 1;
    routes["/ninjs"] = (request, response) =>
      response.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({ data: { items: [{ item: { uri: "ap:1", version, headline: `One v${version}`, body_text: "Text." } }], next_page: `${base}/ninjs/2` } }),
      );
    routes["/ninjs/2"] = (request, response) => response.writeHead(200).end(JSON.stringify({ items: [{ uri: "ap:2", version: 1, headline: "Two" }] }));
    const first = await pollHttp({ url: `${base}/ninjs`, format: "ninjs" }, null, null);
    expect(first.items.map((item) => JSON.parse(item.raw as string).headline)).toEqual(["One v1", "Two"]);
    expect(parsedHeadline(first.items[0].raw)).toBe("One v1");
    version = 2;
    const second = await pollHttp({ url: `${base}/ninjs`, format: "ninjs" }, null, first.state);
    expect(second.items.map((item) => JSON.parse(item.raw as string).headline)).toEqual(["One v2"]);
  });

  it("hands over a NewsML-G2 document whole, and not again while its bytes are the same", async () => {
    let body = `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x:1" version="1"/>`;
    routes["/g2/latest.xml"] = (request, response) => response.writeHead(200, { "content-type": "application/xml" }).end(body);
    const first = await pollHttp({ url: `${base}/g2/latest.xml`, format: "newsml" }, null, null);
    expect(first.items.map((item) => [item.name, Buffer.from(item.raw).toString()])).toEqual([["latest.xml", body]]);
    expect((await pollHttp({ url: `${base}/g2/latest.xml`, format: "newsml" }, null, first.state)).items).toEqual([]);
    body = body.replace('version="1"', 'version="2"');
    expect((await pollHttp({ url: `${base}/g2/latest.xml`, format: "newsml" }, null, first.state)).items).toHaveLength(1);
  });
});

describe("pollHttp: credentials and failures", () => {
  const login = { username: "ani", password: "Tr0ub4dor&3" };
  const basic = `Basic ${Buffer.from("ani:Tr0ub4dor&3").toString("base64")}`;

  it("sends Basic or Bearer credentials, and a refusal names neither", async () => {
    routes["/private"] = (request, response) => {
      const ok = request.headers.authorization === basic || request.headers.authorization === "Bearer tok-123";
      response.writeHead(ok ? 200 : 401, { "www-authenticate": "Basic" }).end(ok ? rss([]) : "");
    };
    expect((await pollHttp({ url: `${base}/private`, format: "rss" }, login, null)).items).toEqual([]);
    expect((await pollHttp({ url: `${base}/private`, format: "rss" }, { bearerToken: "tok-123" }, null)).items).toEqual([]);
    const refused = await pollHttp({ url: `${base}/private`, format: "rss" }, { ...login, password: "wrong-Pa55" }, null).catch((error: Error) => error);
    expect(refused).toBeInstanceOf(SourceError);
    expect((refused as Error).message).toBe("The feed answered 401 Unauthorized: check the source's credentials");
    expect((refused as Error).message).not.toContain("wrong-Pa55");
  });

  it("does not send credentials to another origin a feed redirects to", async () => {
    let sawAuthorization: string | undefined;
    const spy = await listen((request, response) => {
      sawAuthorization = request.headers.authorization;
      response.writeHead(200).end(rss([]));
    });
    try {
      routes["/moved"] = (request, response) => response.writeHead(302, { location: `${spy.base}/feed` }).end();
      await pollHttp({ url: `${base}/moved`, format: "rss" }, login, null);
      expect(requests.at(-1)!.headers.authorization).toBe(basic);
      expect(sawAuthorization).toBeUndefined();
    } finally {
      spy.server.closeAllConnections();
      await new Promise((resolve) => spy.server.close(resolve));
    }
  });

  it("says a feed could not be reached, or took too long, without the password", async () => {
    const closed = await listen(() => {});
    const port = (closed.server.address() as AddressInfo).port;
    await new Promise((resolve) => closed.server.close(resolve));
    const unreachable = await pollHttp({ url: `http://127.0.0.1:${port}/feed`, format: "rss" }, login, null).catch((error: Error) => error.message);
    expect(unreachable).toBe(`Could not reach 127.0.0.1:${port}: connection refused`);

    routes["/slow"] = () => {}; // never answers
    const slow = await pollHttp({ url: `${base}/slow`, format: "rss" }, login, null, { timeoutMs: 300 }).catch((error: Error) => error.message);
    expect(slow).toBe("The feed took longer than 0.3 s");
    for (const message of [unreachable, slow]) {
      expect(message).not.toContain(login.password);
      expect(message).not.toContain(basic.slice(6));
    }
  });

  it("refuses an answer over 10 MB", async () => {
    routes["/huge"] = (request, response) => {
      response.writeHead(200, { "content-type": "application/rss+xml" });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let index = 0; index < 11; index++) response.write(chunk);
      response.end();
    };
    await expect(pollHttp({ url: `${base}/huge`, format: "rss" }, null, null)).rejects.toThrow("The feed sent more than 10 MB, the most read from one answer");
  });
});
