import "server-only";
import { db, type Tx } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { recordReaderChange } from "@/lib/outbox/reader-change";
import { ALL_KEY, storyChangeKeys } from "@/lib/cache/surrogate-keys";
import { renderImage } from "@/lib/media/process-image";
import { readMaster } from "@/lib/media/media-store";
import { updateMediaSchema, type UpdateMediaInput } from "@/lib/media/schemas";
import { mediaSelect, toMediaJson } from "@/lib/media/media-shape";
import { noSuchMedia } from "@/lib/media/get-media";

/**
 * Changes a picture's caption, credit, byline, copyright, alt text or focal point. A new focal
 * point makes the crops again from the master (new addresses, as each is named by its bytes);
 * the pages and feeds of stories that show the picture go stale.
 */
export async function updateMedia(options: { actor: Actor; id: string; input: UpdateMediaInput | Record<string, unknown> }) {
  requirePermission(options.actor, "media.edit");
  if (!isUuid(options.id)) throw noSuchMedia();
  const input = parseInput(updateMediaSchema, options.input);
  const before = await db.mediaItem.findUnique({ where: { id: options.id }, select: mediaSelect });
  if (!before) throw noSuchMedia();

  const focal = input.focalPoint ?? { x: before.focalX, y: before.focalY };
  const copyright = input.copyright ?? before.copyright;
  const byline = input.byline ?? before.byline;
  // The files carry the copyright and byline, so a change to either (or to the crops) makes them again.
  const remake = focal.x !== before.focalX || focal.y !== before.focalY || copyright !== before.copyright || byline !== before.byline;
  const renditions = remake ? (await renderImage(await readMaster(before.contentHash, before.format), before.filename, focal, { copyright, byline })).renditions : undefined;

  const row = await db.$transaction(async (tx) => {
    const updated = await tx.mediaItem.update({
      where: { id: options.id },
      data: {
        caption: input.caption,
        credit: input.credit,
        byline: input.byline,
        copyright: input.copyright,
        alt: input.alt,
        focalX: focal.x,
        focalY: focal.y,
        ...(renditions ? { renditions } : {}),
      },
      select: mediaSelect,
    });
    await recordPicturePages(tx, options.id);
    return updated;
  });
  return toMediaJson(row);
}

/** Past this many stories leading with one picture, every page goes stale rather than each by name. */
const MAX_STORY_PAGES = 200;

/** Records, in the picture's transaction, the pages, lists and feeds that show it: those of the stories it leads. */
async function recordPicturePages(tx: Tx, mediaId: string): Promise<void> {
  const stories = await tx.story.findMany({ where: { leadImageId: mediaId }, select: { slug: true, tags: { select: { tag: { select: { slug: true } } } } }, take: MAX_STORY_PAGES + 1 });
  if (stories.length === 0) return;
  if (stories.length > MAX_STORY_PAGES) return recordReaderChange(tx, [ALL_KEY]);
  await recordReaderChange(tx, storyChangeKeys({ slugs: stories.map((story) => story.slug), tagSlugs: stories.flatMap((story) => story.tags.map((link) => link.tag.slug)) }));
}
