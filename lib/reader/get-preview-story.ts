import { db } from "@/lib/db";
import { readerStorySelect, toReaderStory, type ReaderStory } from "@/lib/reader/reader-story";
import type { RevisionSnapshot } from "@/lib/stories/revision-snapshot";

/**
 * A story as its preview link shows it (lib/stories/preview-link.ts): as readers will see it once
 * it goes live, so a live story's draft of changes is shown in place of the live copy. A killed
 * story has nothing to preview (null, like one that does not exist).
 */
export async function getPreviewStory(id: string): Promise<ReaderStory | null> {
  const row = await db.story.findUnique({ where: { id }, select: { ...readerStorySelect, status: true, draftChanges: true } });
  if (!row || row.status === "killed") return null;
  const { status: _status, draftChanges, ...fields } = row;
  const story = toReaderStory(fields);
  const draft = draftChanges as RevisionSnapshot | null;
  if (!draft) return story;
  return {
    ...story,
    headline: draft.headline,
    standfirst: draft.standfirst,
    metaDescription: draft.metaDescription ?? "",
    socialHeadline: draft.socialHeadline ?? "",
    body: draft.body,
    byline: draft.byline,
    agency: draft.agency,
    credits: draft.credits,
    dateline: draft.dateline,
    slug: draft.slug,
    tags: draft.tags.map((tag) => ({ ...tag, type: tag.type as ReaderStory["tags"][number]["type"] })),
  };
}
