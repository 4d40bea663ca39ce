import "server-only";
import { revalidateStory } from "@/lib/cache/revalidate-story";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import { AppError, isAppError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { lockNames } from "@/lib/name-locks";
import { bulkInsert } from "@/lib/bulk-insert";
import { retryOnUniqueViolation } from "@/lib/unique-retry";
import { parseInput } from "@/lib/validation";
import { parseWireItem } from "@/lib/wire/parse-wire-item";
import { WireError } from "@/lib/wire/wire-error";
import type { ParsedWireItem, WireTag } from "@/lib/wire/types";
import { createStorySchema, updateStorySchema } from "@/lib/stories/schemas";
import { createStoriesInTx } from "@/lib/stories/create-stories";
import { updateStoryInTx } from "@/lib/stories/update-story";
import { killStoryInTx } from "@/lib/stories/kill-story";
import { contentHash } from "@/lib/wire-ingest/content-hash";
import { needsHeadline, storyInputFromWire, storyUpdateFromWire } from "@/lib/wire-ingest/story-from-wire";
import { isCleanText } from "@/lib/text-input";
import { describeWireSender, type WirePath } from "@/lib/wire-ingest/wire-sender";

export const MAX_WIRE_BYTES = 1024 * 1024;
/**
 * NINJS versions count an item's revisions from 1 (0 is seen too). No agency numbers past a
 * million; near PostgreSQL's integer limit a version would only ever be a probe (one of 2147483647
 * froze a story: nothing newer could arrive). The database checks the same range.
 */
export const MAX_WIRE_VERSION = 1_000_000;

/**
 * created: a new draft. updated: a newer version rewrote a draft. pending: a newer version of a
 * live story waits for an editor. withdrawn: pubstatus canceled killed the story. duplicate: this
 * copy (or this guid and version) was already ingested; nothing changed.
 */
export type IngestOutcome = "created" | "updated" | "pending" | "withdrawn" | "duplicate";
export type WireInput = { raw: string | Uint8Array; receivedAt?: Date; tags?: WireTag[] };
export type ItemResult =
  | { ok: true; outcome: IngestOutcome; storyId: string; wireItemId: string | null }
  | { ok: false; error: AppError };

type Prepared = { index: number; item: ParsedWireItem; raw: string; hash: string; receivedAt: Date; tags: WireTag[] };
/** Who delivers a batch: the actor, by a path (and through the API, a key). */
type Sender = WirePath & { actor: Actor };

const LIVE = new Set(["published", "scheduled"]);

/** Parses copy or answers 422 with the parser's one-line reason; nothing is stored either way. */
export function parseOrReject(raw: string | Uint8Array, receivedAt: Date): ParsedWireItem {
  const size = typeof raw === "string" ? Buffer.byteLength(raw) : raw.byteLength;
  if (size > MAX_WIRE_BYTES) throw new AppError("validation_failed", "The item is larger than 1 MB", { body: ["The item is larger than 1 MB"] });
  let item: ParsedWireItem;
  try {
    item = parseWireItem(raw, { receivedAt });
  } catch (error) {
    if (error instanceof WireError) throw new AppError("validation_failed", error.message, { body: [error.message] });
    throw error;
  }
  const reject = (field: string, message: string) => new AppError("validation_failed", message, { [field]: [message] });
  const { guid, version } = item.parse;
  if (version !== null && (!Number.isSafeInteger(version) || version < 0 || version > MAX_WIRE_VERSION)) {
    throw reject("version", `The NINJS version ${version} is not usable: a version is a whole number from 0 to ${MAX_WIRE_VERSION.toLocaleString("en-US")}`);
  }
  if (guid !== null && guid.length > 1000) throw reject("uri", "The NINJS uri is longer than 1,000 characters");
  if (guid !== null && !isCleanText(guid)) throw reject("uri", "The NINJS uri holds control characters or other characters no identifier has");
  return item;
}

/**
 * Stores items of agency copy: new drafts, updates of the drafts they revise, pending updates of
 * live stories, withdrawals, or nothing (duplicates). Every way in (the editor's "New from wire",
 * the API, the CLI) comes through here, one item or hundreds at a time; new drafts are written
 * in bulk, so a batch costs a fixed number of queries. A bad item fails alone, with its reason.
 * `tags` are those the editor accepted; the item's own (NINJS subject and place, the dateline's
 * country) are always applied.
 */
export async function ingestWireItems(options: { actor: Actor; via: WirePath; items: WireInput[] }): Promise<ItemResult[]> {
  const { actor } = options;
  requirePermission(actor, "story.create");
  const sender: Sender = { actor, channel: options.via.channel, apiKeyId: options.via.apiKeyId };
  const results: (ItemResult | undefined)[] = options.items.map(() => undefined);
  const prepared: Prepared[] = [];
  for (const [index, input] of options.items.entries()) {
    try {
      const receivedAt = input.receivedAt ?? new Date();
      const item = parseOrReject(input.raw, receivedAt);
      const raw = typeof input.raw === "string" ? input.raw : Buffer.from(input.raw).toString("utf8");
      prepared.push({ index, item, raw, hash: contentHash(raw), receivedAt, tags: input.tags ?? [] });
    } catch (error) {
      if (!isAppError(error)) throw error;
      results[index] = { ok: false, error };
    }
  }

  const { settled, later } = await retryOnUniqueViolation(() => db.$transaction((tx) => ingestPrepared(tx, sender, prepared), { timeout: 60_000, maxWait: 20_000 }));
  for (const [index, result] of settled) results[index] = result;
  // Revisions of held stories (rare) each get a transaction of their own, after the new drafts
  // are committed: their locks (story row, slug, tags) then never interleave with the batch's.
  for (const p of later) {
    try {
      results[p.index] = await retryOnUniqueViolation(() =>
        db.$transaction(async (tx) => {
          await lockNames(tx, [`wire:${p.hash}`, ...(p.item.parse.guid ? [`wire-guid:${p.item.parse.guid}`] : [])]);
          return ingestRevision(tx, sender, p);
        }),
      );
    } catch (error) {
      if (!isAppError(error)) throw error;
      results[p.index] = { ok: false, error };
    }
  }
  // A withdrawal takes a live story down: every instance's cached pages must hear of it, whichever
  // caller (API, newsroom, CLI) brought the item in. Other outcomes change only drafts.
  for (const result of results) {
    if (result?.ok && result.outcome === "withdrawn") {
      const story = await db.story.findUniqueOrThrow({ where: { id: result.storyId }, select: { slug: true, tags: { select: { tag: { select: { slug: true } } } } } });
      await revalidateStory({ storyId: result.storyId, slugs: [story.slug], tagSlugs: story.tags.map((t) => t.tag.slug) });
    }
  }
  return results as ItemResult[];
}

async function ingestPrepared(tx: Tx, sender: Sender, prepared: Prepared[]): Promise<{ settled: Map<number, ItemResult>; later: Prepared[] }> {
  const { actor } = sender;
  const results = new Map<number, ItemResult>();
  const guids = [...new Set(prepared.flatMap((p) => (p.item.parse.guid ? [p.item.parse.guid] : [])))];
  // Deliveries of the same copy, or of the same agency item, queue up here instead of racing.
  await lockNames(tx, [...prepared.map((p) => `wire:${p.hash}`), ...guids.map((guid) => `wire-guid:${guid}`)]);
  const seen = new Map(
    (await tx.wireItem.findMany({ where: { contentHash: { in: prepared.map((p) => p.hash) } }, select: { id: true, storyId: true, contentHash: true } })).map((row) => [row.contentHash, row]),
  );
  const held = new Set(guids.length ? (await tx.story.findMany({ where: { wireGuid: { in: guids } }, select: { wireGuid: true } })).map((row) => row.wireGuid!) : []);

  const fresh: (Prepared & { input: ReturnType<typeof parseInput<typeof createStorySchema>> })[] = [];
  const later: Prepared[] = []; // a repeat of copy or of a guid earlier in this batch, or a version of a held story
  const firstOfHash = new Set<string>();
  const firstOfGuid = new Set<string>();
  for (const p of prepared) {
    const guid = p.item.parse.guid;
    const hit = seen.get(p.hash);
    if (hit) results.set(p.index, { ok: true, outcome: "duplicate", storyId: hit.storyId, wireItemId: hit.id });
    else if (firstOfHash.has(p.hash) || (guid && (held.has(guid) || firstOfGuid.has(guid)))) later.push(p);
    else if (p.item.pubstatus === "canceled") results.set(p.index, { ok: false, error: new AppError("validation_failed", "The item is canceled and no story holds it: there is nothing to withdraw", { body: ["pubstatus is canceled"] }) });
    else {
      try {
        fresh.push({ ...p, input: parseInput(createStorySchema, storyInputFromWire(p.item, mergeTags(p.item.parse.tags, p.tags))) });
        // Only an accepted item makes later copies of it (or later versions) revisions.
        firstOfHash.add(p.hash);
        if (guid) firstOfGuid.add(guid);
      } catch (error) {
        if (!isAppError(error)) throw error;
        results.set(p.index, { ok: false, error });
      }
    }
  }

  const ids = await createStoriesInTx(
    tx,
    actor,
    fresh.map((p) => ({
      input: p.input,
      // Whoever delivers an item first owns its versions.
      origin: {
        wireGuid: p.item.parse.guid,
        wireVersion: p.item.parse.version,
        owner: p.item.parse.guid ? { channel: sender.channel, apiKeyId: sender.apiKeyId } : null,
        headlineProposed: needsHeadline(p.item),
      },
    })),
  );
  const wireRows = fresh.map((p, i) => wireItemRow(p, sender, ids[i], "applied"));
  await bulkInsert(tx, "WireItem", [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "storyId", type: "uuid", value: (r) => r.storyId },
    { name: "format", type: "text", value: (r) => r.format },
    { name: "contentHash", type: "text", value: (r) => r.contentHash },
    { name: "guid", type: "text", value: (r) => r.guid },
    { name: "version", type: "int", value: (r) => r.version },
    { name: "raw", type: "text", value: (r) => r.raw },
    { name: "parsed", type: "jsonb", value: (r) => r.parsed },
    { name: "receivedAt", type: "timestamp", value: (r) => r.receivedAt },
    { name: "senderId", type: "uuid", value: (r) => r.senderId },
    { name: "channel", type: "text", cast: '"WireChannel"', value: (r) => r.channel },
    { name: "apiKeyId", type: "uuid", value: (r) => r.apiKeyId },
  ], wireRows);
  fresh.forEach((p, i) => results.set(p.index, { ok: true, outcome: "created", storyId: ids[i], wireItemId: wireRows[i].id }));

  return { settled: results, later };
}

/** An item whose copy or agency id is already held: a duplicate, a newer version, or a withdrawal. */
async function ingestRevision(tx: Tx, sender: Sender, p: Prepared): Promise<ItemResult> {
  const { actor } = sender;
  const seen = await tx.wireItem.findUnique({ where: { contentHash: p.hash }, select: { id: true, storyId: true } });
  if (seen) return { ok: true, outcome: "duplicate", storyId: seen.storyId, wireItemId: seen.id };
  const { guid, version } = p.item.parse;
  if (!guid) throw new AppError("conflict", "This copy repeats an item that could not be stored");
  // Lock the story before deciding: an editor publishing meanwhile must not turn an update of a
  // draft into a silent change of a live page.
  const [held] = await tx.$queryRaw<Held[]>`
    SELECT "id", "status"::text AS "status", "version", "wireVersion", "embargoUntil",
      "wireOwnerId", "wireOwnerChannel"::text AS "wireOwnerChannel", "wireOwnerApiKeyId"
    FROM "Story" WHERE "wireGuid" = ${guid} FOR UPDATE`;
  if (!held) throw new AppError("conflict", `No stored story holds ${guid}`);
  // Before anything else: a version from anyone but the item's owner is refused, whatever its number.
  const owner = await ownership(tx, held, sender, guid);
  const heldVersion = held.wireVersion ?? 0;
  const incoming = version ?? 0;
  if (incoming < heldVersion) throw new AppError("conflict", `Version ${incoming} of ${guid} is older than version ${heldVersion}, which is already held`);
  if (incoming === heldVersion) return { ok: true, outcome: "duplicate", storyId: held.id, wireItemId: null };
  if (held.status === "killed" && p.item.pubstatus !== "canceled") throw new AppError("conflict", "The story made from this item was killed; a new version cannot revive it");

  // Everything that can refuse is decided before anything is written, so a refused version is
  // not recorded as held (sending it again, corrected, must work).
  const canceled = p.item.pubstatus === "canceled";
  if (canceled && held.status !== "killed") requirePermission(actor, "story.kill");
  const live = LIVE.has(held.status);
  let changes: ReturnType<typeof parseInput<typeof updateStorySchema>> | null = null;
  if (!canceled && !live) {
    const fields = storyUpdateFromWire(p.item);
    // A newer version that drops the embargo line does not lift an embargo the story holds.
    const embargo = [held.embargoUntil?.toISOString(), fields.embargoUntil].filter((v): v is string => !!v).sort().pop() ?? null;
    changes = parseInput(updateStorySchema, { ...fields, embargoUntil: embargo, version: held.version });
  }

  const record = async (state: "applied" | "pending" | "withdrawn") => {
    await tx.story.update({ where: { id: held.id }, data: { wireVersion: incoming, ...owner } });
    const row = wireItemRow(p, sender, held.id, state);
    await tx.wireItem.create({ data: row });
    return row.id;
  };
  if (canceled) {
    if (held.status !== "killed") await killStoryInTx(tx, actor, held.id, `agency withdrew ${guid} (version ${incoming})`);
    return { ok: true, outcome: "withdrawn", storyId: held.id, wireItemId: await record("withdrawn") };
  }
  if (live) {
    // Never a silent change to a live page: the editor sees the update and decides.
    return { ok: true, outcome: "pending", storyId: held.id, wireItemId: await record("pending") };
  }
  // The new version's copy replaces the draft's; the editor's standfirst, slug and tags stay.
  await updateStoryInTx(tx, actor, held.id, changes!);
  await tx.wireItem.updateMany({ where: { storyId: held.id, state: "pending" }, data: { state: "superseded" } });
  return { ok: true, outcome: "updated", storyId: held.id, wireItemId: await record("applied") };
}

type Held = {
  id: string;
  status: string;
  version: number;
  wireVersion: number | null;
  embargoUntil: Date | null;
  wireOwnerId: string | null;
  wireOwnerChannel: string | null;
  wireOwnerApiKeyId: string | null;
};

/**
 * Whether this delivery comes from the source that owns the held item's versions: the same user,
 * by the same path, through the API with the same key (or, once that key is revoked, another key
 * of the same user: keys are rotated). Anyone else gets 403, naming both sources in words.
 * Returns the owner columns to store with the accepted version: the path is pinned where it was
 * not recorded (items from before senders were kept), the key moved on after a rotation.
 */
async function ownership(tx: Tx, held: Held, sender: Sender, guid: string): Promise<Prisma.StoryUncheckedUpdateInput> {
  const pinned = { wireOwnerId: sender.actor.id, wireOwnerChannel: sender.channel, wireOwnerApiKeyId: sender.apiKeyId };
  // An owner gone from the database (never, as users are deactivated, not deleted) leaves it to the next source.
  if (!held.wireOwnerId) return pinned;
  if (held.wireOwnerId === sender.actor.id) {
    if (held.wireOwnerChannel === null) return pinned;
    if (held.wireOwnerChannel === sender.channel) {
      if (sender.channel !== "api" || held.wireOwnerApiKeyId === sender.apiKeyId) return {};
      const ownerKey = held.wireOwnerApiKeyId ? await tx.apiKey.findUnique({ where: { id: held.wireOwnerApiKeyId }, select: { revokedAt: true } }) : null;
      if (!ownerKey || ownerKey.revokedAt) return pinned;
    }
  }
  const ownerUser = await tx.user.findUnique({ where: { id: held.wireOwnerId }, select: { id: true, name: true, email: true, role: true } });
  const ownerKey = held.wireOwnerApiKeyId ? await tx.apiKey.findUnique({ where: { id: held.wireOwnerApiKeyId }, select: { prefix: true } }) : null;
  const senderKey = sender.apiKeyId ? await tx.apiKey.findUnique({ where: { id: sender.apiKeyId }, select: { prefix: true } }) : null;
  const owner = describeWireSender({ user: ownerUser, channel: held.wireOwnerChannel as WirePath["channel"] | null, apiKeyPrefix: ownerKey?.prefix ?? null });
  const self = describeWireSender({ user: sender.actor, channel: sender.channel, apiKeyPrefix: senderKey?.prefix ?? null });
  throw new AppError(
    "forbidden",
    `${guid} was first delivered by ${owner}, and its versions are accepted only from there. This one came from ${self} and was refused; to change the story, edit it instead.`,
  );
}

function wireItemRow(p: Prepared, sender: Sender, storyId: string, state: "applied" | "pending" | "withdrawn") {
  return {
    id: crypto.randomUUID(),
    storyId,
    format: p.item.parse.format,
    contentHash: p.hash,
    guid: p.item.parse.guid,
    version: p.item.parse.version,
    state,
    raw: p.raw,
    parsed: p.item.parse as unknown as Prisma.InputJsonValue,
    receivedAt: p.receivedAt,
    senderId: sender.actor.id,
    channel: sender.channel,
    apiKeyId: sender.apiKeyId,
  };
}

/** The item's own tags first, then the accepted suggestions, without repeats. */
function mergeTags(own: WireTag[], accepted: WireTag[]): WireTag[] {
  const seen = new Set<string>();
  return [...own, ...accepted].filter((tag) => {
    const key = `${tag.type}:${tag.name.toLocaleLowerCase("en")}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
