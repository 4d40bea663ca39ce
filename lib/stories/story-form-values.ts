import type { StoryJson } from "@/lib/stories/story-shape";
import type { TagType } from "@/lib/stories/schemas";

/** The story editor's fields, as strings the way form inputs hold them. */
export type StoryFormValues = {
  id?: string;
  version?: number;
  headline: string;
  standfirst: string;
  body: string;
  byline: string;
  agency: string;
  credits: string;
  datelineLocation: string;
  datelineCountry: string;
  datelineDate: string;
  slug: string;
  tags: { name: string; type: TagType; slug?: string }[];
};

export const emptyStoryForm: StoryFormValues = {
  headline: "", standfirst: "", body: "", byline: "", agency: "", credits: "",
  datelineLocation: "", datelineCountry: "", datelineDate: "", slug: "", tags: [],
};

export function storyFormValues(story: StoryJson): StoryFormValues {
  return {
    id: story.id,
    version: story.version,
    headline: story.headline,
    standfirst: story.standfirst,
    body: story.body,
    byline: story.byline ?? "",
    agency: story.agency ?? "",
    credits: story.credits ?? "",
    datelineLocation: story.dateline.location ?? "",
    datelineCountry: story.dateline.country ?? "",
    datelineDate: story.dateline.date ?? "",
    slug: story.slug,
    tags: story.tags,
  };
}
