import { createHmac, timingSafeEqual } from "node:crypto";

// A preview link: the address of a story as readers will see it, before they can (a draft, a
// scheduled story, a live story's draft of changes), for a colleague who has no newsroom account.
// `/preview/{story id}.{expiry}.{signature}`: the signature is an HMAC of the id and the expiry
// with the site's session secret, so a link cannot be made up, altered or stretched, and every
// link dies when it expires (or when AUTH_SECRET changes). The page is never indexed or kept.

export const PREVIEW_PREFIX = "/preview/";
export const PREVIEW_LIFETIME_MS = 48 * 60 * 60 * 1000;
const LINK = /^([0-9a-f-]{36})\.(\d{10,13})\.([A-Za-z0-9_-]{43})$/;

const signature = (secret: string, id: string, expires: number) => createHmac("sha256", secret).update(`preview:${id}:${expires}`).digest("base64url");

/** The path of a new preview link for a story, and when it stops working. */
export function previewPath(secret: string, id: string, now = Date.now()): { path: string; expiresAt: Date } {
  const expires = now + PREVIEW_LIFETIME_MS;
  return { path: `${PREVIEW_PREFIX}${id}.${expires}.${signature(secret, id, expires)}`, expiresAt: new Date(expires) };
}

/** The story a preview link's last segment names, if it is genuine and unexpired; else null. */
export function previewStoryId(secret: string, token: string, now = Date.now()): string | null {
  const match = LINK.exec(token);
  if (!match) return null;
  const [, id, expiresText, given] = match;
  const expires = Number(expiresText);
  if (!(expires > now)) return null;
  const expected = Buffer.from(signature(secret, id, expires));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? id : null;
}
