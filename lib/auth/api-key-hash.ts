import { createHash, randomBytes } from "node:crypto";

const KEY_PREFIX = "dl_";

/** A new key: 32 random bytes. Only its SHA-256 is stored; the key itself is shown once. */
export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const key = KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, prefix: key.slice(0, 10), keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
