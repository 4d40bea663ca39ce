import "server-only";
import { db } from "@/lib/db";
import { hashApiKey } from "@/lib/auth/api-key-hash";
import type { Actor } from "@/lib/auth/permissions";

/** The user an API key acts as, or null for an unknown, revoked or deactivated key. */
export async function authenticateApiKey(key: string): Promise<Actor | null> {
  const apiKey = await db.apiKey.findUnique({
    where: { keyHash: hashApiKey(key) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true, active: true } } },
  });
  if (!apiKey || apiKey.revokedAt || !apiKey.user.active) return null;
  // "Last used" to the minute is enough, and saves a write on every request.
  if (!apiKey.lastUsedAt || Date.now() - apiKey.lastUsedAt.getTime() > 60_000) {
    void db.apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
  }
  const { id, email, name, role } = apiKey.user;
  return { id, email, name, role };
}
