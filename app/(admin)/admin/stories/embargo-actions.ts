"use server";

import { revalidatePath } from "next/cache";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { requirePermission } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { getStory } from "@/lib/stories/get-story";
import { updateStory } from "@/lib/stories/update-story";
import { embargoHolds, liftingEmbargoPublishes } from "@/lib/stories/embargo-state";
import { formatNewsroomTime, newsroomFieldToUtc } from "@/lib/site/newsroom-time";

export type EmbargoState = {
  /** What happened, in the newsroom's words. */
  message?: string;
  /** Why nothing happened. */
  error?: string;
  /** Set when the change was refused until confirmed: lifting the embargo would put the story live. */
  needsConfirm?: boolean;
  /** Changes with every answer, so the form can tell a new message from an old one. */
  at?: number;
};

/**
 * The editor's embargo: set, move or lift it (intent "set" | "lift" | "lift-confirmed"). The change
 * is an ordinary update of `embargoUntil`, through updateStory as the API's PATCH makes it: the
 * same permissions (story.edit, and story.edit.live on a live story), the same version check, the
 * same rescheduling of a live story, and a revision (the API's change is not audited, so neither is
 * this). The time typed is the newsroom's wall clock (components/admin/zoned-date-time-input).
 */
export async function changeEmbargoAction(_previous: EmbargoState, form: FormData): Promise<EmbargoState> {
  const actor = await requireAdminActor();
  const at = Date.now();
  const id = String(form.get("id") ?? "");
  const intent = String(form.get("intent") ?? "set");
  const version = Number(form.get("version"));
  try {
    requirePermission(actor, "story.edit");
    const story = await getStory({ actor, id });
    let embargoUntil: Date | null = null;
    if (intent === "set") {
      embargoUntil = newsroomFieldToUtc(String(form.get("embargoUntil") ?? ""));
      if (!embargoUntil) return { error: "Type the day and the time the embargo lifts, such as 27 Dec 2023 and 14:05.", at };
      if (embargoUntil.getTime() <= at) return { error: `${formatNewsroomTime(embargoUntil)} has passed: an embargo lifts later than now. To lift it now, use Lift embargo.`, at };
    } else if (!story.embargoUntil) {
      return { error: "This story has no embargo to lift.", at };
    } else if (intent !== "lift-confirmed" && liftingEmbargoPublishes(story)) {
      return { error: "Lifting the embargo puts this story live now: confirm to go ahead.", needsConfirm: true, at };
    }
    const updated = await updateStory({ actor, id, input: { version, embargoUntil: embargoUntil?.toISOString() ?? null } });
    revalidatePath(`/admin/stories/${id}`);
    return { message: embargoMessage(story, updated, embargoUntil), at };
  } catch (error) {
    if (isAppError(error)) return { error: error.message, at };
    throw error;
  }
}

type StoryTimes = { status: string; embargoUntil: string | null; scheduledAt: string | null };

function embargoMessage(before: StoryTimes, after: StoryTimes, until: Date | null): string {
  if (!until) {
    const liveNow = after.status === "published" || (after.status === "scheduled" && !!after.scheduledAt && new Date(after.scheduledAt).getTime() <= Date.now());
    return liveNow && before.status === "scheduled" ? "Embargo lifted: the story is live now." : "Embargo lifted.";
  }
  const when = formatNewsroomTime(until);
  const verb = before.embargoUntil && embargoHolds(before) ? `Embargo moved to ${when}` : `Embargo set until ${when}`;
  if (before.status === "published" && after.status === "scheduled") return `${verb}: the story has left the site and goes live again then.`;
  if (after.status === "scheduled" && after.scheduledAt) return `${verb}: the story goes live ${formatNewsroomTime(after.scheduledAt)}.`;
  return `${verb}: the story cannot go live before then.`;
}
