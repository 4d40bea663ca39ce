import type { Prisma } from "@/generated/prisma/client";
import { absoluteUrl, storyPath } from "@/lib/site/urls";
import type { RevisionSnapshot } from "@/lib/stories/revision-snapshot";
import { mediaSelect, toMediaJson } from "@/lib/media/media-shape";

/** What every story read selects: one query, tags joined in (relationJoins). */
export const storySelect = {
  id: true,
  slug: true,
  headline: true,
  standfirst: true,
  metaDescription: true,
  socialHeadline: true,
  body: true,
  status: true,
  version: true,
  byline: true,
  agency: true,
  credits: true,
  datelineLocation: true,
  datelineCountry: true,
  datelineDate: true,
  headlineProposed: true,
  reviewNote: true,
  reviewNoteAt: true,
  reviewNoteBy: { select: { id: true, name: true } },
  embargoUntil: true,
  leadImageId: true,
  leadImage: { select: mediaSelect },
  scheduledAt: true,
  publishedAt: true,
  firstPublishedAt: true,
  lastUpdatedAt: true,
  createdAt: true,
  updatedAt: true,
  createdBy: { select: { id: true, name: true, email: true } },
  updatedBy: { select: { id: true, name: true, email: true } },
  tags: { select: { tag: { select: { name: true, slug: true, type: true } } }, orderBy: { position: "asc" } },
  draftChanges: true,
  draftBaseVersion: true,
  draftSavedAt: true,
  draftBy: { select: { id: true, name: true } },
  corrections: {
    select: { id: true, kind: true, note: true, createdAt: true, author: { select: { id: true, name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.StorySelect;

export type StoryRow = Prisma.StoryGetPayload<{ select: typeof storySelect }>;

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A correction or update note as the API and the editor see it. */
export function toCorrectionJson(row: StoryRow["corrections"][number]) {
  return { id: row.id, kind: row.kind, note: row.note, createdAt: row.createdAt.toISOString(), author: row.author };
}

export type CorrectionJson = ReturnType<typeof toCorrectionJson>;

/** A story as the API and the editor see it. Dates are ISO strings so it survives JSON and caches. */
export function toStoryJson(row: StoryRow) {
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    // Proposed from agency copy that had none, and not yet rewritten: it needs writing.
    headlineProposed: row.headlineProposed,
    // The desk's note when it sent the story back from review (null once it is submitted again).
    reviewNote: row.reviewNote ? { note: row.reviewNote, by: row.reviewNoteBy, at: iso(row.reviewNoteAt) } : null,
    standfirst: row.standfirst,
    metaDescription: row.metaDescription,
    socialHeadline: row.socialHeadline,
    body: row.body,
    status: row.status,
    version: row.version,
    byline: row.byline,
    agency: row.agency,
    credits: row.credits,
    dateline: { location: row.datelineLocation, country: row.datelineCountry, date: isoDate(row.datelineDate) },
    tags: row.tags.map(({ tag }) => ({ name: tag.name, slug: tag.slug, type: tag.type })),
    embargoUntil: iso(row.embargoUntil),
    leadImageId: row.leadImageId,
    // The picture the story leads with, with its renditions (lib/media).
    leadImage: row.leadImage ? toMediaJson(row.leadImage) : null,
    scheduledAt: iso(row.scheduledAt),
    publishedAt: iso(row.publishedAt),
    firstPublishedAt: iso(row.firstPublishedAt),
    // The last meaningful update readers are told of ("Updated …"): a correction, or a save marked as an update.
    lastUpdatedAt: iso(row.lastUpdatedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: row.createdBy,
    updatedBy: row.updatedBy,
    url: absoluteUrl(storyPath(row.slug)),
    // Changes to a live story saved to go live when it is next published (lib/stories/draft-changes.ts).
    draftChanges: (row.draftChanges ?? null) as RevisionSnapshot | null,
    draftBaseVersion: row.draftBaseVersion,
    draftSavedAt: iso(row.draftSavedAt),
    draftSavedBy: row.draftBy,
    corrections: row.corrections.map(toCorrectionJson),
  };
}

export type StoryJson = ReturnType<typeof toStoryJson>;
