/**
 * Sent with every response. Pages may not be framed (clickjacking), browsers may not guess
 * content types, and other sites learn only our origin from links followed.
 */
export const securityHeaders: Record<string, string> = {
  "content-security-policy": "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
};
