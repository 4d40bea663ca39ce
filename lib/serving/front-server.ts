import http from "node:http";
import pg from "pg";
import { ALL_KEY, keysForPath, storyPageKeys, surrogateHeaders } from "@/lib/cache/surrogate-keys";
import type { SharedCacheTimes } from "@/lib/cache/surrogate-keys";
import { nextDueStories, publishDueStories } from "@/lib/stories/publish-due";
import { startDueSchedule } from "@/lib/serving/due-schedule";
import { cachedPage, PageCache, type CachedPage } from "@/lib/serving/page-cache";
import { listenForStalePages, type StaleListener, type StaleNotice } from "@/lib/serving/stale-listener";
import { gracefulClose } from "@/lib/serving/graceful-close";
import { watchReplicas } from "@/lib/db-replicas";
import { newNonce, nonceRequestHeader, securityHeaders, securityHeadersFor } from "@/lib/serving/security-headers";
import { FRONT_PAGES, FRONT_TOKEN_HEADER, READER_SHELL_PATH, parseReaderShell, withoutScripts, type ReaderShell } from "@/lib/serving/reader-shell";
import { BodyRefused, createUpstream, discardBody, endToEndHeaders, passThroughHeaders, readBody, requestHasBody, type UpstreamReply } from "@/lib/serving/upstream";
import { bodyLimitFor, serveMedia } from "@/lib/serving/media-files";
import { isDecodablePath, originForm, route, type Route } from "@/lib/serving/reader-routes";
import { sendPage } from "@/lib/serving/send-page";
import { rateLimitedLog } from "@/lib/serving/rate-limited-log";
import { getLiveStory, type Queryable } from "@/lib/reader/get-live-story";
import { articleBody, articleHead, readerTitle } from "@/lib/reader/article-html";
import { latestStoriesPage, tagStoriesPage, type ReaderPage, type ReaderPageLookup } from "@/lib/reader/list-pages";
import { searchReaderPage } from "@/lib/reader/search-page";
import { getPreviewStory } from "@/lib/reader/get-preview-story";
import { previewBody, previewHead } from "@/lib/reader/preview-html";
import { previewStoryId } from "@/lib/stories/preview-link";
import { storyPath } from "@/lib/site/urls";

// The front of every app instance: a small HTTP server before `next start` that
//  - makes article pages, story lists, search and 404s itself, as plain HTML in the layout Next
//    rendered once (lib/reader/article-html.ts, list-html.ts): no React render for the pages
//    readers reach most;
//  - serves reader pages and feeds from memory (rendered once, kept until a change makes them
//    stale: Postgres NOTIFY tells every instance, lib/outbox/reader-change.ts), with ETag and
//    Last-Modified and 304s for conditional requests, and goes on serving them while the
//    database cannot be reached;
//  - publishes scheduled stories on time: on the first request after one comes due (so no
//    background job is needed for readers to see it) and on an interval;
//  - gives the status codes a Next page cannot: 410 for a killed story, 301 for a former slug;
//  - adds the security headers to every response.
// Everything else (the newsroom, the API, sign-in) is passed to Next (lib/serving/upstream.ts).

export type FrontOptions = {
  port: number;
  host?: string;
  /** Where `next start` listens (loopback). */
  upstreamPort: number;
  databaseUrl: string;
  /** Streaming replicas that articles are read from (DATABASE_REPLICA_URL); none: the primary. */
  replicaUrls?: string[];
  /** Take the client's address from X-Forwarded-For (set when a trusted proxy is in front). */
  trustProxy: boolean;
  /** Shared with Next: only requests carrying it get the layout and the front's whole pages. */
  frontToken: string;
  /** The secret preview links are signed with (AUTH_SECRET, lib/stories/preview-link.ts); none: no previews. */
  previewSecret?: string;
  cacheBytes?: number;
  /** What reader responses tell the shared caches before the site (Varnish, a CDN) about keeping them. */
  sharedCache?: { times?: SharedCacheTimes; cloudflare?: boolean };
  /** How often to publish due stories in the background; 0 leaves it to requests alone. */
  schedulerIntervalMs?: number;
  log?: (line: string) => void;
};

export type FrontServer = { cache: PageCache; close: () => Promise<void> };

// Headers of Next's response that a cached copy keeps; the front sets the validators and caching.
const KEPT_HEADERS = ["content-type", "vary", "link", "x-robots-tag", "location", "content-language"];
const REVALIDATE = "public, max-age=0, must-revalidate";
// How long a client is asked to wait when a page cannot be made (the database is away).
const RETRY_AFTER_SECONDS = 5;

// Search results are the same for everyone until something is published: kept by their whole
// address (up to this long; longer ones are made each time), in a budget of their own, so a
// flood of distinct queries cannot push articles out of the cache.
const MAX_SEARCH_QUERY = 300;

/** The methods anything on this site answers; TRACE, CONNECT, WebDAV's and the rest are refused (405). */
const PASSED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** The host[:port] of an Origin header, or "" for "null" or garbage. */
function originHost(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return "";
  }
}

/** What a made page reports of its content: the newest change it shows, for Last-Modified. */
const modifiedAt = (page: ReaderPage) => (page.modifiedAt ? new Date(page.modifiedAt) : null);

export async function startFrontServer(options: FrontOptions): Promise<FrontServer> {
  const log = options.log ?? (() => {});
  // An outage makes every request fail alike: one line per kind of failure every 10 s.
  const logFailure = rateLimitedLog(log);
  const cacheBytes = options.cacheBytes ?? 64 * 1024 * 1024;
  const cache = new PageCache(cacheBytes);
  const searchCache = new PageCache(Math.max(1024 * 1024, cacheBytes / 8));
  // 404s are kept like pages, in a budget of their own: asking for a million unknown slugs costs
  // a million cheap lookups, and pushes no article out.
  const missCache = new PageCache(Math.max(1024 * 1024, cacheBytes / 16));
  const caches = [cache, searchCache, missCache];
  // The caches are expired together, so their generations move in step (renders read `cache`'s).
  // A change that reaches every page (ALL_KEY) marks them all stale rather than dropping them:
  // each is made again on its next request, and sent as it was if that fails (the database away).
  const expire = (stale: StaleNotice) => {
    const notice = stale !== "all" && stale.includes(ALL_KEY) ? "all" : stale;
    for (const each of caches) each.expire(notice);
  };
  const upstream = createUpstream(options.upstreamPort);
  // Article queries, run without Prisma (lib/reader/get-live-story.ts). The statement is prepared
  // once per connection, so Postgres plans it once, not per article (planning cost more than running it).
  const replicaUrls = options.replicaUrls ?? [];
  const pools = (replicaUrls.length ? replicaUrls : [options.databaseUrl]).map((connectionString) => new pg.Pool({ connectionString, max: 8 }));
  for (const pool of pools) pool.on("error", (error) => logFailure("database", `database connection lost: ${error.message}`));
  const articles: Queryable = { query: (text, values) => pools[Math.floor(Math.random() * pools.length)].query({ name: "dateline_article", text, values }) };
  // With replicas, a change is applied twice: at once (nothing stale is served from here), and again
  // once every replica has replayed it. Until then nothing is kept (pages are made for each request):
  // a page made from a replica still behind would be kept, and Varnish, purged once the replicas
  // have the change, would fill again from it.
  const replicas = replicaUrls.length ? watchReplicas({ primaryUrl: options.databaseUrl, replicaUrls }) : null;
  const replaying = new Set<Promise<void>>();
  const afterReplay = (notice: StaleNotice) => {
    if (!replicas) return;
    const done = (async () => {
      const position = await replicas.primaryPosition().catch(() => null);
      // However long it takes: a replica far behind, or gone, keeps this front from caching, never
      // from serving; once it is back and caught up, caching resumes.
      for (let tries = 0; position !== null; tries++) {
        try {
          await replicas.caughtUp(position, 10_000);
          break;
        } catch (error) {
          if (tries === 0) logFailure("replica", `${(error as Error).message}; pages are made for each request until it catches up`);
        }
      }
      expire(notice);
    })().finally(() => replaying.delete(done));
    replaying.add(done);
  };

  // --- what went stale, heard from every process on the database ---------------------------
  let refreshDue: () => void = () => {};
  const listener: StaleListener = await listenForStalePages({
    databaseUrl: options.databaseUrl,
    log: (line) => logFailure("listener", line),
    onStale: (notice: StaleNotice) => {
      expire(notice);
      afterReplay(notice);
      refreshDue();
    },
  });

  // --- scheduled stories: the next instants at which lists change ---------------------------
  const schedule = await startDueSchedule({
    load: () => nextDueStories(),
    publish: (now) => publishDueStories(now),
    expire,
    log: (line) => logFailure("schedule", line),
    intervalMs: options.schedulerIntervalMs,
  });
  refreshDue = schedule.refresh;

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

  /** Who asked and how, as the front tells Next: the client's own claims count only from a proxy we run. */
  const forwardedHeaders = (request: http.IncomingMessage): Record<string, string> => {
    const trusted = fromTrustedProxy(request);
    const claimed = (name: string) => {
      const value = request.headers[name];
      return trusted && typeof value === "string" ? value : undefined;
    };
    const host = claimed("x-forwarded-host");
    return { "x-forwarded-for": clientAddress(request), "x-forwarded-proto": claimed("x-forwarded-proto") ?? "http", ...(host ? { "x-forwarded-host": host } : {}) };
  };

  // A render kept for everyone is made from these headers alone: nothing of the request that
  // happened to ask first (cookies, validators, encodings, navigation headers, forged addresses)
  // can shape what everyone else is served. Next renders metadata differently for some crawlers:
  // a page kept for everyone is rendered as for a browser.
  const renderHeaders: Record<string, string> = { "user-agent": "Dateline page cache", accept: "*/*", "x-forwarded-proto": "http" };
  const render = (path: string) => upstream.render(path, renderHeaders);

  /** The headers naming a response's surrogate keys and its time in the shared caches. */
  const sharedHeaders = (keys: readonly string[]) => surrogateHeaders(keys, options.sharedCache);

  /** A page the front keeps for many addresses (its 404 and 410), as the answer at one, carrying that address's keys. */
  const withKeys = (page: CachedPage, keys: readonly string[]): CachedPage => ({ ...page, keys, headers: { ...page.headers, ...sharedHeaders(keys) } });

  const keptHeaders = (reply: UpstreamReply, path: string): Record<string, string> => {
    const headers: Record<string, string> = { ...securityHeaders, ...sharedHeaders(keysForPath(path)) };
    for (const name of KEPT_HEADERS) {
      const value = reply.headers[name];
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    // Fingerprinted build assets never change; everything else is checked with the validators.
    headers["cache-control"] = path.startsWith("/_next/static/") ? "public, max-age=31536000, immutable" : REVALIDATE;
    return headers;
  };

  /** When Next says the content last changed (a feed's newest item), for Last-Modified. */
  const replyModifiedAt = (reply: UpstreamReply) => {
    const value = reply.headers["last-modified"];
    return typeof value === "string" ? new Date(value) : null;
  };

  // Requests for a page that is being rendered wait for that render instead of starting their own:
  // a popular page expired under load costs one render, not one per waiting reader.
  const rendering = new Map<string, { generation: number; result: Promise<unknown> }>();
  const renderOnce = <T>(key: string, make: () => Promise<T>): { generation: number; result: Promise<T> } => {
    const pending = rendering.get(key) as { generation: number; result: Promise<T> } | undefined;
    // A render that started before the latest change is not joined: it may show what changed.
    if (pending && pending.generation === cache.generation) return pending;
    const started = { generation: cache.generation, result: make() };
    rendering.set(key, started);
    void started.result.catch(() => {}).finally(() => {
      if (rendering.get(key) === started) rendering.delete(key);
    });
    return started;
  };

  // --- the layout, and the whole pages the front keeps ready -------------------------------
  /** A page only the front may fetch (lib/serving/reader-shell.ts), loaded once per process; a failed load is tried again. */
  const frontPage = <T>(path: string, make: (html: string) => T) => {
    let loaded: Promise<T> | null = null;
    return (): Promise<T> => {
      loaded ??= upstream.render(path, { ...renderHeaders, [FRONT_TOKEN_HEADER]: options.frontToken }).then((reply) => {
        if (reply.status !== 200) throw new Error(`${path} answered ${reply.status}`);
        return make(reply.body.toString("utf8"));
      });
      loaded.catch(() => (loaded = null));
      return loaded;
    };
  };
  const plainPage = (status: number, headers: Record<string, string> = {}) => (markup: string) =>
    cachedPage(status, { ...securityHeaders, "content-type": "text/html; charset=utf-8", "cache-control": REVALIDATE, ...headers }, Buffer.from(withoutScripts(markup)));
  const readerShell = frontPage<ReaderShell>(READER_SHELL_PATH, parseReaderShell);
  const gonePage = frontPage(FRONT_PAGES.gone, plainPage(410));
  const notFoundPage = frontPage(FRONT_PAGES.notFound, plainPage(404));
  const unavailablePage = frontPage(FRONT_PAGES.unavailable, plainPage(503, { "cache-control": "no-store", "retry-after": String(RETRY_AFTER_SECONDS) }));
  // Loaded now, while Next is surely up: they are what readers see when something is not.
  await Promise.allSettled([readerShell(), gonePage(), notFoundPage(), unavailablePage()]);

  /** 503 with Retry-After: the site's page for one made here, plain text for a feed or an asset. */
  const unavailable = async (request: http.IncomingMessage, response: http.ServerResponse, asPage: boolean) => {
    const page = asPage ? await unavailablePage().catch(() => null) : null;
    if (page) return sendPage(request, response, page);
    response.writeHead(503, { ...securityHeaders, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "retry-after": String(RETRY_AFTER_SECONDS) });
    response.end(request.method === "HEAD" ? undefined : "This page cannot be made just now. Please try again in a few seconds.\n");
  };

  // --- pages made here: articles, story lists, search ---------------------------------------
  type Made = ReaderPageLookup | { gone: true };

  const articleMade = async (slug: string): Promise<Made> => {
    const lookup = await getLiveStory(articles, slug);
    if (!lookup || !("story" in lookup)) return lookup && "redirectTo" in lookup ? { redirectTo: storyPath(lookup.redirectTo) } : lookup;
    const { story } = lookup;
    const keys = storyPageKeys(storyPath(slug), story.tags.map((tag) => tag.slug));
    return { page: { title: story.headline, head: articleHead(story), main: articleBody(story), modifiedAt: story.updatedAt, keys } };
  };

  /** A story as its preview link shows it; a link that is not genuine, or has expired, finds nothing (404). */
  const previewMade = async (token: string): Promise<Made> => {
    const id = options.previewSecret ? previewStoryId(options.previewSecret, token) : null;
    const story = id ? await getPreviewStory(id) : null;
    if (!story) return null;
    const expires = new Date(Number(token.split(".")[1]));
    return {
      page: {
        title: `Preview: ${story.headline}`,
        head: previewHead(),
        main: previewBody(story, expires),
        // Never indexed, kept or passed on: the link in the address is the key to unpublished copy.
        headers: { "x-robots-tag": "noindex, nofollow", "cache-control": "private, no-store", "referrer-policy": "no-referrer" },
      },
    };
  };

  /**
   * Where a made page is kept (null: a search too long to keep), under which key, and how it is
   * made; `keys`: its surrogate keys, null for what no cache before the site may keep (a preview).
   */
  type MadeRoute = { key: string; store: PageCache | null; make: () => Promise<Made>; keys: string[] | null };

  /** What the front makes itself for a route, where it is kept, and under which keys; null for what it does not make. */
  const madeHere = (to: Route, path: string, search: string): MadeRoute | null => {
    const page = (make: () => Promise<Made>): MadeRoute => ({ key: path, store: cache, make, keys: keysForPath(path) });
    switch (to.kind) {
      case "article":
        return page(() => articleMade(to.slug));
      // Made for each request and never kept: it shows unpublished copy, changing as it is edited.
      case "preview":
        return { key: path, store: null, make: () => previewMade(to.token), keys: null };
      case "latest":
        return page(async () => latestStoriesPage(to.cursor).then((found) => (found ? { page: found } : null)));
      case "tag":
        return page(() => tagStoriesPage(to.slug, to.cursor));
      case "search": {
        const store = search.length <= MAX_SEARCH_QUERY ? searchCache : null;
        return { key: `${path}${search}`, store, make: async () => ({ page: await searchReaderPage(new URLSearchParams(search)) }), keys: keysForPath(path) };
      }
      default:
        return null;
    }
  };

  /** A made page's response: the page, a 301, a 410 (a killed story) or a 404, with `keys` (none: kept by no shared cache). */
  const respond = async (made: Made, keys: string[] | null): Promise<CachedPage> => {
    const shared = keys ? sharedHeaders(keys) : {};
    if (!made) return keys ? withKeys(await notFoundPage(), keys) : notFoundPage();
    if ("gone" in made) return keys ? withKeys(await gonePage(), keys) : gonePage();
    if ("redirectTo" in made) {
      const location = made.redirectTo;
      const headers = { ...securityHeaders, "cache-control": REVALIDATE, location, "content-type": "text/plain; charset=utf-8", ...shared };
      return cachedPage(301, headers, Buffer.from(`Moved to ${location}\n`), { keys: keys ?? [] });
    }
    const page: ReaderPage = made.page;
    const layout = await readerShell();
    const body = Buffer.from(layout.render({ title: readerTitle(page.title), headFirst: page.headFirst?.markup, head: page.head.markup, main: page.main.markup }));
    // No script of any kind runs on these pages: the policy allows none inline, whatever the body holds.
    const pageKeys = keys ? (page.keys ?? keys) : [];
    const headers = { ...securityHeaders, "content-type": "text/html; charset=utf-8", "cache-control": REVALIDATE, ...(keys ? sharedHeaders(pageKeys) : {}), ...page.headers };
    return cachedPage(200, headers, body, { modifiedAt: modifiedAt(page), keys: pageKeys });
  };

  /** Keeps what was just made: a page in its store, a 404 among the misses (each out of the other). */
  const keep = (store: PageCache | null, key: string, page: CachedPage, generation: number) => {
    // While changes cannot be heard, nothing new is kept: it could never be expired.
    if (!store || !listener.listening() || replaying.size > 0) return;
    if (page.status === 200) {
      missCache.delete(key);
      store.set(key, page, generation);
    } else if (page.status === 404) {
      store.delete(key);
      missCache.set(key, page, generation);
    }
  };

  /** A kept page or miss for this key, with whether it may be sent as it is. */
  const kept = (store: PageCache | null, key: string) => (store ? (store.lookup(key) ?? missCache.lookup(key)) : undefined);

  /**
   * Sends what is kept while it is fresh, or while changes cannot be heard (the database is away,
   * so nothing newer can be made). Otherwise makes it anew; when that fails, what is kept is sent
   * all the same, and only a page never kept gets 503.
   */
  const serveMade = async (request: http.IncomingMessage, response: http.ServerResponse, { key, store, make, keys }: MadeRoute) => {
    const found = kept(store, key);
    if (found && (found.fresh || !listener.listening())) return sendPage(request, response, found.page);
    const made = renderOnce(key, async () => respond(await make(), keys));
    let page: CachedPage;
    try {
      page = await made.result;
    } catch (error) {
      logFailure("render", `could not make ${key}: ${(error as Error).message}`);
      return found ? sendPage(request, response, found.page) : unavailable(request, response, true);
    }
    keep(store, key, page, made.generation);
    sendPage(request, response, page);
  };

  // --- other reader responses, rendered by Next ----------------------------------------------
  const serveReader = async (request: http.IncomingMessage, response: http.ServerResponse, path: string) => {
    const found = kept(cache, path);
    if (found && (found.fresh || !listener.listening())) return sendPage(request, response, found.page);
    const rendered = renderOnce(path, () => render(path));
    let reply: UpstreamReply;
    try {
      reply = await rendered.result;
      if (reply.status >= 500) throw new Error(`Next answered ${reply.status}`);
    } catch (error) {
      logFailure("render", `could not render ${path}: ${(error as Error).message}`);
      return found ? sendPage(request, response, found.page) : unavailable(request, response, false);
    }
    if (reply.headers["set-cookie"]) return sendReply(request, response, reply);
    let page: CachedPage;
    if (reply.status === 200 || reply.status === 404) {
      page = cachedPage(reply.status, keptHeaders(reply, path), reply.body, { modifiedAt: replyModifiedAt(reply), keys: keysForPath(path) });
      keep(cache, path, page, rendered.generation);
    } else if (reply.status === 308 || reply.status === 301) {
      // A former tag slug: the move is permanent, and 301 is what every client and crawler knows.
      page = cachedPage(301, keptHeaders(reply, path), reply.body, { keys: keysForPath(path) });
    } else {
      return sendReply(request, response, reply);
    }
    sendPage(request, response, page);
  };

  /** A reply read whole, sent as Next gave it (with the front's headers). */
  const sendReply = (request: http.IncomingMessage, response: http.ServerResponse, reply: UpstreamReply, nonce?: string) => {
    const headers = { ...endToEndHeaders(reply.headers), ...(nonce ? securityHeadersFor(String(reply.headers["content-type"] ?? ""), nonce) : securityHeaders) };
    response.writeHead(reply.status, { ...headers, "content-length": reply.body.length });
    response.end(request.method === "HEAD" ? undefined : reply.body);
  };

  /** The host the client asked for, as the front tells Next (a trusted proxy's X-Forwarded-Host, else Host). */
  const requestedHost = (request: http.IncomingMessage) => forwardedHeaders(request)["x-forwarded-host"] ?? request.headers.host ?? "";

  /** The newsroom, the API, sign-in: passed through; a change is applied to the cache before its reply. */
  const passThrough = async (request: http.IncomingMessage, response: http.ServerResponse, target: string) => {
    const method = request.method ?? "GET";
    if (!PASSED_METHODS.has(method)) return methodNotAllowed(response);
    const action = !!request.headers["next-action"];
    // A server action (a newsroom form) posted from another site is refused here, as Next would
    // refuse it, but with 403 rather than Next's 500.
    if (action && request.headers.origin && originHost(request.headers.origin) !== requestedHost(request)) {
      return refuse(response, 403, "Cross-site form submission refused");
    }
    // The body is read whole before Next is asked (GET's and HEAD's are dropped, never passed on).
    let body: Buffer | null = null;
    if (method !== "GET" && method !== "HEAD" && requestHasBody(request)) {
      try {
        body = await readBody(request, bodyLimitFor(target.split("?")[0]));
      } catch (error) {
        if (error instanceof BodyRefused) {
          if (error.status === 413) return refuseTooLarge(request, response, error.message, 2 * bodyLimitFor(target.split("?")[0]));
          return refuse(response, error.status, error.message);
        }
        return void response.destroy();
      }
    }
    // Each response rendered for one request gets a nonce of its own for Next's inline scripts.
    const nonce = newNonce();
    const headers = passThroughHeaders(request, { ...forwardedHeaders(request), ...nonceRequestHeader(nonce) });
    const mutating = method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
    if (!mutating) {
      const passed = await upstream.stream(request, response, target, headers, body, (status, replyHeaders) => {
        const contentType = String(replyHeaders["content-type"] ?? "");
        // Next's page for an address no route has is prerendered, its scripts without this nonce:
        // the front's own 404 page (the same message in the same frame, no script) answers instead.
        if (status === 404 && /^text\/html/i.test(contentType) && !replyHeaders["set-cookie"]) return null;
        return { ...replyHeaders, ...securityHeadersFor(contentType, nonce) };
      });
      if (!passed) sendPage(request, response, await notFoundPage());
      return;
    }
    const reply = await upstream.fetch(request, target, headers, body);
    // Next answers 500 for a server action whose payload it cannot decode (made by hand, not by
    // the form): the request's fault, not the server's. A fault in an action's own code is logged by Next.
    if (action && reply.status === 500) return refuse(response, 400, "The form could not be read; reload the page and try again");
    // Whoever changed something and reads it back through this instance sees the change (once the
    // replicas have it, if pages are read from replicas: for at most 2 s).
    await listener.sync();
    if (replaying.size) await Promise.race([Promise.all(replaying), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    sendReply(request, response, reply, nonce);
  };

  /** A refusal the front makes itself: JSON in the API's error shape for /api/, plain text elsewhere. */
  const refuse = (response: http.ServerResponse, status: number, message: string, extra: Record<string, string> = {}) => {
    const api = (response.req.url ?? "").startsWith("/api/");
    const code = { 400: "bad_request", 403: "forbidden", 405: "method_not_allowed", 413: "too_large", 503: "unavailable" }[status] ?? "bad_request";
    response.writeHead(status, {
      ...securityHeaders,
      "content-type": api ? "application/json" : "text/plain; charset=utf-8",
      ...(status === 503 ? { "retry-after": "2" } : {}),
      ...extra,
      // What is left of the request's body is not read: the connection ends with this answer.
      connection: "close",
    });
    response.end(api ? JSON.stringify({ error: { code, message } }) : `${message}\n`);
  };

  /**
   * 413 at once (a client that waits before sending its body hears it straight away), while what
   * it still sends is read and dropped, up to `drainBytes`: a browser uploading a picture over the
   * limit then reads the answer rather than a broken connection. Past that, the connection ends.
   */
  const refuseTooLarge = (request: http.IncomingMessage, response: http.ServerResponse, message: string, drainBytes: number) => {
    const api = (request.url ?? "").startsWith("/api/");
    response.writeHead(413, { ...securityHeaders, "content-type": api ? "application/json" : "text/plain; charset=utf-8" });
    response.end(api ? JSON.stringify({ error: { code: "too_large", message } }) : `${message}\n`);
    void discardBody(request, drainBytes).then(() => {
      if (!request.complete) request.socket.destroy();
    });
  };

  const methodNotAllowed = (response: http.ServerResponse) =>
    refuse(response, 405, `The method is not allowed here`, { allow: [...PASSED_METHODS].join(", ") });

  const badRequest = (response: http.ServerResponse, why: string) => {
    response.writeHead(400, { ...securityHeaders, "content-type": "text/plain; charset=utf-8", connection: "close" });
    response.end(`Bad request: ${why}\n`);
  };

  const server = http.createServer((request, response) => {
    const target = originForm(request.url ?? "/");
    if (target === null) return badRequest(response, "the request target is not a path.");
    const queryAt = target.indexOf("?");
    const path = queryAt === -1 ? target : target.slice(0, queryAt);
    const search = queryAt === -1 ? "" : target.slice(queryAt);
    const now = Date.now();
    const handle = async () => {
      // Next's router answers 500 for a path it cannot percent-decode (%ff, %C0%AF, a lone %),
      // before any handler runs: such an address names nothing, and is refused here.
      if (!isDecodablePath(path)) return badRequest(response, "the address is not valid percent-encoded UTF-8.");
      if (schedule.isDue(now)) await schedule.comeDue(now);
      const to = route(request, path, search);
      if (to.kind === "media") return serveMedia(request, response, to.file);
      const made = madeHere(to, path, search);
      if (made) await serveMade(request, response, made);
      else if (to.kind === "rendered") await serveReader(request, response, path);
      else await passThrough(request, response, target);
    };
    handle().catch((error: NodeJS.ErrnoException) => {
      // A target or header undici will not send (it checks what Node's parser let through) is the client's mistake.
      if (error.code === "UND_ERR_INVALID_ARG" && !response.headersSent) return badRequest(response, "the request cannot be passed on as sent.");
      // The client went away mid-answer (a closed tab, a load tool stopping): nothing went wrong here.
      if (response.destroyed && !response.writableFinished) return;
      logFailure(error.code ?? "request", `${request.method} ${path}: ${error.message}`);
      if (response.headersSent) return void response.destroy();
      // Next could not be reached (starting, restarting) or broke off: ask the client to come back.
      void unavailable(request, response, false);
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
      schedule.close();
      // No new connections; the requests in flight finish (bounded), then the pools close.
      await closeServer();
      await Promise.all([listener.close(), ...pools.map((pool) => pool.end()), upstream.close(), replicas?.close()]);
    },
  };
}
