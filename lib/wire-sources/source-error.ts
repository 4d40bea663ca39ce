/**
 * Why a poll failed, in a sentence an admin can act on ("The feed answered 500 Internal Server
 * Error"): the scheduler shows it as the source's last error. Its message never holds credentials:
 * every provider builds it with `scrubbed` below from text it wrote itself or a library's.
 */
export class SourceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SourceError";
  }
}

/** The text with every secret (a password, a token) replaced by "***", however a library quoted it. */
export function scrubbed(text: string, secrets: (string | undefined | null)[]): string {
  let clean = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)])) clean = clean.split(form).join("***");
  }
  return clean;
}

/** The secrets in a credentials object, for `scrubbed`. */
export function secretsOf(credentials: { password?: string; bearerToken?: string; username?: string } | null | undefined): string[] {
  if (!credentials) return [];
  const { username, password, bearerToken } = credentials;
  // A Basic Authorization header carries "username:password" in base64.
  const basic = password ? Buffer.from(`${username ?? ""}:${password}`).toString("base64") : undefined;
  return [password, bearerToken, basic].filter((secret): secret is string => Boolean(secret));
}
