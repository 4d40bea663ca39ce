import { randomBytes } from "node:crypto";
import { mediaSettings } from "@/lib/media/media-settings";

// Security headers, on every response the front sends. Pages may not be framed (clickjacking),
// browsers may not guess content types, other sites learn only our origin from links followed,
// and scripts run only from this origin. The pages the front makes and keeps for everyone carry
// no inline script at all. The newsroom's pages, rendered by Next for each request, also run
// Next's own inline scripts: each such request gets a fresh nonce, which the front hands to Next
// before it renders (Next reads it from the request's Content-Security-Policy header and puts it
// on every script it emits) and names in the response's policy. A script that reached the HTML
// any other way, such as through stored content, carries no nonce and does not run.

// Pictures come from this site, or from the CDN named by MEDIA_BASE_URL.
const mediaBase = mediaSettings().baseUrl;
const mediaOrigin = mediaBase ? new URL(mediaBase).origin : null;

const POLICY =
  `default-src 'self'; img-src 'self' data:${mediaOrigin ? ` ${mediaOrigin}` : ""}; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; ` +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

export function contentSecurityPolicy(nonce?: string): string {
  return `${POLICY}; script-src 'self'${nonce ? ` 'nonce-${nonce}'` : ""}`;
}

/** A nonce for one response: 128 random bits, as CSP asks. */
export const newNonce = () => randomBytes(16).toString("base64");

/** What the front tells Next, so that the scripts Next emits carry this nonce. */
export const nonceRequestHeader = (nonce: string) => ({ "content-security-policy": `script-src 'nonce-${nonce}'` });

export const securityHeaders: Record<string, string> = {
  "content-security-policy": contentSecurityPolicy(),
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
};

/** The security headers of a response rendered by Next for one request: HTML gets the nonce's policy. */
export function securityHeadersFor(contentType: string | undefined, nonce: string): Record<string, string> {
  return /^text\/html/i.test(contentType ?? "") ? { ...securityHeaders, "content-security-policy": contentSecurityPolicy(nonce) } : securityHeaders;
}
