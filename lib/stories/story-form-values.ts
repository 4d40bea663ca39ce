import type { StoryJson } from "@/lib/stories/story-shape";
import type { StoryFormValues } from "@/components/admin/story-form";

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
