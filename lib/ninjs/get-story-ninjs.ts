import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertStoryId } from "@/lib/ids";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { storyToNinjs, type Ninjs } from "@/lib/ninjs/story-to-ninjs";
import type { Rendition } from "@/lib/media/renditions";

const ninjsStorySelect = {
  id: true,
  slug: true,
  headline: true,
  standfirst: true,
  body: true,
  status: true,
  version: true,
  byline: true,
  agency: true,
  credits: true,
  datelineLocation: true,
  datelineCountry: true,
  embargoUntil: true,
  publishedAt: true,
  scheduledAt: true,
  createdAt: true,
  updatedAt: true,
  wireGuid: true,
  tags: { select: { tag: { select: { name: true, slug: true, type: true } } }, orderBy: { position: "asc" } },
  leadImage: { select: { id: true, caption: true, credit: true, byline: true, copyright: true, alt: true, renditions: true } },
} satisfies Prisma.StorySelect;

/** One story by id, in any state, as NINJS for the newsroom's API consumers. */
export async function getStoryNinjs(options: { actor: Actor; id: string }): Promise<Ninjs> {
  requirePermission(options.actor, "story.read");
  assertStoryId(options.id);
  const row = await db.story.findUnique({ where: { id: options.id }, select: ninjsStorySelect, relationLoadStrategy: "join" });
  if (!row) throw new AppError("not_found", "No story with that id");
  const leadImage = row.leadImage ? { ...row.leadImage, renditions: row.leadImage.renditions as Rendition[] } : null;
  return storyToNinjs({ ...row, tags: row.tags.map(({ tag }) => tag), leadImage }, new Date());
}
