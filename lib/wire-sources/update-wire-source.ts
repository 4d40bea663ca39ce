import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/ids";
import { parseInput } from "@/lib/validation";
import { cancelPoll, schedulePoll } from "@/lib/jobs/schedule-poll";
import { wireSourceSchema } from "@/lib/wire-sources/source-settings";
import { decryptCredentials, encryptCredentials } from "@/lib/wire-sources/source-credentials";
import { kindSettings, storedSource } from "@/lib/wire-sources/stored-source";
import { sourcesAsJson, type WireSourceJson } from "@/lib/wire-sources/source-json";
import { nameTaken } from "@/lib/wire-sources/create-wire-source";
import { checkFolderPath } from "@/lib/wire-sources/check-folder-path";

/**
 * Changes a source (admins only): the fields given replace the stored ones and the whole is
 * checked again as a new source would be. Credentials left out stay as they are; given, they
 * replace the stored ones. The kind cannot change (make another source). A change of where or
 * how to poll starts afresh (the poll state is dropped) and polls at once.
 */
export async function updateWireSource(options: { actor: Actor; id: string; input: Record<string, unknown> }): Promise<WireSourceJson> {
  const { actor, id, input } = options;
  requirePermission(actor, "wire.sources");
  if (!isUuid(id)) throw new AppError("not_found", "No such source");
  const row = await db.$transaction(async (tx) => {
    const [held] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "WireSource" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (!held) throw new AppError("not_found", "No such source");
    const current = await tx.wireSource.findUniqueOrThrow({ where: { id } });
    if (input.kind !== undefined && input.kind !== current.kind) {
      throw new AppError("validation_failed", "A source's kind cannot change: add a new source instead", { kind: ["The kind cannot change"] });
    }
    const { settings } = storedSource(current);
    // credentials: left out keeps them; null removes them (an HTTP feed that is open now: FTP needs a login).
    const removing = input.credentials === null && current.kind === "http";
    const keptCredentials = current.credentials && input.credentials === undefined ? decryptCredentials(current.credentials) : undefined;
    const given = removing ? (({ credentials: _dropped, ...rest }) => rest)(input) : input;
    const merged = parseInput(wireSourceSchema, { ...settings, ...(keptCredentials ? { credentials: keptCredentials } : {}), ...given });
    if (merged.kind === "folder") await checkFolderPath(merged.path, { sourceId: id });
    if (merged.name !== current.name && (await tx.wireSource.findUnique({ where: { name: merged.name }, select: { id: true } }))) throw nameTaken(merged.name);
    const newSettings = kindSettings(merged);
    const moved = JSON.stringify(newSettings) !== JSON.stringify(current.settings);
    const credentials = "credentials" in merged && merged.credentials ? encryptCredentials(merged.credentials) : null;
    const updated = await tx.wireSource.update({
      where: { id },
      data: {
        name: merged.name,
        agency: merged.agency,
        settings: newSettings,
        credentials: input.credentials === undefined ? current.credentials : credentials,
        intervalSeconds: merged.intervalSeconds,
        enabled: merged.enabled,
        rules: merged.rules as unknown as Prisma.InputJsonValue,
        // What was seen at the old address means nothing at the new one; a re-enabled source starts without its backoff.
        ...(moved ? { pollState: undefined, failures: 0 } : {}),
        ...(merged.enabled && !current.enabled ? { failures: 0 } : {}),
      },
    });
    if (moved) await tx.$executeRaw`UPDATE "WireSource" SET "pollState" = NULL WHERE "id" = ${id}::uuid`;
    await tx.auditEntry.create({ data: { action: "wire.source_update", actorId: actor.id, detail: { sourceId: id, name: updated.name, fields: Object.keys(input).filter((key) => key !== "credentials").concat(input.credentials !== undefined ? ["credentials"] : []) } } });
    return updated;
  });
  if (row.enabled) await schedulePoll(row.id);
  else await cancelPoll(row.id);
  return (await sourcesAsJson([row]))[0];
}
