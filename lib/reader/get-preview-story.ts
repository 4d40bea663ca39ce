import { db } from "@/lib/db";
import { readerStorySelect, toReaderStory, type ReaderStory } from "@/lib/reader/reader-story";
import type { RevisionSnapshot } from "@/lib/stories/revision-snapshot";
import { loadPictures } from "@/lib/media/load-body-pictures";
import { bodyPictureIds } from "@/lib/stories/sanitize-body";

/**
 * A story as its preview link shows it (lib/stories/preview-link.ts): as readers will see it once
 * it goes live, so a live story's draft of changes is shown in place of the live copy. A killed
 * story has nothing to preview (null, like one that does not exist).
 */
export async function getPreviewStory(id: string): Promise<ReaderStory | null> {
  const row = await db.story.findUnique({ where: { id }, select: { ...readerStorySelect, status: true, draftChanges: true } });
  if (!row || row.status === "killed") return null;
  const { status: _status, draftChanges, ...fields } = row;
  const draft = draftChanges as RevisionSnapshot | null;
  // The pictures of the copy shown: the body's figures, and a draft's own lead picture.
  const draftLead = draft?.leadImageId ?? null;
  const pictures = await loadPictures([...bodyPictureIds(draft?.body ?? fields.body), ...(draftLead ? [draftLead] : [])]);
  const story = toReaderStory(fields, pictures);
  if (!draft) return story;
  return {
    ...story,
    leadImage: draftLead ? (pictures[draftLead] ?? null) : null,
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
