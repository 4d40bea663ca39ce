import type http from "node:http";
import { MEDIA_PATH } from "@/lib/serving/media-files";

// Which of the front's jobs a request is (lib/serving/front-server.ts): a page it makes itself, a
// reader response Next renders that it keeps whole, a picture, or something to pass to Next.

/** A request as the router reads it: its method, the headers that matter, and its target split. */
export type RouteRequest = { method?: string; headers: http.IncomingHttpHeaders };

export type Route =
  | { kind: "media"; file: string }
  | { kind: "article"; slug: string }
  | { kind: "preview"; token: string }
  | { kind: "latest"; cursor: string | null }
  | { kind: "tag"; slug: string; cursor: string | null }
  | { kind: "search" }
  /** Rendered by Next the same for every visitor (feeds, sitemaps, robots.txt, the icon, build assets): kept whole. */
  | { kind: "rendered" }
  | { kind: "pass" };

// Anything with a query string is not kept whole (it would let anyone fill the cache with
// /feed.xml?1, ?2 …), nor are React's navigation requests. Pages the front makes are matched first.
const RENDERED_PATH = /^\/(?:tags\/[^/]+\/feed|feed\.|feed\/archive\/|sitemap|news-sitemap\.xml$|robots\.txt$|favicon\.ico$|_next\/static\/)/;
const STORY_PATH = /^\/stories\/([^/]+)$/;
const PREVIEW_PATH = /^\/preview\/([^/]+)$/;
const LATEST_PAGE_PATH = /^\/page\/([^/]+)$/;
const TAG_PATH = /^\/tags\/([^/]+)(?:\/page\/([^/]+))?$/;
export const SEARCH_PATH = "/search";

// Only paths in their one canonical spelling are kept: "/stories/%6Billed" or "/a/../stories/x"
// reach the same page as another key, which a change would never expire.
const CANONICAL_PATH = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?$/;

const isNavigation = (request: RouteRequest) => !!(request.headers.rsc || request.headers["next-router-prefetch"] || request.headers["next-router-state-tree"]);

/** Whether a path is well-formed percent-encoded UTF-8 (every address a page or route can have). */
export function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** The request target in origin form (path and query), or null for one that is not a path. */
export function originForm(target: string): string | null {
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

/**
 * The front's route for a request. Pages it makes answer a GET whatever the headers (kept by path:
 * a query string such as utm_source changes nothing; search by its whole address).
 */
export function route(request: RouteRequest, path: string, search: string): Route {
  const media = MEDIA_PATH.exec(path);
  if (media) return { kind: "media", file: media[1] };
  if ((request.method !== "GET" && request.method !== "HEAD") || !CANONICAL_PATH.test(path)) return { kind: "pass" };
  const story = STORY_PATH.exec(path);
  if (story) return { kind: "article", slug: story[1] };
  const preview = PREVIEW_PATH.exec(path);
  if (preview) return { kind: "preview", token: preview[1] };
  const older = LATEST_PAGE_PATH.exec(path);
  if (path === "/" || older) return { kind: "latest", cursor: older?.[1] ?? null };
  const tag = TAG_PATH.exec(path);
  if (tag) return { kind: "tag", slug: tag[1], cursor: tag[2] ?? null };
  if (path === SEARCH_PATH) return { kind: "search" };
  if (!search && RENDERED_PATH.test(path) && !isNavigation(request)) return { kind: "rendered" };
  return { kind: "pass" };
}
