import type { Prisma } from "@/generated/prisma/client";
import type { StoredSourceSettings, WireRule, WireSource } from "@/lib/wire-sources/source-settings";

type Row = { kind: string; name: string; agency: string; intervalSeconds: number; enabled: boolean; settings: Prisma.JsonValue; rules: Prisma.JsonValue };

/** The kind's own settings, as kept in "WireSource"."settings": what is not a column of its own (nor a credential). */
export function kindSettings(source: StoredSourceSettings | WireSource): Prisma.InputJsonObject {
  const { kind: _kind, name: _name, agency: _agency, intervalSeconds: _interval, enabled: _enabled, rules: _rules, ...rest } = source as WireSource;
  const { credentials: _credentials, ...settings } = rest as typeof rest & { credentials?: unknown };
  return settings as Prisma.InputJsonObject;
}

/**
 * A stored source as the poll reads it: the columns and the kind's settings, checked when they
 * were written (lib/wire-sources/create-wire-source.ts), so read back as they are.
 */
export function storedSource(row: Row): { settings: StoredSourceSettings; rules: WireRule[] } {
  const rules = (row.rules as WireRule[] | null) ?? [];
  const settings = { ...(row.settings as Prisma.JsonObject), kind: row.kind, name: row.name, agency: row.agency, intervalSeconds: row.intervalSeconds, enabled: row.enabled, rules } as unknown as StoredSourceSettings;
  return { settings, rules };
}
