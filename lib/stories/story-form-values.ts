import type { StoryJson } from "@/lib/stories/story-shape";
import type { MediaJson } from "@/lib/media/media-shape";
import type { TagType } from "@/lib/stories/schemas";
import { hasLiveStatus } from "@/lib/stories/live";

/** The story editor's fields, as strings the way form inputs hold them. */
export type StoryFormValues = {
  id?: string;
  version?: number;
  headline: string;
  standfirst: string;
  metaDescription: string;
  socialHeadline: string;
  body: string;
  byline: string;
  agency: string;
  credits: string;
  datelineLocation: string;
  datelineCountry: string;
  datelineDate: string;
  slug: string;
  tags: { name: string; type: TagType; slug?: string }[];
  /**
   * The picture the story leads with, by id (what is saved and compared), with the picture itself
   * for the editor to show; `picture` is null until the editor has loaded it (a draft of changes
   * naming another picture than the live copy's).
   */
  leadImage: { id: string; picture: MediaJson | null } | null;
  /** Whether the story is live (published or scheduled): its edits may wait as a draft of changes. */
  live?: boolean;
  /** When the draft of changes the form holds was saved; null when the form holds the live copy. */
  draftSavedAt?: string | null;
};

export const emptyStoryForm: StoryFormValues = {
  headline: "", standfirst: "", metaDescription: "", socialHeadline: "", body: "", byline: "", agency: "", credits: "",
  datelineLocation: "", datelineCountry: "", datelineDate: "", slug: "", tags: [], leadImage: null,
};

/** The editor's fields for a story: a story with a draft of changes is edited as the draft reads. */
export function storyFormValues(story: StoryJson): StoryFormValues {
  const copy = story.draftChanges ?? story;
  // A draft saved before stories had pictures names none: the live copy's stands.
  const leadImageId = copy.leadImageId === undefined ? story.leadImageId : copy.leadImageId;
  return {
    id: story.id,
    version: story.version,
    headline: copy.headline,
    standfirst: copy.standfirst,
    metaDescription: copy.metaDescription ?? "",
    socialHeadline: copy.socialHeadline ?? "",
    body: copy.body,
    byline: copy.byline ?? "",
    agency: copy.agency ?? "",
    credits: copy.credits ?? "",
    datelineLocation: copy.dateline.location ?? "",
    datelineCountry: copy.dateline.country ?? "",
    datelineDate: copy.dateline.date ?? "",
    slug: copy.slug,
    tags: copy.tags as StoryFormValues["tags"],
    leadImage: leadImageId ? { id: leadImageId, picture: leadImageId === story.leadImageId ? story.leadImage : null } : null,
    live: hasLiveStatus(story.status),
    draftSavedAt: story.draftChanges ? story.draftSavedAt : null,
  };
}
