import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
const MAX_KEY_LENGTH = 255;
// Visible ASCII: a UUID, a ULID, any token a client makes. The IETF draft sends the key as a
// structured-field string ("…"); both spellings name the same key.
const KEY_PATTERN = /^[\x21-\x7e]+$/;

/**
 * The request's Idempotency-Key, or null when it sent none. A key that cannot be one (empty, longer
 * than 255 characters, or with spaces, control or non-ASCII characters, or sent twice) is a 422
 * naming the header, before anything runs.
 */
export function idempotencyKeyOf(headers: Headers): string | null {
  const raw = headers.get(IDEMPOTENCY_HEADER);
  if (raw === null) return null;
  const quoted = /^"(.*)"$/s.exec(raw.trim());
  const key = quoted ? quoted[1] : raw.trim();
  const problem =
    key.length === 0
      ? "is empty"
      : key.length > MAX_KEY_LENGTH
        ? `is ${key.length.toLocaleString("en")} characters long; the most is ${MAX_KEY_LENGTH}`
        : !KEY_PATTERN.test(key)
          ? "may hold only visible ASCII characters (letters, digits and punctuation; no spaces or control characters), and only one key"
          : null;
  if (!problem) return key;
  const message = `The ${IDEMPOTENCY_HEADER} header ${problem}: send one key, such as a UUID, per request you mean to make once`;
  throw new AppError("validation_failed", message, { [IDEMPOTENCY_HEADER]: [message] });
}

/** What a request asks for, as one hash: a key reused for a different request is refused rather than answered with the first's result. */
export function requestFingerprint(request: { method: string; url: string; contentType: string | null; body: Uint8Array }): string {
  const url = new URL(request.url);
  const contentType = (request.contentType ?? "").toLowerCase().replace(/\s+/g, "");
  return createHash("sha256")
    .update(`${request.method.toUpperCase()} ${url.pathname}${url.search}\n${contentType}\n`)
    .update(request.body)
    .digest("hex");
}
