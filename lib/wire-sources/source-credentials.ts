import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { sourceCredentialsSchema, type SourceCredentials } from "@/lib/wire-sources/source-settings";

// A source's credentials are kept encrypted at rest with AES-256-GCM under a key only the
// environment holds, so a database dump or backup does not give away an agency's login. GCM
// authenticates too: text altered in the database fails to decrypt instead of yielding garbage.
// The stored form names its version, so the scheme (or key) can change without guessing.

const VARIABLE = "WIRE_CREDENTIALS_KEY";
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
// Binds the ciphertext to its purpose: a value encrypted under the same key for something else
// does not pass for credentials.
const PURPOSE = Buffer.from("dateline wire-source credentials v1");
const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

/** The 32-byte key from WIRE_CREDENTIALS_KEY (64 hex digits or 44 base64 characters), or an error naming the variable. */
export function credentialsKey(value: string | undefined = process.env[VARIABLE]): Buffer {
  const given = value?.trim();
  if (!given) throw new Error(`Configuration error: ${VARIABLE} is not set; it must be 32 random bytes in base64 or hex (openssl rand -base64 32)`);
  if (HEX_KEY.test(given)) return Buffer.from(given, "hex");
  if (BASE64_KEY.test(given)) {
    const key = Buffer.from(given, "base64");
    if (key.length === 32) return key;
  }
  throw new Error(`Configuration error: ${VARIABLE} must be 32 bytes in base64 (44 characters) or hex (64 digits); generate one with openssl rand -base64 32`);
}

/** The credentials as `v1:iv:tag:ciphertext` (base64url), encrypted under the key. */
export function encryptCredentials(credentials: SourceCredentials, key: Buffer = credentialsKey()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(PURPOSE);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(credentials), "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(":");
}

/** The credentials encrypted by encryptCredentials, or an error saying (without any secret) why they cannot be read. */
export function decryptCredentials(text: string, key: Buffer = credentialsKey()): SourceCredentials {
  const [version, iv, tag, ciphertext, ...rest] = text.split(":");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined || rest.length) {
    throw new Error("The stored credentials are not in a form Dateline knows (v1:iv:tag:ciphertext): enter them again");
  }
  let plain: string;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAAD(PURPOSE);
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(`The stored credentials cannot be decrypted with ${VARIABLE}: the key has changed or the stored text is damaged; enter them again`);
  }
  const parsed = sourceCredentialsSchema.safeParse(JSON.parse(plain));
  if (!parsed.success) throw new Error("The stored credentials decrypt, but are not a user name and password or a bearer token: enter them again");
  return parsed.data;
}

// Query parameters that commonly carry a secret (?api_key=…, ?token=…): shown as *** too.
const SECRET_PARAMETER = /^(?:api[-_]?key|key|token|access[-_]?token|auth|password|passwd|pwd|secret|signature|sig)$/i;
const USERINFO = /\/\/[^/?#@\s]*@/g;

/** The URL without any user name, password or secret-looking query parameter, for display and logs. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(USERINFO, "//");
  }
  parsed.username = "";
  parsed.password = "";
  for (const name of [...parsed.searchParams.keys()]) if (SECRET_PARAMETER.test(name)) parsed.searchParams.set(name, "***");
  return parsed.href;
}
