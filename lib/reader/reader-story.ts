import type { Prisma } from "@/generated/prisma/client";
import type { ReaderPicture } from "@/lib/media/reader-picture";
import type { Rendition } from "@/lib/media/renditions";

/** What reader pages and feeds need of a story; body included (feeds carry full text). */
export const readerStorySelect = {
  id: true,
  slug: true,
  headline: true,
  standfirst: true,
  metaDescription: true,
  socialHeadline: true,
  body: true,
  byline: true,
  agency: true,
  credits: true,
  datelineLocation: true,
  datelineCountry: true,
  datelineDate: true,
  publishedAt: true,
  lastUpdatedAt: true,
  updatedAt: true,
  tags: { select: { tag: { select: { name: true, slug: true, type: true } } }, orderBy: { position: "asc" } },
  // Joined into the same query: an article page stays one query, and feed items carry them too.
  corrections: { select: { id: true, kind: true, note: true, createdAt: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  leadImage: { select: { alt: true, caption: true, credit: true, byline: true, width: true, height: true, renditions: true } },
} satisfies Prisma.StorySelect;

type Row = Prisma.StoryGetPayload<{ select: typeof readerStorySelect }>;

/** Plain data with ISO dates, so it can live in Next's data cache as JSON. `pictures`: those the body shows, by id. */
export function toReaderStory(row: Row, pictures: Record<string, ReaderPicture> = {}) {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    standfirst: row.standfirst,
    /** For search engines and social cards; empty: the standfirst and the headline stand in. */
    metaDescription: row.metaDescription,
    socialHeadline: row.socialHeadline,
    body: row.body,
    byline: row.byline,
    agency: row.agency,
    credits: row.credits,
    dateline: {
      location: row.datelineLocation,
      country: row.datelineCountry,
      date: row.datelineDate ? row.datelineDate.toISOString().slice(0, 10) : null,
    },
    /** First publication: a story taken down and published again keeps it. */
    publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
    /** The last meaningful update (a correction or update note, an editor's "mark as update"); null for none. */
    lastUpdatedAt: row.lastUpdatedAt?.toISOString() ?? null,
    /** Any change at all (a typo fixed too): when cached copies of it go stale, never shown as "Updated". */
    updatedAt: row.updatedAt.toISOString(),
    tags: row.tags.map(({ tag }) => tag),
    corrections: row.corrections.map((correction) => ({ ...correction, createdAt: correction.createdAt.toISOString() })),
    /** The picture the story leads with (its renditions: lib/media/renditions.ts), or null. */
    leadImage: row.leadImage ? ({ ...row.leadImage, renditions: row.leadImage.renditions as Rendition[] } satisfies ReaderPicture) : null,
    /** The pictures the body's figures name (`<figure data-media="{id}">`), by id; one the library no longer holds is left out. */
    pictures,
  };
}

export type ReaderStory = ReturnType<typeof toReaderStory>;

/** What readers are told is the story's modified time: its last meaningful update, else its publication. */
export function modifiedAt(story: Pick<ReaderStory, "publishedAt" | "lastUpdatedAt">): string {
  return story.lastUpdatedAt && story.lastUpdatedAt > story.publishedAt ? story.lastUpdatedAt : story.publishedAt;
}

/** The newest change among these stories (ISO), or null for none: when a list of them last changed. */
export function newestChange(stories: Pick<ReaderStory, "updatedAt">[]): string | null {
  let newest: string | null = null;
  for (const { updatedAt } of stories) if (!newest || updatedAt > newest) newest = updatedAt;
  return newest;
}
