import http from "node:http";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { storyStalePaths, type StalePaths } from "@/lib/cache/page-paths";
import { nextDueStories, publishDueStories, type DueStory } from "@/lib/stories/publish-due";
import { cachedPage, PageCache, type CachedPage } from "@/lib/serving/page-cache";
import { listenForStalePages, type StaleListener, type StaleNotice } from "@/lib/serving/stale-listener";
import { gracefulClose } from "@/lib/serving/graceful-close";
import { securityHeaders, securityHeadersFor } from "@/lib/serving/security-headers";
import { READER_SHELL_PATH, parseReaderShell, type ReaderShell } from "@/lib/serving/reader-shell";
import { getLiveStory, type Queryable } from "@/lib/reader/get-live-story";
import { articleBody, articleHead, readerTitle } from "@/lib/reader/article-html";
import { latestStoriesPage, tagStoriesPage, type ReaderPage, type ReaderPageLookup } from "@/lib/reader/list-pages";
import { searchReaderPage } from "@/lib/reader/search-page";
import { storyPath } from "@/lib/site/urls";

// The front of every app instance: a small HTTP server before `next start` that
//  - makes article pages and story lists itself, as plain HTML in the layout Next rendered once
//    (lib/reader/article-html.ts, list-html.ts): no React render for the pages readers reach most;
//  - serves reader pages and feeds from memory (rendered once by Next, kept until a change makes
//    them stale: Postgres NOTIFY tells every instance, lib/cache/revalidate-story.ts), with ETag
//    and Last-Modified and 304s for conditional requests;
//  - publishes scheduled stories on time: on the first request after one comes due (so no
//    background job is needed for readers to see it) and on an interval;
//  - gives the status codes a Next page cannot: 410 for a killed story, 301 for a former slug;
//  - adds the security headers to every response.
// Everything else (the newsroom, the API, sign-in) passes through untouched.

export type FrontOptions = {
  port: number;
  host?: string;
  /** Where `next start` listens (loopback). */
  upstreamPort: number;
  databaseUrl: string;
  /** Take the client's address from X-Forwarded-For (set when a trusted proxy is in front). */
  trustProxy: boolean;
  cacheBytes?: number;
  /** How often to publish due stories in the background; 0 leaves it to requests alone. */
  schedulerIntervalMs?: number;
  log?: (line: string) => void;
};

export type FrontServer = { cache: PageCache; close: () => Promise<void> };

// What Next renders for readers (feeds, sitemaps, build assets): the same for every visitor, so
// cached whole. Anything with a query string is not (it would let anyone fill the cache with
// /feed.xml?1, ?2 …), nor are React's navigation requests. Pages the front makes are matched first.
const READER_PATH = /^\/(?:tags\/[^/]+\/feed|feed\.|feed\/archive\/|sitemap|news-sitemap\.xml$|_next\/static\/)/;
const STORY_PATH = /^\/stories\/([^/]+)$/;
const LATEST_PAGE_PATH = /^\/page\/([^/]+)$/;
const TAG_PATH = /^\/tags\/([^/]+)(?:\/page\/([^/]+))?$/;
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer", "content-length"]);
// Headers of Next's response that a cached copy keeps; the front sets the validators and caching.
const KEPT_HEADERS = ["content-type", "vary", "link", "x-robots-tag", "location", "content-language"];
const GONE_PAGE = "/gone";
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|javascript|rss\+xml|atom\+xml|feed\+json))/i;
const gzipEtag = (etag: string) => `${etag.slice(0, -1)}-gzip"`;
const acceptsGzip = (request: http.IncomingMessage) => /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));

// Only paths in their one canonical spelling are cached: "/stories/%6Billed" or "/a/../stories/x"
// reach the same page as another key, which a change would never expire.
const CANONICAL_PATH = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?$/;
// A render that takes longer than this is abandoned (the reader gets 502), so no path stays stuck.
const UPSTREAM_TIMEOUT_MS = 30_000;

/** The layout's own address, however it is spelled (%2D …): only the front fetches it. */
function isShellPath(path: string): boolean {
  try {
    return decodeURIComponent(path).replace(/\/+$/, "") === READER_SHELL_PATH;
  } catch {
    return false;
  }
}

function isReaderRequest(request: http.IncomingMessage, path: string, search: string): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (search || !READER_PATH.test(path) || !CANONICAL_PATH.test(path)) return false;
  return !isNavigation(request);
}

const isNavigation = (request: http.IncomingMessage) => !!(request.headers.rsc || request.headers["next-router-prefetch"] || request.headers["next-router-state-tree"]);

// Search results are the same for everyone until something is published: kept by their whole
// address (up to this long; longer ones are made each time), in a budget of their own, so a
// flood of distinct queries cannot push articles out of the cache.
const SEARCH_PATH = "/search";
const MAX_SEARCH_QUERY = 300;


type Upstream = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

export async function startFrontServer(options: FrontOptions): Promise<FrontServer> {
  const log = options.log ?? (() => {});
  const cacheBytes = options.cacheBytes ?? 64 * 1024 * 1024;
  const cache = new PageCache(cacheBytes);
  const searchCache = new PageCache(Math.max(1024 * 1024, cacheBytes / 8));
  // Both caches are expired together, so their generations move in step (renders read `cache`'s).
  const expire = (stale: StaleNotice | StalePaths) => {
    cache.expire(stale);
    searchCache.expire(stale);
  };
  // Idle connections to Next are dropped after a minute, well before Next drops them (scripts/serve-site.ts).
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128, timeout: 60_000 });
  // Article queries, run without Prisma (lib/reader/get-live-story.ts). The statement is prepared
  // once per connection, so Postgres plans it once, not per article (planning cost more than running it).
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 8 });
  pool.on("error", (error) => log(`database connection lost: ${error.message}`));
  const articles: Queryable = { query: (text, values) => pool.query({ name: "dateline_article", text, values }) };

  // --- what went stale, heard from every process on the database ---------------------------
  let refreshDue: () => void = () => {};
  const listener: StaleListener = await listenForStalePages({
    databaseUrl: options.databaseUrl,
    log,
    onStale: (notice: StaleNotice) => {
      expire(notice);
      refreshDue();
    },
  });

  // --- scheduled stories: the next instants at which lists change ---------------------------
  let upcoming: { at: Date; story: DueStory }[] = [];
  let nextDueAt = Number.POSITIVE_INFINITY;
  let refreshTimer: NodeJS.Timeout | null = null;
  let dueRun: Promise<void> | null = null;
  const loadDue = async () => {
    upcoming = await nextDueStories();
    nextDueAt = upcoming.length ? upcoming[0].at.getTime() : Number.POSITIVE_INFINITY;
  };
  // Any change may schedule a story; reload at most every 50 ms however many arrive.
  refreshDue = () => {
    refreshTimer ??= setTimeout(() => {
      refreshTimer = null;
      loadDue().catch((error: Error) => log(`could not read the schedule: ${error.message}`));
    }, 50);
  };
  await loadDue();

  /** Expires what a due story changes, here at once, then publishes it (telling the other instances). */
  const comeDue = (now: number): Promise<void> => {
    dueRun ??= (async () => {
      const due = upcoming.filter((entry) => entry.at.getTime() <= now).map((entry) => entry.story);
      if (due.length) expire(storyStalePaths({ slugs: due.map((s) => s.slug), tagSlugs: due.flatMap((s) => s.tagSlugs) }));
      // Publishing announces what it changed (to every instance, this one too); nothing due, nothing sent.
      await publishDueStories(new Date(now));
      await loadDue();
    })()
      .catch((error: Error) => {
        // The due stories' pages were expired above, and readers see a due story anyway
        // (lib/stories/live.ts); try again shortly rather than on every request.
        log(`could not publish due stories: ${error.message}`);
        nextDueAt = now + 5_000;
      })
      .finally(() => {
        dueRun = null;
      });
    return dueRun;
  };

  const schedulerTimer =
    options.schedulerIntervalMs && options.schedulerIntervalMs > 0
      ? setInterval(() => void comeDue(Date.now()), options.schedulerIntervalMs)
      : null;
  schedulerTimer?.unref();

  // --- talking to Next ----------------------------------------------------------------------
  /** Forwarded headers count only from a proxy we run: TRUST_PROXY set, and the peer on this machine. */
  const fromTrustedProxy = (request: http.IncomingMessage): boolean => {
    const peer = request.socket.remoteAddress ?? "";
    return options.trustProxy && (peer === "127.0.0.1" || peer === "::1" || peer === "::ffff:127.0.0.1");
  };

  const clientAddress = (request: http.IncomingMessage): string => {
    const forwarded = request.headers["x-forwarded-for"];
    if (forwarded && fromTrustedProxy(request)) {
      const hops = String(forwarded).split(",").map((hop) => hop.trim()).filter(Boolean);
      if (hops.length) return hops[hops.length - 1];
    }
    return request.socket.remoteAddress ?? "unknown";
  };

  const upstreamHeaders = (request: http.IncomingMessage, forCache: boolean): http.OutgoingHttpHeaders => {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (HOP_BY_HOP.has(name) || value === undefined) continue;
      // A cached render must not depend on who asked, nor come back compressed, partial or as a 304.
      if (forCache && (name === "cookie" || name.startsWith("if-") || name === "authorization" || name === "range")) continue;
      // Nor be one of Next's client-side navigations (RSC payloads, or a redirect for a bad one).
      if (forCache && (name === "rsc" || name === "next-url" || name.startsWith("next-router-"))) continue;
      // Bodies come back plain: the front reads HTML (for its script hashes) and compresses itself.
      if (name === "accept-encoding") continue;
      if ((name === "x-forwarded-host" || name === "x-forwarded-proto" || name === "x-real-ip") && !fromTrustedProxy(request)) continue;
      headers[name] = value;
    }
    headers["x-forwarded-for"] = clientAddress(request);
    headers["x-forwarded-proto"] ??= "http";
    // Next renders metadata differently for some crawlers: a page kept for everyone is rendered as for a browser.
    if (forCache) headers["user-agent"] = "Dateline page cache";
    // Only a request whose body is passed on says how long it is (else Next would wait for one).
    if (!forCache && request.headers["content-length"]) headers["content-length"] = request.headers["content-length"];
    return headers;
  };

  /**
   * A kept-alive connection Next has just closed fails the request sent on it: requests without a
   * body are sent again, once, on a new connection (as Node's documentation advises).
   */
  const retriable = (upstream: http.ClientRequest, error: NodeJS.ErrnoException, hasBody: boolean) =>
    !hasBody && upstream.reusedSocket && error.code === "ECONNRESET";

  const fetchUpstream = (request: http.IncomingMessage, path: string, method = request.method ?? "GET", body?: http.IncomingMessage, retried = false): Promise<Upstream> =>
    new Promise((resolve, reject) => {
      const upstream = http.request(
        { host: "127.0.0.1", port: options.upstreamPort, method, path, headers: upstreamHeaders(request, !body), agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
          response.on("error", reject);
        },
      );
      upstream.on("error", (error: NodeJS.ErrnoException) => {
        if (!retried && retriable(upstream, error, !!body)) resolve(fetchUpstream(request, path, method, body, true));
        else reject(error);
      });
      upstream.setTimeout(UPSTREAM_TIMEOUT_MS, () => upstream.destroy(new Error(`no answer from Next within ${UPSTREAM_TIMEOUT_MS / 1000} s`)));
      if (body) body.pipe(upstream);
      else upstream.end();
    });

  // The headers a cached page is sent with, built once per page and encoding (flat name, value
  // lists, as writeHead takes them): a cached page is sent tens of thousands of times a second.
  type WireHeaders = { etag: string; ok: (string | number)[]; notModified: (string | number)[] };
  const wireHeaders = new WeakMap<CachedPage, { plain: WireHeaders; gzip: WireHeaders | null }>();
  const headersFor = (page: CachedPage, gzip: boolean): WireHeaders => {
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
  };

  const send = (request: http.IncomingMessage, response: http.ServerResponse, page: CachedPage) => {
    const gzip = !!page.gzip && acceptsGzip(request);
    const headers = headersFor(page, gzip);
    const ifNoneMatch = request.headers["if-none-match"];
    const ifModifiedSince = request.headers["if-modified-since"];
    const notModified = ifNoneMatch
      ? ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === headers.etag)
      : !!ifModifiedSince && Date.parse(ifModifiedSince) >= Date.parse(page.lastModified);
    if (notModified && page.status === 200) {
      response.writeHead(304, headers.notModified);
      response.end();
      return;
    }
    response.writeHead(page.status, headers.ok);
    response.end(request.method === "HEAD" ? undefined : gzip ? page.gzip! : page.body);
  };

  const keptHeaders = (upstream: Upstream, path: string): Record<string, string> => {
    const headers: Record<string, string> = securityHeadersFor(String(upstream.headers["content-type"] ?? ""), upstream.body);
    for (const name of KEPT_HEADERS) {
      const value = upstream.headers[name];
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    // Fingerprinted build assets never change; everything else is checked with the validators.
    headers["cache-control"] = path.startsWith("/_next/static/") ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate";
    return headers;
  };

  /** The page a killed story's URL shows, rendered by Next like any other. */
  const gonePage = async (request: http.IncomingMessage, generation: number): Promise<CachedPage> => {
    const cached = cache.get(GONE_PAGE);
    if (cached) return cached;
    const upstream = await fetchUpstream(request, GONE_PAGE, "GET");
    const page = cachedPage(200, keptHeaders(upstream, GONE_PAGE), upstream.body);
    if (upstream.status === 200) cache.set(GONE_PAGE, page, generation);
    return page;
  };

  // Requests for a page that is being rendered wait for that render instead of starting their own:
  // a popular page expired under load costs one render, not one per waiting reader.
  const rendering = new Map<string, { generation: number; result: Promise<unknown> }>();
  const renderOnce = <T>(path: string, render: () => Promise<T>): { generation: number; result: Promise<T> } => {
    const pending = rendering.get(path) as { generation: number; result: Promise<T> } | undefined;
    // A render that started before the latest change is not joined: it may show what changed.
    if (pending && pending.generation === cache.generation) return pending;
    const started = { generation: cache.generation, result: render() };
    rendering.set(path, started);
    void started.result.catch(() => {}).finally(() => {
      if (rendering.get(path) === started) rendering.delete(path);
    });
    return started;
  };

  // --- pages made here: articles and story lists ----------------------------------------------
  let shell: Promise<ReaderShell> | null = null;
  /** The reader layout, fetched from Next once per process (a failed fetch is tried again). */
  const readerShell = (request: http.IncomingMessage): Promise<ReaderShell> => {
    shell ??= fetchUpstream(request, READER_SHELL_PATH, "GET").then((upstream) => {
      if (upstream.status !== 200) throw new Error(`the reader shell answered ${upstream.status}`);
      return parseReaderShell(upstream.body.toString("utf8"));
    });
    shell.catch(() => (shell = null));
    return shell;
  };

  type Made = ReaderPageLookup | { gone: true };

  const articleMade = async (slug: string): Promise<Made> => {
    const lookup = await getLiveStory(articles, slug);
    if (!lookup || !("story" in lookup)) return lookup && "redirectTo" in lookup ? { redirectTo: storyPath(lookup.redirectTo) } : lookup;
    const { story } = lookup;
    return { page: { title: story.headline, head: articleHead(story), main: articleBody(story) } };
  };

  /** Where a made page is kept (null: a search too long to keep), under which key, and how it is made. */
  type MadeRoute = { key: string; store: PageCache | null; make: () => Promise<Made> };

  /**
   * What the front makes itself for a GET, whatever the headers: articles, the home page, tag
   * pages and the older pages behind them (kept by path: a query string such as utm_source changes
   * nothing), and search results (kept by their whole address, in the search budget).
   */
  const madeHere = (request: http.IncomingMessage, path: string, search: string): MadeRoute | null => {
    if ((request.method !== "GET" && request.method !== "HEAD") || !CANONICAL_PATH.test(path)) return null;
    const page = (make: () => Promise<Made>): MadeRoute => ({ key: path, store: cache, make });
    const story = STORY_PATH.exec(path);
    if (story) return page(() => articleMade(story[1]));
    const older = LATEST_PAGE_PATH.exec(path);
    if (path === "/" || older) return page(async () => latestStoriesPage(older?.[1] ?? null).then((found) => (found ? { page: found } : null)));
    const tag = TAG_PATH.exec(path);
    if (tag) return page(() => tagStoriesPage(tag[1], tag[2] ?? null));
    if (path === SEARCH_PATH) {
      const store = search.length <= MAX_SEARCH_QUERY ? searchCache : null;
      return { key: `${path}${search}`, store, make: async () => ({ page: await searchReaderPage(new URLSearchParams(search)) }) };
    }
    return null;
  };

  /** A made page's response: the page, a 301, a 410 (a killed story); null when there is none (404). */
  const respond = async (request: http.IncomingMessage, made: Made, generation: number): Promise<CachedPage | null> => {
    if (!made) return null;
    const uncached = { "cache-control": "public, max-age=0, must-revalidate" };
    if ("gone" in made) {
      const gone = await gonePage(request, generation);
      return { ...gone, status: 410, headers: { ...gone.headers, ...uncached } };
    }
    if ("redirectTo" in made) {
      const location = made.redirectTo;
      return cachedPage(301, { ...securityHeaders, ...uncached, location, "content-type": "text/plain; charset=utf-8" }, Buffer.from(`Moved to ${location}\n`));
    }
    const page: ReaderPage = made.page;
    const layout = await readerShell(request);
    const body = Buffer.from(layout.render({ title: readerTitle(page.title), headFirst: page.headFirst?.markup, head: page.head.markup, main: page.main.markup }));
    const contentType = "text/html; charset=utf-8";
    // No script of any kind runs on these pages: the policy allows none inline, whatever the body holds.
    return cachedPage(200, { ...securityHeaders, "content-type": contentType, ...uncached }, body);
  };

  const serveMade = async (request: http.IncomingMessage, response: http.ServerResponse, path: string, { key, store, make }: MadeRoute) => {
    const hit = store?.get(key);
    if (hit) return send(request, response, hit);
    const render = renderOnce(key, async () => respond(request, await make(), cache.generation));
    const page = await render.result;
    // Nothing there: Next renders its not-found page.
    if (!page) return sendUpstream(request, response, await fetchUpstream(request, path, "GET"));
    // Only pages are kept: a move or a withdrawal costs one query, and is never stale.
    if (page.status === 200 && listener.listening()) store?.set(key, page, render.generation);
    send(request, response, page);
  };

  // --- other reader pages and feeds, rendered by Next --------------------------------------
  const serveReader = async (request: http.IncomingMessage, response: http.ServerResponse, path: string) => {
    const store = cache;
    const hit = store.get(path);
    if (hit) return send(request, response, hit);
    const render = renderOnce(path, () => fetchUpstream(request, path, "GET"));
    const generation = render.generation;
    const upstream = await render.result;
    const stored = store.get(path);
    if (stored) return send(request, response, stored);
    let page: CachedPage;
    if (upstream.status === 200 && !upstream.headers["set-cookie"]) {
      page = cachedPage(200, keptHeaders(upstream, path), upstream.body);
      // While changes cannot be heard, nothing is kept: it could never be expired.
      if (listener.listening()) store.set(path, page, generation);
    } else if (upstream.status === 308 || upstream.status === 301) {
      // A former tag slug: the move is permanent, and 301 is what every client and crawler knows.
      page = cachedPage(301, { ...keptHeaders(upstream, path), "cache-control": "public, max-age=0, must-revalidate" }, upstream.body);
    } else {
      return sendUpstream(request, response, upstream);
    }
    send(request, response, page);
  };

  const sendUpstream = (request: http.IncomingMessage, response: http.ServerResponse, upstream: Upstream) => {
    const headers: http.OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(upstream.headers)) {
      if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
    }
    Object.assign(headers, securityHeadersFor(String(upstream.headers["content-type"] ?? ""), upstream.body));
    let body = upstream.body;
    if (acceptsGzip(request) && body.length >= 1024 && COMPRESSIBLE.test(String(upstream.headers["content-type"] ?? ""))) {
      body = gzipSync(body, { level: 6 });
      headers["content-encoding"] = "gzip";
      headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
    }
    headers["content-length"] = body.length;
    response.writeHead(upstream.status, headers);
    response.end(request.method === "HEAD" ? undefined : body);
  };

  /** The newsroom, the API, sign-in: passed through; a change is applied to the cache before its reply. */
  const passThrough = async (request: http.IncomingMessage, response: http.ServerResponse, url: string) => {
    const mutating = request.method !== "GET" && request.method !== "HEAD" && request.method !== "OPTIONS";
    if (!mutating) {
      const forward = (retried: boolean) => {
        const upstream = http.request(
          { host: "127.0.0.1", port: options.upstreamPort, method: request.method, path: url, headers: upstreamHeaders(request, false), agent },
          (reply) => {
            // An HTML page is read whole, to name its inline scripts in its policy; the rest streams.
            if (/^text\/html/i.test(String(reply.headers["content-type"] ?? ""))) {
              const chunks: Buffer[] = [];
              reply.on("data", (chunk: Buffer) => chunks.push(chunk));
              reply.on("end", () => sendUpstream(request, response, { status: reply.statusCode ?? 502, headers: reply.headers, body: Buffer.concat(chunks) }));
              reply.on("error", () => badGateway(response));
              return;
            }
            const headers: http.OutgoingHttpHeaders = { ...securityHeaders };
            for (const [name, value] of Object.entries(reply.headers)) {
              if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
            }
            Object.assign(headers, securityHeaders);
            if (reply.headers["content-length"]) headers["content-length"] = reply.headers["content-length"];
            response.writeHead(reply.statusCode ?? 502, headers);
            reply.pipe(response);
          },
        );
        upstream.on("error", (error: NodeJS.ErrnoException) => {
          if (!retried && !response.headersSent && retriable(upstream, error, false)) forward(true);
          else badGateway(response);
        });
        upstream.end();
      };
      forward(false);
      return;
    }
    const upstream = await fetchUpstream(request, url, request.method, request);
    // Whoever changed something and reads it back through this instance sees the change.
    await listener.sync();
    sendUpstream(request, response, upstream);
  };

  const notFound = (response: http.ServerResponse) => {
    response.writeHead(404, { ...securityHeaders, "content-type": "text/plain; charset=utf-8" });
    response.end("Not found\n");
  };

  const badGateway = (response: http.ServerResponse) => {
    if (response.headersSent) return void response.destroy();
    response.writeHead(502, { ...securityHeaders, "content-type": "text/plain; charset=utf-8" });
    response.end("The site is starting or restarting; try again in a moment.\n");
  };

  const server = http.createServer((request, response) => {
    const url = request.url ?? "/";
    const queryAt = url.indexOf("?");
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    const search = queryAt === -1 ? "" : url.slice(queryAt);
    const now = Date.now();
    const handle = async () => {
      if (now >= nextDueAt) await comeDue(now);
      const made = madeHere(request, path, search);
      if (made) await serveMade(request, response, path, made);
      else if (isShellPath(path)) notFound(response);
      else if (isReaderRequest(request, path, search)) await serveReader(request, response, path);
      else await passThrough(request, response, url);
    };
    handle().catch((error: Error) => {
      log(`${request.method} ${url}: ${error.message}`);
      badGateway(response);
    });
  });
  server.keepAliveTimeout = 65_000;
  const closeServer = gracefulClose(server);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });

  return {
    cache,
    close: async () => {
      if (schedulerTimer) clearInterval(schedulerTimer);
      if (refreshTimer) clearTimeout(refreshTimer);
      // No new connections; the requests in flight finish (bounded), then the pools close.
      await closeServer();
      agent.destroy();
      await Promise.all([listener.close(), pool.end()]);
    },
  };
}
