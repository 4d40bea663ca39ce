import "server-only";
import { db } from "@/lib/db";
import { hashApiKey } from "@/lib/auth/api-key-hash";
import type { WirePath } from "@/lib/wire-ingest/wire-sender";

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * The path of a request to POST /api/v1/wire: the API key it carries (already authenticated by
 * apiRoute, which gave its user as the actor), or, with none, the newsroom's own browser session.
 */
export async function wirePathOfRequest(authorization: string | null): Promise<WirePath> {
  const key = authorization ? BEARER.exec(authorization)?.[1] : undefined;
  if (!key) return { channel: "newsroom", apiKeyId: null };
  const row = await db.apiKey.findUnique({ where: { keyHash: hashApiKey(key) }, select: { id: true } });
  return { channel: "api", apiKeyId: row?.id ?? null };
}
