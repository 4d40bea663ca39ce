import { createHash } from "node:crypto";

// Security headers, on every response the front sends. Pages may not be framed (clickjacking),
// browsers may not guess content types, other sites learn only our origin from links followed,
// and scripts run only from this origin or inline where the page itself carries them verbatim:
// each HTML response allows exactly its own inline scripts by hash (Next.js streams its data in
// inline scripts), so an injected one never runs.

const POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

export function contentSecurityPolicy(scriptHashes: string[] = []): string {
  return `${POLICY}; script-src 'self'${scriptHashes.map((hash) => ` '${hash}'`).join("")}`;
}

// An inline script: a <script> without src, its text up to the closing tag.
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** sha256 sources for the inline scripts of an HTML document, as CSP spells them. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    if (match[1]) hashes.add(`sha256-${createHash("sha256").update(match[1], "utf8").digest("base64")}`);
  }
  return [...hashes];
}

/** The security headers for a response; an HTML body gets a policy naming its own inline scripts. */
export function securityHeadersFor(contentType: string | undefined, body?: Buffer): Record<string, string> {
  const html = !!body && /^text\/html/i.test(contentType ?? "");
  return { ...securityHeaders, "content-security-policy": contentSecurityPolicy(html ? inlineScriptHashes(body!.toString("utf8")) : []) };
}

export const securityHeaders: Record<string, string> = {
  "content-security-policy": contentSecurityPolicy(),
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
};
