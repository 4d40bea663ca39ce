import "server-only";
import { NextRequest, NextResponse } from "next/server";
import { siteRedirect } from "@/lib/auth/site-redirect";

type Handler = (request: NextRequest) => Promise<Response>;

// Auth.js answers 500 ("server configuration") for requests it cannot serve: a callbackUrl
// (query or cookie) that is not a URL (`?callbackUrl=abc`; a cookie planted by a sibling site
// would block every sign-in), an action or provider it does not have (`/api/auth/signin/credentials`
// by GET, `/api/auth/callback/nope`), which it sends to its error page, itself a 500. None is a
// fault of the server: before Auth.js sees a request, its callbackUrls are made addresses on this
// site (`siteRedirect`, which also keeps them on it), and its error page answers 400.

const CALLBACK_COOKIE = /^(?:__Secure-)?authjs\.callback-url$/;

/** The cookie header with every callbackUrl cookie replaced by the site address it stands for. */
function siteCookies(header: string): string {
  return header
    .split(";")
    .map((pair) => {
      const at = pair.indexOf("=");
      const name = (at === -1 ? pair : pair.slice(0, at)).trim();
      if (!CALLBACK_COOKIE.test(name)) return pair;
      let value = at === -1 ? "" : pair.slice(at + 1).trim();
      try {
        value = decodeURIComponent(value);
      } catch {
        // not percent-encoded: taken as it is
      }
      return ` ${name}=${encodeURIComponent(siteRedirect(value))}`;
    })
    .join(";");
}

export function authRoute(handler: Handler): Handler {
  return async (request) => {
    const url = new URL(request.url);
    const callbackUrl = url.searchParams.get("callbackUrl");
    if (callbackUrl !== null) url.searchParams.set("callbackUrl", siteRedirect(callbackUrl));
    const headers = new Headers(request.headers);
    const cookie = headers.get("cookie");
    if (cookie) headers.set("cookie", siteCookies(cookie));
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    const cleaned = new NextRequest(url, { method: request.method, headers, body: hasBody ? await request.arrayBuffer() : undefined });
    const response = await handler(cleaned);
    if (response.status >= 500 && url.pathname.endsWith("/api/auth/error")) {
      return new NextResponse(response.body, { status: 400, headers: response.headers });
    }
    return response;
  };
}
