import { NextResponse, type NextRequest } from "next/server";
import { NEWSROOM_PATH_HEADER } from "@/lib/auth/newsroom-path-header";

/**
 * Tells newsroom pages the address they were asked for, so a signed-out visitor is sent to
 * /login with it and comes back there (lib/auth/require-admin-actor.ts). Only that: it runs no
 * Auth.js and checks nothing (see auth.config.ts), and it always overwrites what a client sent.
 */
export function proxy(request: NextRequest) {
  const url = request.nextUrl;
  const search = new URLSearchParams(url.search);
  search.delete("_rsc");
  const query = search.toString();
  const headers = new Headers(request.headers);
  headers.set(NEWSROOM_PATH_HEADER, `${url.pathname}${query ? `?${query}` : ""}`);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/admin", "/admin/:path*"] };
