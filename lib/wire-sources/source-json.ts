import "server-only";
import { db } from "@/lib/db";
import type { WireSource as SourceRow } from "@/generated/prisma/client";
import { storedSource } from "@/lib/wire-sources/stored-source";

/**
 * A source as the API and the source list show it: its settings and health, and of its
 * credentials only whether there are any. They never leave the server, on a page or in a log.
 */
export type WireSourceJson = ReturnType<typeof toSourceJson>;

function toSourceJson(row: SourceRow, counts: { lastHour: number; lastDay: number }) {
  const { settings, rules } = storedSource(row);
  const { kind: _kind, name: _name, agency: _agency, intervalSeconds: _interval, enabled: _enabled, rules: _rules, ...kindSettings } = settings as typeof settings & { rules: unknown };
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    agency: row.agency,
    intervalSeconds: row.intervalSeconds,
    enabled: row.enabled,
    rules,
    ...kindSettings,
    credentials: { set: !!row.credentials },
    health: {
      lastPolledAt: row.lastPolledAt?.toISOString() ?? null,
      lastSuccessAt: row.lastSuccessAt?.toISOString() ?? null,
      lastError: row.lastError,
      lastErrorAt: row.lastErrorAt?.toISOString() ?? null,
      // Failing now: the last poll failed (an error after the last success).
      failing: row.failures > 0,
      failures: row.failures,
      nextPollAt: row.enabled ? (row.nextPollAt?.toISOString() ?? null) : null,
      itemsLastHour: counts.lastHour,
      itemsLastDay: counts.lastDay,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The sources with their items of the last hour and day (one grouped query on the sourceId index). */
export async function sourcesAsJson(rows: SourceRow[], now = new Date()): Promise<WireSourceJson[]> {
  if (rows.length === 0) return [];
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  const hourAgo = new Date(now.getTime() - 3600_000);
  const counts = await db.$queryRaw<{ sourceId: string; lastHour: number; lastDay: number }[]>`
    SELECT "sourceId", count(*) FILTER (WHERE "receivedAt" >= ${hourAgo})::int AS "lastHour", count(*)::int AS "lastDay"
    FROM "WireItem" WHERE "sourceId" = ANY(${rows.map((row) => row.id)}::uuid[]) AND "receivedAt" >= ${dayAgo}
    GROUP BY "sourceId"`;
  const bySource = new Map(counts.map((count) => [count.sourceId, count]));
  return rows.map((row) => toSourceJson(row, bySource.get(row.id) ?? { lastHour: 0, lastDay: 0 }));
}
