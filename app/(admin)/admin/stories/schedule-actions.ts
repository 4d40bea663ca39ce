"use server";

import { revalidatePath } from "next/cache";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { isAppError } from "@/lib/errors";
import { publishStory } from "@/lib/stories/publish-story";
import { formatNewsroomTime, newsroomWallTimeToUtc } from "@/lib/site/newsroom-time";

export type ScheduleState = { message?: string; done?: string };

/**
 * The editor's "Publish at": the date and time typed are the newsroom's wall clock (whatever the
 * browser's or the server's zone), made an instant here and handed to publishStory as `at`.
 */
export async function scheduleStoryAction(_previous: ScheduleState, form: FormData): Promise<ScheduleState> {
  const actor = await requireAdminActor();
  const id = String(form.get("id") ?? "");
  const at = newsroomWallTimeToUtc(String(form.get("publishAt") ?? ""));
  if (!at) return { message: "Choose the date and time to publish at." };
  // The API takes a past `at` as a backdated publish; here a past time is a slip of the finger.
  if (at.getTime() <= Date.now()) return { message: `${formatNewsroomTime(at)} has passed: choose a later time, or publish now.` };
  let goesLive: Date;
  try {
    const story = await publishStory({ actor, id, input: { at: at.toISOString() } });
    goesLive = new Date(story.scheduledAt ?? story.publishedAt ?? at);
  } catch (error) {
    if (isAppError(error)) return { message: error.message };
    throw error;
  }
  // The page shows the story as scheduled and when it goes live (an embargo may make that later).
  revalidatePath(`/admin/stories/${id}`);
  return { done: `Scheduled: it goes live ${formatNewsroomTime(goesLive)}.` };
}
