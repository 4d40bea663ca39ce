import { env } from "@/lib/env";

/** The site's public origin (SITE_URL's), which every redirect and link Auth.js makes must use. */
export function siteOrigin(): string {
  return new URL(env().SITE_URL).origin;
}

/**
 * Where to send a browser after signing in or out: `target` if it is an address on this site (a
 * path, or an absolute URL with the site's origin), else `fallbackPath`. Parsed as a browser would,
 * so `//evil.example`, `/\evil.example` and `javascript:` all fall back instead of leaving the site.
 */
export function siteRedirect(target: string, fallbackPath = "/admin"): string {
  const origin = siteOrigin();
  try {
    const url = new URL(target, origin);
    if (url.origin === origin && (url.protocol === "http:" || url.protocol === "https:")) return url.href;
  } catch {
    // not a URL at all
  }
  return `${origin}${fallbackPath}`;
}

/**
 * A newsroom page to return to after signing in (the login page's `callbackUrl`, the form's
 * `next`): its path and query when it is on this site and under /admin, else undefined.
 */
export function newsroomPath(target: unknown): string | undefined {
  if (typeof target !== "string" || !target || target.length > 2000) return undefined;
  const origin = siteOrigin();
  try {
    const url = new URL(target, origin);
    if (url.origin !== origin) return undefined;
    if (url.pathname !== "/admin" && !url.pathname.startsWith("/admin/")) return undefined;
    return url.pathname + url.search;
  } catch {
    return undefined;
  }
}
