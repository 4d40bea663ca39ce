import http from "node:http";
import pg from "pg";
import { keysForPath, storyChangeKeys, storyPageKeys, surrogateHeaders } from "@/lib/cache/surrogate-keys";
import type { SharedCacheTimes } from "@/lib/cache/surrogate-keys";
import { nextDueStories, publishDueStories, type DueStory } from "@/lib/stories/publish-due";
import { cachedPage, PageCache, type CachedPage } from "@/lib/serving/page-cache";
import { listenForStalePages, type StaleListener, type StaleNotice } from "@/lib/serving/stale-listener";
import { gracefulClose } from "@/lib/serving/graceful-close";
import { newNonce, nonceRequestHeader, securityHeaders, securityHeadersFor } from "@/lib/serving/security-headers";
import { FRONT_PAGES, FRONT_TOKEN_HEADER, READER_SHELL_PATH, parseReaderShell, withoutScripts, type ReaderShell } from "@/lib/serving/reader-shell";
import { BodyRefused, createUpstream, discardBody, endToEndHeaders, passThroughHeaders, readBody, requestHasBody, type UpstreamReply } from "@/lib/serving/upstream";
import { bodyLimitFor, MEDIA_PATH, serveMedia } from "@/lib/serving/media-files";
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

// What Next renders for readers (feeds, sitemaps, robots.txt, the icon, build assets): the same
// for every visitor, so cached whole. Anything with a query string is not (it would let anyone
// fill the cache with /feed.xml?1, ?2 …), nor are React's navigation requests. Pages the front
// makes are matched first.
const READER_PATH = /^\/(?:tags\/[^/]+\/feed|feed\.|feed\/archive\/|sitemap|news-sitemap\.xml$|robots\.txt$|favicon\.ico$|_next\/static\/)/;
const STORY_PATH = /^\/stories\/([^/]+)$/;
const PREVIEW_PATH = /^\/preview\/([^/]+)$/;
const LATEST_PAGE_PATH = /^\/page\/([^/]+)$/;
const TAG_PATH = /^\/tags\/([^/]+)(?:\/page\/([^/]+))?$/;
// Headers of Next's response that a cached copy keeps; the front sets the validators and caching.
const KEPT_HEADERS = ["content-type", "vary", "link", "x-robots-tag", "location", "content-language"];
const REVALIDATE = "public, max-age=0, must-revalidate";
// How long a client is asked to wait when a page cannot be made (the database is away).
const RETRY_AFTER_SECONDS = 5;

// Only paths in their one canonical spelling are cached: "/stories/%6Billed" or "/a/../stories/x"
// reach the same page as another key, which a change would never expire.
const CANONICAL_PATH = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?$/;

const isNavigation = (request: http.IncomingMessage) => !!(request.headers.rsc || request.headers["next-router-prefetch"] || request.headers["next-router-state-tree"]);

/** Whether a path is well-formed percent-encoded UTF-8 (every address a page or route can have). */
function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function isReaderRequest(request: http.IncomingMessage, path: string, search: string): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (search || !READER_PATH.test(path) || !CANONICAL_PATH.test(path)) return false;
  return !isNavigation(request);
}

// Search results are the same for everyone until something is published: kept by their whole
// address (up to this long; longer ones are made each time), in a budget of their own, so a
// flood of distinct queries cannot push articles out of the cache.
const SEARCH_PATH = "/search";
const MAX_SEARCH_QUERY = 300;

/** The request target in origin form (path and query), or null for one that is not a path. */
function originForm(target: string): string | null {
  if (target.startsWith("/")) return target;
  // RFC 9112 §3.2.2: a server accepts the absolute form too; the host is ours whatever it says.
  if (/^https?:\/\//i.test(target)) {
    try {
      const url = new URL(target);
      return `${url.pathname}${url.search}`;
    } catch {
      return null;
    }
  }
  return null;
}

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
  const expire = (stale: StaleNotice) => {
    for (const each of caches) each.expire(stale);
  };
  const upstream = createUpstream(options.upstreamPort);
  // Article queries, run without Prisma (lib/reader/get-live-story.ts). The statement is prepared
  // once per connection, so Postgres plans it once, not per article (planning cost more than running it).
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 8 });
  pool.on("error", (error) => logFailure("database", `database connection lost: ${error.message}`));
  const articles: Queryable = { query: (text, values) => pool.query({ name: "dateline_article", text, values }) };

  // --- what went stale, heard from every process on the database ---------------------------
  let refreshDue: () => void = () => {};
  const listener: StaleListener = await listenForStalePages({
    databaseUrl: options.databaseUrl,
    log: (line) => logFailure("listener", line),
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
      loadDue().catch((error: Error) => logFailure("schedule", `could not read the schedule: ${error.message}`));
    }, 50);
  };
  await loadDue();

  /** Expires what a due story changes, here at once, then publishes it (telling the other instances). */
  const comeDue = (now: number): Promise<void> => {
    dueRun ??= (async () => {
      const due = upcoming.filter((entry) => entry.at.getTime() <= now).map((entry) => entry.story);
      if (due.length) expire(storyChangeKeys({ slugs: due.map((s) => s.slug), tagSlugs: due.flatMap((s) => s.tagSlugs) }));
      // Publishing announces what it changed (to every instance, this one too); nothing due, nothing sent.
      await publishDueStories(new Date(now));
      await loadDue();
    })()
      .catch((error: Error) => {
        // The due stories' pages were expired above, and readers see a due story anyway
        // (lib/stories/live.ts); try again shortly rather than on every request.
        logFailure("schedule", `could not publish due stories: ${error.message}`);
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
   * made; `shared`: whether caches before the site may keep it (not a preview), under its path's keys.
   */
  type MadeRoute = { key: string; store: PageCache | null; make: () => Promise<Made>; keys: string[] | null };

  /**
   * What the front makes itself for a GET, whatever the headers: articles, the home page, tag
   * pages and the older pages behind them (kept by path: a query string such as utm_source changes
   * nothing), and search results (kept by their whole address, in the search budget).
   */
  const madeHere = (request: http.IncomingMessage, path: string, search: string): MadeRoute | null => {
    if ((request.method !== "GET" && request.method !== "HEAD") || !CANONICAL_PATH.test(path)) return null;
    const page = (make: () => Promise<Made>): MadeRoute => ({ key: path, store: cache, make, keys: keysForPath(path) });
    const story = STORY_PATH.exec(path);
    if (story) return page(() => articleMade(story[1]));
    // Made for each request and never kept: it shows unpublished copy, changing as it is edited.
    const preview = PREVIEW_PATH.exec(path);
    if (preview) return { key: path, store: null, make: () => previewMade(preview[1]), keys: null };
    const older = LATEST_PAGE_PATH.exec(path);
    if (path === "/" || older) return page(async () => latestStoriesPage(older?.[1] ?? null).then((found) => (found ? { page: found } : null)));
    const tag = TAG_PATH.exec(path);
    if (tag) return page(() => tagStoriesPage(tag[1], tag[2] ?? null));
    if (path === SEARCH_PATH) {
      const store = search.length <= MAX_SEARCH_QUERY ? searchCache : null;
      return { key: `${path}${search}`, store, make: async () => ({ page: await searchReaderPage(new URLSearchParams(search)) }), keys: keysForPath(path) };
    }
    return null;
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
    if (!store || !listener.listening()) return;
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
    // Whoever changed something and reads it back through this instance sees the change.
    await listener.sync();
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
      if (now >= nextDueAt) await comeDue(now);
      const media = MEDIA_PATH.exec(path);
      if (media) return serveMedia(request, response, media[1]);
      const made = madeHere(request, path, search);
      if (made) await serveMade(request, response, made);
      else if (isReaderRequest(request, path, search)) await serveReader(request, response, path);
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
      if (schedulerTimer) clearInterval(schedulerTimer);
      if (refreshTimer) clearTimeout(refreshTimer);
      // No new connections; the requests in flight finish (bounded), then the pools close.
      await closeServer();
      await Promise.all([listener.close(), pool.end(), upstream.close()]);
    },
  };
}
