import type { z } from "zod";
import type { updateStorySchema } from "@/lib/stories/schemas";

type StoryFields = Omit<z.output<typeof updateStorySchema>, "version" | "tags" | "slug">;

/**
 * The stored columns for the fields a validated input carries. A field left out of the input is
 * left out here too, so an update changes only what it names.
 */
export function storyColumns<T extends StoryFields>(input: T) {
  const { dateline, embargoUntil, leadImage, ...text } = input;
  return {
    ...text,
    ...(leadImage !== undefined ? { leadImageId: leadImage?.id ?? null } : {}),
    ...(dateline
      ? {
          datelineLocation: dateline.location,
          datelineCountry: dateline.country,
          // A calendar date, stored as midnight UTC so no time zone moves it a day.
          datelineDate: dateline.date ? new Date(`${dateline.date}T00:00:00Z`) : null,
        }
      : {}),
    ...(embargoUntil !== undefined ? { embargoUntil: embargoUntil ? new Date(embargoUntil) : null } : {}),
  };
}
