import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import { AppError, isAppError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { lockNames } from "@/lib/name-locks";
import { bulkInsert } from "@/lib/bulk-insert";
import { retryOnUniqueViolation } from "@/lib/unique-retry";
import { parseInput } from "@/lib/validation";
import { parseWireItems } from "@/lib/wire/parse-wire-item";
import { WireError } from "@/lib/wire/wire-error";
import type { ParsedWireItem, WireTag } from "@/lib/wire/types";
import { createStorySchema, updateStorySchema } from "@/lib/stories/schemas";
import { createStoriesInTx } from "@/lib/stories/create-stories";
import { updateStoryInTx } from "@/lib/stories/update-story";
import { killStoryInTx } from "@/lib/stories/kill-story";
import { contentHash } from "@/lib/wire-ingest/content-hash";
import { needsHeadline, storyInputFromWire, storyUpdateFromWire, takeChanges, type HeldPictures } from "@/lib/wire-ingest/story-from-wire";
import { itemHash, storedWireText } from "@/lib/wire-ingest/stored-wire-item";
import { slugKey } from "@/lib/wire/read-slug";
import { isCleanText } from "@/lib/text-input";
import { describeWireSender, type WirePath } from "@/lib/wire-ingest/wire-sender";
import { deskColumns, type DeskColumns } from "@/lib/wire-desk/desk-columns";
import { findCluster, findClusters } from "@/lib/wire-desk/find-cluster";
import { importWirePictures } from "@/lib/media/import-wire-pictures";
import type { BesideReader } from "@/lib/media/fetch-wire-picture";

export const MAX_WIRE_BYTES = 1024 * 1024;
/**
 * NINJS versions count an item's revisions from 1 (0 is seen too). No agency numbers past a
 * million; near PostgreSQL's integer limit a version would only ever be a probe (one of 2147483647
 * froze a story: nothing newer could arrive). The database checks the same range.
 */
export const MAX_WIRE_VERSION = 1_000_000;
/**
 * A delivery of several items (a NewsML-G2 newsMessage) is stored as one wire item each, every one
 * keeping the whole message as its copy: at most 50 items, and at most 8 MB kept in all (items ×
 * the message's size), so that no message makes a transaction of hundreds of megabytes.
 */
export const MAX_DELIVERY_ITEMS = 50;
export const MAX_DELIVERY_STORED_BYTES = 8 * 1024 * 1024;

/**
 * created: a new draft. updated: a newer version rewrote a draft. pending: a newer version of a
 * live story waits for an editor. withdrawn: pubstatus canceled killed the story. duplicate: this
 * copy (or this guid and version) was already ingested; nothing changed.
 */
export type IngestOutcome = "created" | "updated" | "pending" | "withdrawn" | "duplicate" | "queued" | "dropped";
/** `readBeside`: reads the pictures the copy names by path, where it came with them (a watched folder, an FTP server, files named on the command line). */
export type WireInput = { raw: string | Uint8Array; receivedAt?: Date; tags?: WireTag[]; readBeside?: BesideReader | null };
/**
 * What a source's rules (lib/wire-sources/wire-rules.ts) made of a new item: drop it, or set its
 * priority, add tags, send it to a desk queue.
 */
export type WireRouting = { drop: boolean; priority: ParsedWireItem["parse"]["priority"]; tags: WireTag[]; desk: string | null };
/** storyId: null for an item waiting on the desk (queued), or dropped by a rule. */
type ItemOk = { ok: true; outcome: IngestOutcome; storyId: string | null; wireItemId: string | null };
/**
 * One result per input. An input of several items (a NewsML-G2 newsMessage) answers with its
 * first item's result, and lists every item's in `items`.
 */
export type ItemResult = (ItemOk & { items?: (ItemOk | { ok: false; error: AppError })[] }) | { ok: false; error: AppError };

type Prepared = {
  index: number;
  /** Which item of its input this is, and how many the input holds. */
  part: number;
  parts: number;
  item: ParsedWireItem;
  raw: string;
  hash: string;
  receivedAt: Date;
  tags: WireTag[];
  /** The slug line as takes match it (lib/wire/read-take.ts slugKey). */
  slug: string | null;
  columns: DeskColumns;
  routing: WireRouting | null;
  /** Its pictures in the media library, the lead first (fetched before the transaction). */
  mediaIds: string[];
  readBeside: BesideReader | null;
};

/** How far back a take looks for the story its slug line names: agencies reuse slugs day after day. */
const TAKE_WINDOW_MS = 48 * 3600_000;
/**
 * Who delivers a batch: the actor, by a path (and through the API, a key; from an ingest
 * provider, its source), and where new items go: drafts, or the wire desk's queue.
 */
type Sender = WirePath & { actor: Actor; into: "draft" | "queue" };

const LIVE = new Set(["published", "scheduled"]);

/** Parses copy or answers 422 with the parser's one-line reason; nothing is stored either way. */
export function parseOrReject(raw: string | Uint8Array, receivedAt: Date): ParsedWireItem {
  return parseAllOrReject(raw, receivedAt)[0];
}

/** Every item of a delivery (a NewsML-G2 newsMessage holds several), or 422 as parseOrReject. */
export function parseAllOrReject(raw: string | Uint8Array, receivedAt: Date): ParsedWireItem[] {
  const size = typeof raw === "string" ? Buffer.byteLength(raw) : raw.byteLength;
  if (size > MAX_WIRE_BYTES) throw new AppError("validation_failed", "The item is larger than 1 MB", { body: ["The item is larger than 1 MB"] });
  let items: ParsedWireItem[];
  try {
    items = parseWireItems(raw, { receivedAt });
  } catch (error) {
    if (error instanceof WireError) throw new AppError("validation_failed", error.message, { body: [error.message] });
    throw error;
  }
  const reject = (message: string) => new AppError("validation_failed", message, { body: [message] });
  if (items.length > MAX_DELIVERY_ITEMS) throw reject(`The message holds ${items.length} items; at most ${MAX_DELIVERY_ITEMS} are taken in one delivery: send them in smaller messages`);
  if (items.length > 1 && items.length * size > MAX_DELIVERY_STORED_BYTES) {
    throw reject(`The message holds ${items.length} items in ${Math.ceil(size / 1024)} KB: each item keeps the whole message, more than ${MAX_DELIVERY_STORED_BYTES / 1024 / 1024} MB in all; send them in smaller messages`);
  }
  for (const item of items) checkIdentity(item);
  return items;
}

/** A NINJS / NewsML-G2 identity that no later version could match is refused, not stored. */
function checkIdentity(item: ParsedWireItem) {
  const reject = (field: string, message: string) => new AppError("validation_failed", message, { [field]: [message] });
  const { guid, version } = item.parse;
  if (version !== null && (!Number.isSafeInteger(version) || version < 0 || version > MAX_WIRE_VERSION)) {
    throw reject("version", `The ${item.parse.format === "newsml" ? "NewsML-G2" : "NINJS"} version ${version} is not usable: a version is a whole number from 0 to ${MAX_WIRE_VERSION.toLocaleString("en-US")}`);
  }
  if (guid !== null && guid.length > 1000) throw reject("uri", "The NINJS uri is longer than 1,000 characters");
  if (guid !== null && !isCleanText(guid)) throw reject("uri", "The NINJS uri holds control characters or other characters no identifier has");
}

/**
 * Stores items of agency copy: new drafts, updates of the drafts they revise, pending updates of
 * live stories, withdrawals, or nothing (duplicates). Every way in (the editor's "New from wire",
 * the API, the CLI) comes through here, one item or hundreds at a time; new drafts are written
 * in bulk, so a batch costs a fixed number of queries. A bad item fails alone, with its reason.
 * `tags` are those the editor accepted; the item's own (NINJS subject and place, the dateline's
 * country) are always applied.
 *
 * `into: "queue"` (ingest providers) puts new items on the wire desk instead, for an editor to
 * take (lib/wire-desk/take-wire-item.ts), after the source's rules (`route`); versions, takes and
 * withdrawals of items already in a story go to that story exactly as from the API.
 */
export async function ingestWireItems(options: {
  actor: Actor;
  via: WirePath;
  items: WireInput[];
  into?: "draft" | "queue";
  route?: (item: ParsedWireItem) => WireRouting;
}): Promise<ItemResult[]> {
  const { actor } = options;
  requirePermission(actor, "story.create");
  const sender: Sender = { actor, channel: options.via.channel, apiKeyId: options.via.apiKeyId, sourceId: options.via.sourceId ?? null, into: options.into ?? "draft" };
  const results: (ItemResult | undefined)[] = options.items.map(() => undefined);
  const prepared: Prepared[] = [];
  const parts: ItemResult[][] = options.items.map(() => []);
  // Items handed over together (one poll, one request) are received in the order given, a
  // millisecond apart and the last one now, so the desk's "newest first" keeps that order (a
  // version 2 after its 1) rather than leaving a tie to chance.
  const handedOverAt = Date.now() - (options.items.length - 1);
  for (const [index, input] of options.items.entries()) {
    try {
      const receivedAt = input.receivedAt ?? new Date(handedOverAt + index);
      const items = parseAllOrReject(input.raw, receivedAt);
      const raw = storedWireText(input.raw);
      for (const [part, item] of items.entries()) {
        const slug = item.parse.slugline ? slugKey(item.parse.slugline) : null;
        const routing = options.route ? options.route(item) : null;
        if (routing?.drop) {
          parts[index][part] = { ok: true, outcome: "dropped", storyId: null, wireItemId: null };
          continue;
        }
        const tags = mergeTags(input.tags ?? [], routing?.tags ?? []);
        prepared.push({ index, part, parts: items.length, item, raw, hash: itemHash(raw, item, items.length), receivedAt, tags, slug, columns: deskColumns(item), routing, mediaIds: [], readBeside: input.readBeside ?? null });
      }
    } catch (error) {
      if (!isAppError(error)) throw error;
      results[index] = { ok: false, error };
    }
  }
  const settle = (p: Prepared, result: ItemResult) => {
    parts[p.index][p.part] = result;
  };
  // A draft is answered with its pictures; the desk's queue shows an item at once, and its pictures
  // (seconds each to render) follow it there (queuedPictures, below).
  if (sender.into === "draft") await fetchPictures(actor, prepared);

  const { settled, later } = await retryOnUniqueViolation(() =>
    db.$transaction((tx) => (sender.into === "queue" ? enqueueFresh(tx, sender, prepared) : ingestPrepared(tx, sender, prepared)), { timeout: 60_000, maxWait: 20_000 }),
  );
  for (const [p, result] of settled) settle(p, result);
  // Revisions of held stories and takes (rare) each get a transaction of their own, after the new
  // drafts are committed: their locks (story row, slug, tags) then never interleave with the batch's.
  for (const p of later) {
    try {
      settle(p, await retryOnUniqueViolation(() =>
        db.$transaction(async (tx) => {
          await lockNames(tx, [`wire:${p.hash}`, ...(p.item.parse.guid ? [`wire-guid:${p.item.parse.guid}`] : []), ...(p.slug ? [`wire-slug:${p.slug}`] : [])]);
          return ingestLater(tx, sender, p);
        }),
      ));
    } catch (error) {
      if (!isAppError(error)) throw error;
      settle(p, { ok: false, error });
    }
  }
  for (const [index, items] of parts.entries()) {
    if (items.length === 0) continue;
    const [first] = items;
    results[index] = items.length === 1 || !first.ok ? first : { ...first, items: items.map((item) => (item.ok ? { ok: true, outcome: item.outcome, storyId: item.storyId, wireItemId: item.wireItemId } : item)) };
  }
  if (sender.into === "queue") await queuedPictures(actor, prepared, parts);
  return results as ItemResult[];
}

/**
 * The pictures of items put on the desk's queue, fetched once the items are there (the poll's
 * connection still open for those read beside them), and kept with the wire item, for the draft
 * an editor takes from it. Taken before they are in, the draft has none.
 */
async function queuedPictures(actor: Actor, prepared: Prepared[], parts: ItemResult[][]) {
  const queued = prepared.filter((p) => {
    const result = parts[p.index][p.part];
    return p.item.pictures.length && result?.ok && result.outcome === "queued" && result.wireItemId;
  });
  if (!queued.length) return;
  await fetchPictures(actor, queued, { fresh: true });
  for (const p of queued) {
    const result = parts[p.index][p.part] as ItemOk;
    if (p.mediaIds.length) {
      await db.wireItem.update({ where: { id: result.wireItemId! }, data: { mediaIds: p.mediaIds, parsed: p.item.parse as unknown as Prisma.InputJsonValue } });
    } else if (p.item.parse.problems.length) {
      await db.wireItem.update({ where: { id: result.wireItemId! }, data: { parsed: p.item.parse as unknown as Prisma.InputJsonValue } });
    }
  }
}

/**
 * The items' pictures into the media library, before any transaction opens (fetching takes
 * seconds). Copy already held is not fetched again; what cannot be fetched is said in the item's
 * problems, and the item comes in without it.
 */
async function fetchPictures(actor: Actor, prepared: Prepared[], options: { fresh?: boolean } = {}) {
  const pictured = prepared.filter((p) => p.item.pictures.length);
  if (!pictured.length) return;
  // (`fresh`: the items were just stored, and are known to be new.)
  const held = options.fresh ? new Set<string>() : new Set((await db.wireItem.findMany({ where: { contentHash: { in: pictured.map((p) => p.hash) } }, select: { contentHash: true } })).map((row) => row.contentHash));
  const cache = new Map<string, Promise<string>>();
  for (const p of pictured) {
    if (held.has(p.hash)) continue;
    const { mediaIds, problems } = await importWirePictures({ actor, pictures: p.item.pictures, readBeside: p.readBeside, cache });
    p.mediaIds = mediaIds;
    p.item.parse.problems.push(...problems);
  }
}

async function ingestPrepared(tx: Tx, sender: Sender, prepared: Prepared[]): Promise<{ settled: Map<Prepared, ItemResult>; later: Prepared[] }> {
  const results = new Map<Prepared, ItemResult>();
  const guids = [...new Set(prepared.flatMap((p) => (p.item.parse.guid ? [p.item.parse.guid] : [])))];
  // Deliveries of the same copy, or of the same agency item, queue up here instead of racing.
  await lockNames(tx, [...prepared.map((p) => `wire:${p.hash}`), ...guids.map((guid) => `wire-guid:${guid}`)]);
  const seen = new Map(
    (await tx.wireItem.findMany({ where: { contentHash: { in: prepared.map((p) => p.hash) } }, select: { id: true, storyId: true, contentHash: true } })).map((row) => [row.contentHash, row]),
  );
  const held = new Set(guids.length ? (await tx.story.findMany({ where: { wireGuid: { in: guids } }, select: { wireGuid: true } })).map((row) => row.wireGuid!) : []);

  const fresh: Fresh[] = [];
  // A repeat of copy or of a guid earlier in this batch, a version of a held story, or a take
  // (which looks for its story by slug line once the batch's new stories are committed).
  const later: Prepared[] = [];
  const firstOfHash = new Set<string>();
  const firstOfGuid = new Set<string>();
  for (const p of prepared) {
    const guid = p.item.parse.guid;
    const hit = seen.get(p.hash);
    if (hit) results.set(p, { ok: true, outcome: "duplicate", storyId: hit.storyId, wireItemId: hit.id });
    else if (firstOfHash.has(p.hash) || (guid && (held.has(guid) || firstOfGuid.has(guid))) || (!guid && p.slug && p.item.parse.take)) later.push(p);
    else if (p.item.pubstatus === "canceled") results.set(p, { ok: false, error: nothingToWithdraw() });
    else {
      try {
        fresh.push(freshStory(p));
        // Only an accepted item makes later copies of it (or later versions) revisions.
        firstOfHash.add(p.hash);
        if (guid) firstOfGuid.add(guid);
      } catch (error) {
        if (!isAppError(error)) throw error;
        results.set(p, { ok: false, error });
      }
    }
  }
  for (const [p, result] of await createFromWire(tx, sender, fresh)) results.set(p, result);
  return { settled: results, later };
}

/** An item that makes a new draft, with the story input it makes (`source` is the item as prepared, the key of its result). */
type Fresh = Prepared & { source: Prepared; input: ReturnType<typeof parseInput<typeof createStorySchema>> };

const nothingToWithdraw = () => new AppError("validation_failed", "The item is canceled and no story holds it: there is nothing to withdraw", { body: ["pubstatus is canceled"] });

/** The draft an item makes: the item's own tags and those the editor accepted; 422 for copy a story cannot hold. */
const freshStory = (p: Prepared): Fresh => ({ ...p, source: p, input: parseInput(createStorySchema, storyInputFromWire(p.item, mergeTags(p.item.parse.tags, p.tags), p.mediaIds)) });

/** A wire item's columns, as bulk inserts write them (drafts made in bulk, and new items into the desk's queue). */
const WIRE_ITEM_COLUMNS: Parameters<typeof bulkInsert<WireItemRow>>[2] = [
    { name: "id", type: "uuid", value: (r) => r.id },
    { name: "storyId", type: "uuid", value: (r) => r.storyId },
    { name: "format", type: "text", value: (r) => r.format },
    { name: "contentHash", type: "text", value: (r) => r.contentHash },
    { name: "guid", type: "text", value: (r) => r.guid },
    { name: "version", type: "int", value: (r) => r.version },
    { name: "state", type: "text", cast: '"WireItemState"', value: (r) => r.state },
    { name: "raw", type: "text", value: (r) => r.raw },
    { name: "parsed", type: "jsonb", value: (r) => r.parsed },
    { name: "receivedAt", type: "timestamp", value: (r) => r.receivedAt },
    { name: "senderId", type: "uuid", value: (r) => r.senderId },
    { name: "channel", type: "text", cast: '"WireChannel"', value: (r) => r.channel },
    { name: "apiKeyId", type: "uuid", value: (r) => r.apiKeyId },
    { name: "agency", type: "text", value: (r) => r.agency },
    { name: "priority", type: "text", cast: '"WirePriority"', value: (r) => r.priority },
    { name: "category", type: "text", value: (r) => r.category },
    { name: "slugKey", type: "text", value: (r) => r.slugKey },
    { name: "takeKind", type: "text", cast: '"WireTakeKind"', value: (r) => r.takeKind },
    { name: "sourceId", type: "uuid", value: (r) => r.sourceId },
    { name: "deskState", type: "text", cast: '"WireDeskState"', value: (r) => r.deskState },
    { name: "takenById", type: "uuid", value: (r) => r.takenById },
    { name: "takenAt", type: "timestamp", value: (r) => r.takenAt },
    { name: "desk", type: "text", value: (r) => r.desk },
    { name: "ruleTags", type: "jsonb", value: (r) => r.ruleTags },
    { name: "headline", type: "text", value: (r) => r.headline },
    { name: "slugline", type: "text", value: (r) => r.slugline },
    { name: "dateline", type: "text", value: (r) => r.dateline },
    { name: "wordCount", type: "int", value: (r) => r.wordCount },
    { name: "clusterId", type: "uuid", value: (r) => r.clusterId },
    { name: "minhash", type: "text", cast: "int4[]", value: (r) => `{${r.minhash.join(",")}}` },
    { name: "lshBands", type: "text", cast: "int8[]", value: (r) => `{${r.lshBands.join(",")}}` },
    { name: "mediaIds", type: "text", cast: "uuid[]", value: (r) => `{${r.mediaIds.join(",")}}` },
];

/** New drafts from items, written in bulk (a fixed number of queries for the batch), each with its wire item. */
async function createFromWire(tx: Tx, sender: Sender, fresh: Fresh[]): Promise<Map<Prepared, ItemResult>> {
  const { actor } = sender;
  const results = new Map<Prepared, ItemResult>();
  if (fresh.length === 0) return results;
  const ids = await createStoriesInTx(
    tx,
    actor,
    fresh.map((p) => ({
      input: p.input,
      // Whoever delivers an item first owns its versions (or, for copy with a slug line, its takes).
      origin: {
        wireGuid: p.item.parse.guid,
        wireVersion: p.item.parse.version,
        owner: p.item.parse.guid || p.slug ? { channel: sender.channel, apiKeyId: sender.apiKeyId } : null,
        headlineProposed: needsHeadline(p.item),
      },
    })),
  );
  const rowIds = fresh.map(() => crypto.randomUUID());
  const clusters = await findClusters(tx, fresh.map((p, i) => clusterable(p, rowIds[i])));
  const wireRows: WireItemRow[] = [];
  for (const [i, p] of fresh.entries()) wireRows.push(await wireItemRow(tx, p, sender, ids[i], "applied", { id: rowIds[i], clusterId: clusters[i] }));
  await bulkInsert(tx, "WireItem", WIRE_ITEM_COLUMNS, wireRows);
  fresh.forEach((p, i) => results.set(p.source, { ok: true, outcome: "created", storyId: ids[i], wireItemId: wireRows[i].id }));
  return results;
}

/**
 * An item taken one at a time: a take (matched by slug line), a version of an item already held
 * (in a story, or waiting on the desk), or, into the desk's queue, any new item.
 */
async function ingestLater(tx: Tx, sender: Sender, p: Prepared): Promise<ItemResult> {
  const seen = await tx.wireItem.findUnique({ where: { contentHash: p.hash }, select: { id: true, storyId: true } });
  if (seen) return { ok: true, outcome: "duplicate", storyId: seen.storyId, wireItemId: seen.id };
  const { guid } = p.item.parse;
  if (!guid && p.slug && p.item.parse.take) return ingestTake(tx, sender, p);
  if (sender.into === "queue" && !(guid && (await tx.story.findUnique({ where: { wireGuid: guid }, select: { id: true } })))) return enqueue(tx, sender, p);
  return ingestRevision(tx, sender, p);
}

/**
 * An item for the wire desk's queue, in no story yet: new, or a later version (or withdrawal) of
 * one waiting there, stacked in its cluster. Versions follow the rules of stories' versions: only
 * the source that delivered the item may send them, and never an older one.
 */
async function enqueue(tx: Tx, sender: Sender, p: Prepared): Promise<ItemResult> {
  const { guid, version } = p.item.parse;
  const canceled = p.item.pubstatus === "canceled" || p.item.parse.take?.kind === "kill";
  if (guid) {
    const held = await tx.wireItem.findFirst({ where: { guid }, orderBy: [{ version: { sort: "desc", nulls: "last" } }, { receivedAt: "desc" }], select: { version: true, sourceId: true, channel: true, source: { select: { name: true } } } });
    if (held) {
      if (isRepeatOfQueued(held, sender, guid, version)) return { ok: true, outcome: "duplicate", storyId: null, wireItemId: null };
    } else if (p.item.pubstatus === "canceled") {
      throw nothingToWithdraw();
    }
  }
  const row = await wireItemRow(tx, p, sender, null, canceled ? "withdrawn" : "queued");
  await tx.wireItem.create({ data: row });
  return { ok: true, outcome: "queued", storyId: null, wireItemId: row.id };
}

type HeldQueued = { version: number | null; sourceId: string | null; channel: string | null; source: { name: string } | null };

/**
 * Whether an item with the guid of one waiting on the desk repeats it (the same version): a later
 * version is new, an older one a 409, and one from another sender a 403 (versions are accepted
 * only from whoever delivered the first, as stories' versions are).
 */
function isRepeatOfQueued(held: HeldQueued, sender: Sender, guid: string, version: number | null): boolean {
  if (held.channel !== sender.channel || held.sourceId !== sender.sourceId) {
    throw new AppError("forbidden", `${guid} was first delivered by ${held.source ? `the ingest source “${held.source.name}”` : "another sender"}, and its versions are accepted only from there`);
  }
  const heldVersion = held.version ?? 0;
  const incoming = version ?? 0;
  if (incoming < heldVersion) throw new AppError("conflict", `Version ${incoming} of ${guid} is older than version ${heldVersion}, which is already held`);
  return incoming === heldVersion;
}

/**
 * New items into the desk's queue, in one transaction of a fixed number of statements however
 * many there are (a watched folder taking 20 files a second cannot afford ten statements for each,
 * and each waits on the desk until its transaction commits). What is not plainly new is left for
 * one at a time (`later`): a take, a withdrawal, a repeat within the batch, a version of an item
 * held in a story.
 */
async function enqueueFresh(tx: Tx, sender: Sender, prepared: Prepared[]): Promise<{ settled: Map<Prepared, ItemResult>; later: Prepared[] }> {
  const results = new Map<Prepared, ItemResult>();
  const later: Prepared[] = [];
  const candidates: Prepared[] = [];
  const hashes = new Set<string>();
  const guids = new Set<string>();
  for (const p of prepared) {
    const { guid, take } = p.item.parse;
    const withdrawal = p.item.pubstatus === "canceled" || take?.kind === "kill";
    if (withdrawal || take || hashes.has(p.hash) || (guid && guids.has(guid))) {
      later.push(p);
      continue;
    }
    candidates.push(p);
    hashes.add(p.hash);
    if (guid) guids.add(guid);
  }
  if (candidates.length === 0) return { settled: results, later };
  // The locks each item would take on its own (its copy, its agency id, its slug line), all at once.
  await lockNames(tx, [
    ...candidates.map((p) => `wire:${p.hash}`),
    ...[...guids].map((guid) => `wire-guid:${guid}`),
    ...candidates.flatMap((p) => (p.slug ? [`wire-slug:${p.slug}`] : [])),
  ]);
  const seen = new Map((await tx.wireItem.findMany({ where: { contentHash: { in: [...hashes] } }, select: { id: true, storyId: true, contentHash: true } })).map((row) => [row.contentHash, row]));
  const guidList = [...guids];
  const inStories = new Set(guidList.length ? (await tx.story.findMany({ where: { wireGuid: { in: guidList } }, select: { wireGuid: true } })).map((row) => row.wireGuid!) : []);
  const queued = new Map(
    guidList.length
      ? (
          await tx.$queryRaw<(HeldQueued & { guid: string; sourceName: string | null })[]>`
            SELECT DISTINCT ON (w."guid") w."guid", w."version", w."sourceId", w."channel"::text AS "channel", src."name" AS "sourceName"
            FROM "WireItem" w LEFT JOIN "WireSource" src ON src."id" = w."sourceId"
            WHERE w."guid" = ANY(${guidList}::text[])
            ORDER BY w."guid", w."version" DESC NULLS LAST, w."receivedAt" DESC`
        ).map((row) => [row.guid, { ...row, source: row.sourceName === null ? null : { name: row.sourceName } }])
      : [],
  );
  const fresh: Prepared[] = [];
  for (const p of candidates) {
    const hit = seen.get(p.hash);
    const guid = p.item.parse.guid;
    if (hit) results.set(p, { ok: true, outcome: "duplicate", storyId: hit.storyId, wireItemId: hit.id });
    else if (guid && inStories.has(guid)) later.push(p);
    else {
      const held = guid ? queued.get(guid) : undefined;
      try {
        if (held && isRepeatOfQueued(held, sender, guid!, p.item.parse.version)) results.set(p, { ok: true, outcome: "duplicate", storyId: null, wireItemId: null });
        else fresh.push(p);
      } catch (error) {
        if (!isAppError(error)) throw error;
        results.set(p, { ok: false, error });
      }
    }
  }
  const ids = fresh.map(() => crypto.randomUUID());
  const clusters = await findClusters(tx, fresh.map((p, i) => clusterable(p, ids[i])));
  const rows: WireItemRow[] = [];
  for (const [i, p] of fresh.entries()) rows.push(await wireItemRow(tx, p, sender, null, "queued", { id: ids[i], clusterId: clusters[i] }));
  await bulkInsert(tx, "WireItem", WIRE_ITEM_COLUMNS, rows);
  fresh.forEach((p, i) => results.set(p, { ok: true, outcome: "queued", storyId: null, wireItemId: ids[i] }));
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
  const [held] = await tx.$queryRaw<(Held & HeldPictures)[]>`
    SELECT "id", "status"::text AS "status", "version", "wireVersion", "embargoUntil", "body", "leadImageId",
      "wireOwnerId", "wireOwnerChannel"::text AS "wireOwnerChannel", "wireOwnerApiKeyId", "wireOwnerSourceId"
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
    const fields = storyUpdateFromWire(p.item, p.mediaIds, held);
    // A newer version that drops the embargo line does not lift an embargo the story holds.
    const embargo = [held.embargoUntil?.toISOString(), fields.embargoUntil].filter((v): v is string => !!v).sort().pop() ?? null;
    changes = parseInput(updateStorySchema, { ...fields, embargoUntil: embargo, version: held.version });
  }

  const record = async (state: "applied" | "pending" | "withdrawn") => {
    await tx.story.update({ where: { id: held.id }, data: { wireVersion: incoming, ...owner } });
    const row = await wireItemRow(tx, p, sender, held.id, state);
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

/**
 * A take of plain agency copy (an add, a new lead or write-through, a correction, a kill), matched
 * to its story by slug line and agency, under the rules NINJS versions follow: only the source
 * that delivered the story may revise it, a killed story stays killed, a live story is never
 * changed silently (the take waits as its pending update), and a kill withdraws it. A take whose
 * story is not held (it came first, or from long ago) makes a draft of its own; a kill of nothing
 * is refused.
 */
async function ingestTake(tx: Tx, sender: Sender, p: Prepared): Promise<ItemResult> {
  const { actor } = sender;
  const seen = await tx.wireItem.findUnique({ where: { contentHash: p.hash }, select: { id: true, storyId: true } });
  if (seen) return { ok: true, outcome: "duplicate", storyId: seen.storyId, wireItemId: seen.id };
  const take = p.item.parse.take!;
  const { agency } = p.item.parse;
  // A take often names no agency of its own (an add has no dateline): it matches on the slug line
  // alone; one that does name an agency matches that agency's items, or items that named none.
  const previous = await tx.wireItem.findFirst({
    where: {
      slugKey: slugKey(p.item.parse.slugline!),
      ...(agency ? { OR: [{ agency }, { agency: null }] } : {}),
      receivedAt: { gte: new Date(p.receivedAt.getTime() - TAKE_WINDOW_MS), lte: new Date(p.receivedAt.getTime() + TAKE_WINDOW_MS) },
    },
    orderBy: { receivedAt: "desc" },
    select: { storyId: true },
  });
  if (!previous) {
    if (take.kind === "kill") throw new AppError("validation_failed", `The kill names ${p.item.parse.slugline}, and no story holds that slug line: there is nothing to withdraw`, { body: ["no story holds the slug line"] });
    if (sender.into === "queue") return enqueue(tx, sender, p);
    return (await createFromWire(tx, sender, [freshStory(p)])).get(p)!;
  }
  // Its story's first take is still on the desk: this one stacks under it there.
  if (!previous.storyId) return enqueue(tx, sender, p);
  const [held] = await tx.$queryRaw<(Held & HeldPictures)[]>`
    SELECT "id", "status"::text AS "status", "version", "wireVersion", "embargoUntil", "body", "leadImageId",
      "wireOwnerId", "wireOwnerChannel"::text AS "wireOwnerChannel", "wireOwnerApiKeyId", "wireOwnerSourceId"
    FROM "Story" WHERE "id" = ${previous.storyId}::uuid FOR UPDATE`;
  const label = `the story slugged ${p.item.parse.slugline}`;
  const owner = await ownership(tx, held, sender, `The story slugged ${p.item.parse.slugline}`);
  const record = async (state: "applied" | "pending" | "withdrawn") => {
    if (Object.keys(owner).length) await tx.story.update({ where: { id: held.id }, data: owner });
    const row = await wireItemRow(tx, p, sender, held.id, state);
    await tx.wireItem.create({ data: row });
    return row.id;
  };
  if (take.kind === "kill") {
    if (held.status !== "killed") await killStoryInTx(tx, actor, held.id, `agency killed ${label}${take.note ? `: ${take.note}` : ""}`);
    return { ok: true, outcome: "withdrawn", storyId: held.id, wireItemId: await record("withdrawn") };
  }
  if (held.status === "killed") throw new AppError("conflict", `${label[0].toUpperCase()}${label.slice(1)} was killed; a later take cannot revive it`);
  if (LIVE.has(held.status)) return { ok: true, outcome: "pending", storyId: held.id, wireItemId: await record("pending") };
  const fields = takeChanges(p.item, held, p.mediaIds);
  const embargo = [held.embargoUntil?.toISOString(), fields.embargoUntil].filter((v): v is string => !!v).sort().pop() ?? null;
  await updateStoryInTx(tx, actor, held.id, parseInput(updateStorySchema, { ...fields, embargoUntil: embargo, version: held.version }));
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
  wireOwnerSourceId: string | null;
};

/**
 * Whether this delivery comes from the source that owns the held item's versions: the same user,
 * by the same path, through the API with the same key (or, once that key is revoked, another key
 * of the same user: keys are rotated). Anyone else gets 403, naming both sources in words.
 * Returns the owner columns to store with the accepted version: the path is pinned where it was
 * not recorded (items from before senders were kept), the key moved on after a rotation.
 */
async function ownership(tx: Tx, held: Held, sender: Sender, item: string): Promise<Prisma.StoryUncheckedUpdateInput> {
  const pinned = { wireOwnerId: sender.actor.id, wireOwnerChannel: sender.channel, wireOwnerApiKeyId: sender.apiKeyId, wireOwnerSourceId: sender.sourceId ?? null };
  // An owner gone from the database (never, as users are deactivated, not deleted) leaves it to the next source.
  if (!held.wireOwnerId) return pinned;
  if (held.wireOwnerId === sender.actor.id) {
    if (held.wireOwnerChannel === null) return pinned;
    if (held.wireOwnerChannel === sender.channel && sender.channel === "source") {
      // Every source delivers as the Wire desk: the source itself owns the versions.
      if (held.wireOwnerSourceId === sender.sourceId) return {};
    } else if (held.wireOwnerChannel === sender.channel) {
      if (sender.channel !== "api" || held.wireOwnerApiKeyId === sender.apiKeyId) return {};
      const ownerKey = held.wireOwnerApiKeyId ? await tx.apiKey.findUnique({ where: { id: held.wireOwnerApiKeyId }, select: { revokedAt: true } }) : null;
      if (!ownerKey || ownerKey.revokedAt) return pinned;
    }
  }
  const ownerUser = await tx.user.findUnique({ where: { id: held.wireOwnerId }, select: { id: true, name: true, email: true, role: true } });
  const ownerKey = held.wireOwnerApiKeyId ? await tx.apiKey.findUnique({ where: { id: held.wireOwnerApiKeyId }, select: { prefix: true } }) : null;
  const senderKey = sender.apiKeyId ? await tx.apiKey.findUnique({ where: { id: sender.apiKeyId }, select: { prefix: true } }) : null;
  const sourceName = async (id: string | null | undefined) => (id ? ((await tx.wireSource.findUnique({ where: { id }, select: { name: true } }))?.name ?? null) : null);
  const owner = describeWireSender({ user: ownerUser, channel: held.wireOwnerChannel as WirePath["channel"] | null, apiKeyPrefix: ownerKey?.prefix ?? null, sourceName: await sourceName(held.wireOwnerSourceId) });
  const self = describeWireSender({ user: sender.actor, channel: sender.channel, apiKeyPrefix: senderKey?.prefix ?? null, sourceName: await sourceName(sender.sourceId) });
  throw new AppError(
    "forbidden",
    `${item} was first delivered by ${owner}, and its versions are accepted only from there. This one came from ${self} and was refused; to change the story, edit it instead.`,
  );
}

type WireItemRow = Awaited<ReturnType<typeof wireItemRow>>;

/**
 * The wire item's row: the copy, its parse, who sent it and by which path, and what the desk
 * shows and clusters it by. An item in a story is "taken" on the desk: by its sender when it
 * made the story (or a draft's update), and for a pending update of a live story by nobody yet.
 */
const clusterable = (p: Prepared, ownId: string) => ({ ownId, guid: p.item.parse.guid, slugKey: p.slug, isTake: !!p.item.parse.take, receivedAt: p.receivedAt, columns: p.columns });

async function wireItemRow(tx: Tx, p: Prepared, sender: Sender, storyId: string | null, state: "applied" | "pending" | "withdrawn" | "queued", found?: { id: string; clusterId: string }) {
  const id = found?.id ?? crypto.randomUUID();
  const clusterId = found?.clusterId ?? (await findCluster(tx, clusterable(p, id)));
  const takenBy = storyId && state === "applied" ? sender.actor.id : null;
  return {
    id,
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
    agency: p.item.parse.agency,
    priority: p.routing?.priority ?? p.item.parse.priority,
    category: p.item.parse.category,
    slugKey: p.item.parse.slugline ? slugKey(p.item.parse.slugline) : null,
    takeKind: p.item.parse.take?.kind ?? null,
    sourceId: sender.sourceId ?? null,
    deskState: storyId ? ("taken" as const) : ("new" as const),
    takenById: takenBy,
    takenAt: takenBy ? new Date() : null,
    desk: p.routing?.desk ?? null,
    ruleTags: p.routing?.tags.length ? (p.routing.tags as unknown as Prisma.InputJsonValue) : undefined,
    clusterId,
    mediaIds: p.mediaIds,
    ...p.columns,
  };
}

/** The item's own tags first, then the accepted suggestions, without repeats. */
export function mergeTags(own: WireTag[], accepted: WireTag[]): WireTag[] {
  const seen = new Set<string>();
  return [...own, ...accepted].filter((tag) => {
    const key = `${tag.type}:${tag.name.toLocaleLowerCase("en")}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
