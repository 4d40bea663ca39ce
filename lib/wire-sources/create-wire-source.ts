import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { schedulePoll } from "@/lib/jobs/schedule-poll";
import { wireSourceSchema } from "@/lib/wire-sources/source-settings";
import { encryptCredentials } from "@/lib/wire-sources/source-credentials";
import { kindSettings } from "@/lib/wire-sources/stored-source";
import { checkFolderPath } from "@/lib/wire-sources/check-folder-path";
import { sourcesAsJson, type WireSourceJson } from "@/lib/wire-sources/source-json";

/** A unique name, in words: two sources of one name could not be told apart on the desk. */
export const nameTaken = (name: string) => new AppError("conflict", `A source named “${name}” exists already: give this one another name`, { name: ["A source of this name exists already"] });

/**
 * Adds an ingest source (admins only): checked (lib/wire-sources/source-settings.ts), its
 * credentials encrypted, audited, and, enabled, polled at once.
 */
export async function createWireSource(options: { actor: Actor; input: unknown }): Promise<WireSourceJson> {
  const { actor } = options;
  requirePermission(actor, "wire.sources");
  const source = parseInput(wireSourceSchema, options.input);
  if (source.kind === "folder") await checkFolderPath(source.path);
  const credentials = "credentials" in source && source.credentials ? encryptCredentials(source.credentials) : null;
  const row = await db.$transaction(async (tx) => {
    if (await tx.wireSource.findUnique({ where: { name: source.name }, select: { id: true } })) throw nameTaken(source.name);
    const created = await tx.wireSource.create({
      data: {
        name: source.name,
        kind: source.kind,
        agency: source.agency,
        settings: kindSettings(source),
        credentials,
        intervalSeconds: source.intervalSeconds,
        enabled: source.enabled,
        rules: source.rules as unknown as Prisma.InputJsonValue,
        createdById: actor.id,
      },
    });
    await tx.auditEntry.create({ data: { action: "wire.source_create", actorId: actor.id, detail: { sourceId: created.id, name: created.name, kind: created.kind } } });
    return created;
  });
  if (row.enabled) await schedulePoll(row.id);
  return (await sourcesAsJson([row]))[0];
}
