// What an embargo means for a story now, for the editor's embargo form and its server action.
// The rule that moves a story when its embargo changes is updateStory's (embargoReschedule in
// lib/stories/update-story.ts); this only says, before the change, what that rule will do.

type EmbargoFields = { status: string; embargoUntil: string | Date | null; scheduledAt: string | Date | null };

const time = (value: string | Date | null) => (value === null ? null : new Date(value).getTime());

/** Whether the embargo still holds the story back. */
export function embargoHolds(story: Pick<EmbargoFields, "embargoUntil">, now = new Date()): boolean {
  const until = time(story.embargoUntil);
  return until !== null && until > now.getTime();
}

/**
 * Whether lifting the embargo now puts the story live at once: it is scheduled only to wait for
 * the embargo (its go-live instant is the embargo's end), so it follows the embargo out.
 */
export function liftingEmbargoPublishes(story: EmbargoFields, now = new Date()): boolean {
  return story.status === "scheduled" && embargoHolds(story, now) && time(story.scheduledAt) === time(story.embargoUntil);
}
