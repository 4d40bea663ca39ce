import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { isUuid } from "@/lib/ids";
import { parseInput } from "@/lib/validation";
import { createStorySchema } from "@/lib/stories/schemas";
import { createStoriesInTx } from "@/lib/stories/create-stories";
import { storySelect, toStoryJson, type StoryJson } from "@/lib/stories/story-shape";
import type { WireTag } from "@/lib/wire/types";
import { mergeTags } from "@/lib/wire-ingest/ingest-wire-items";
import { needsHeadline, storyInputFromWire } from "@/lib/wire-ingest/story-from-wire";
import { parseStoredWireItem } from "@/lib/wire-ingest/stored-wire-item";
import { describeTaken } from "@/lib/wire-desk/describe-taken";

/**
 * Takes an item from the wire desk into a new draft, made from its copy as an item posted to the
 * API makes one (tags: the item's own and those its source's rules add). Exclusive: of two
 * editors taking the same item at once, one gets the draft and the other a 409 naming who took
 * it. The draft's later versions belong to the item's sender (its source), as from the API.
 */
export async function takeWireItem(options: { actor: Actor; itemId: string }): Promise<StoryJson> {
  const { actor, itemId } = options;
  requirePermission(actor, "wire.take");
  requirePermission(actor, "story.create");
  if (!isUuid(itemId)) throw new AppError("not_found", "No such wire item");
  const storyId = await db.$transaction(async (tx) => {
    // The row's lock decides between two editors: the second waits here, then sees the first's story.
    const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "WireItem" WHERE "id" = ${itemId}::uuid FOR UPDATE`;
    if (!row) throw new AppError("not_found", "No such wire item");
    const item = await tx.wireItem.findUniqueOrThrow({
      where: { id: itemId },
      select: {
        raw: true, receivedAt: true, guid: true, version: true, state: true, storyId: true, ruleTags: true, mediaIds: true,
        senderId: true, channel: true, apiKeyId: true, sourceId: true,
        takenBy: { select: { name: true } }, takenAt: true, story: { select: { headline: true } },
      },
    });
    if (item.storyId) throw new AppError("conflict", describeTaken(item));
    if (item.state === "withdrawn") throw new AppError("conflict", "The agency withdrew this item: it cannot be taken into a story");
    const parsed = parseStoredWireItem(item);
    if (item.guid) {
      const held = await tx.story.findUnique({ where: { wireGuid: item.guid }, select: { headline: true } });
      if (held) throw new AppError("conflict", `Another version of this item is already in the story “${held.headline}”`);
    }
    const tags = mergeTags(parsed.parse.tags, (item.ruleTags as WireTag[] | null) ?? []);
    const [id] = await createStoriesInTx(tx, actor, [
      {
        input: parseInput(createStorySchema, storyInputFromWire(parsed, tags, item.mediaIds)),
        origin: {
          wireGuid: item.guid,
          wireVersion: item.version,
          // Its versions (or takes) keep coming from whoever sent it: the source, not the editor.
          owner: item.senderId && item.channel ? { channel: item.channel, apiKeyId: item.apiKeyId, sourceId: item.sourceId, userId: item.senderId } : null,
          headlineProposed: needsHeadline(parsed),
        },
      },
    ]);
    const now = new Date();
    await tx.wireItem.update({ where: { id: itemId }, data: { storyId: id, state: "applied", deskState: "taken", takenById: actor.id, takenAt: now } });
    return id;
  });
  return toStoryJson(await db.story.findUniqueOrThrow({ where: { id: storyId }, select: storySelect, relationLoadStrategy: "join" }));
}
