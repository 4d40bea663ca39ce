import "server-only";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { makeSlug, firstFreeSlug } from "@/lib/stories/make-slug";
import { lockNames } from "@/lib/name-locks";

/** A slug no other story holds, now or as a former slug: the one asked for, or one made from the headline. */
export async function chooseSlug(tx: Tx, options: { requested: string | null | undefined; headline: string; storyId?: string }) {
  await lockNames(tx, [`slug:${options.requested || makeSlug(options.headline)}`]);
  if (options.requested) {
    const [holder, redirect] = await Promise.all([
      tx.story.findUnique({ where: { slug: options.requested }, select: { id: true } }),
      tx.slugRedirect.findUnique({ where: { slug: options.requested }, select: { storyId: true } }),
    ]);
    if ((holder && holder.id !== options.storyId) || (redirect && redirect.storyId !== options.storyId)) {
      throw new AppError("validation_failed", "That slug is already used by another story", {
        slug: ["Already used by another story"],
      });
    }
    return options.requested;
  }
  const base = makeSlug(options.headline);
  const [stories, redirects] = await Promise.all([
    tx.story.findMany({ where: { slug: { startsWith: base }, NOT: options.storyId ? { id: options.storyId } : undefined }, select: { slug: true } }),
    tx.slugRedirect.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } }),
  ]);
  return firstFreeSlug(base, [...stories, ...redirects].map((row) => row.slug));
}
