import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { decodeCursor, encodeCursor, prefixTsQuery } from "@/lib/pagination";
import { listMediaQuerySchema } from "@/lib/media/schemas";
import { mediaSelect, toMediaJson } from "@/lib/media/media-shape";

/**
 * The library, newest first (keyset on the upload time), found by words of the caption, credit
 * or filename as typed (each word a prefix: "kochet mosc"; the search index of the media
 * migration), uploaded within `from`–`to`.
 */
export async function listMedia(options: { actor: Actor; query: Record<string, unknown> }) {
  requirePermission(options.actor, "media.read");
  const query = parseInput(listMediaQuerySchema, options.query);
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const conditions: Prisma.Sql[] = [];
  if (query.q) {
    const words = prefixTsQuery(query.q);
    // Words with no letter or digit ("!!!") match nothing.
    // The expression of the index (migration 20261207020000): punctuation read as a space, so a
    // word between hyphens or underscores of a file's name is a word ("moscow-embassy_gate.jpg").
    conditions.push(words ? Prisma.sql`to_tsvector('simple', regexp_replace("caption" || ' ' || "credit" || ' ' || "filename", '[[:punct:]]+', ' ', 'g')) @@ to_tsquery('simple', ${words})` : Prisma.sql`false`);
  }
  if (query.from) conditions.push(Prisma.sql`"createdAt" >= ${new Date(query.from)}`);
  if (query.to) conditions.push(Prisma.sql`"createdAt" <= ${new Date(query.to)}`);
  if (after) conditions.push(Prisma.sql`("createdAt", "id") < (${after.sortValue}, ${after.id}::uuid)`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  const found = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "MediaItem" ${where} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${query.limit + 1}`;
  const rows = found.length ? await db.mediaItem.findMany({ where: { id: { in: found.map((row) => row.id) } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: mediaSelect }) : [];
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page.map(toMediaJson), nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null };
}
