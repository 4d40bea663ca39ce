import { notFound } from "next/navigation";
import { StoryEditor } from "@/components/admin/story-editor";
import { StatusBadge } from "@/components/admin/status-badge";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { formatNewsroomTime, newsroomTimeZone } from "@/lib/site/newsroom-time";
import { can } from "@/lib/auth/permissions";
import { getStory } from "@/lib/stories/get-story";
import { isAppError } from "@/lib/errors";
import { storyFormValues } from "@/lib/stories/story-form-values";
import { storyPath } from "@/lib/site/urls";
import { getStoryWireCopy } from "@/lib/wire-ingest/story-wire-copy";
import { StoryWirePanel } from "@/components/admin/story-wire-panel";
import { DraftChangesBanner } from "@/components/admin/draft-changes-banner";
import { CorrectionsPanel } from "@/components/admin/corrections-panel";
import { publishSettings } from "@/lib/env";
import { mediaSettings } from "@/lib/media/media-settings";
import { hasLiveStatus } from "@/lib/stories/live";
import { storyCommandOptions } from "@/lib/stories/story-command-options";

export const metadata = { title: "Edit story" };

const notices: Record<string, string> = {
  saved: "Saved.",
  published: "Published.",
  scheduledForEmbargo: "Scheduled: it goes live when its embargo lifts (see the time below).",
  withdrawn: "Withdrawn from review: the story is a draft again.",
  returned: "Sent back to the writer with your note.",
  unpublished: "Unpublished: the story is off the site.",
  kept: "Kept the live copy; the agency's update is set aside.",
  submitted: "Submitted for review: an editor will publish it.",
  killed: "Killed: the story has left the site for good; its copy is kept for the record.",
  stale: "Not applied: the story or the update changed since you opened it. Check it again below.",
  refused: "Not applied: your role may not change a live story.",
  draftSaved: "Saved as a draft of changes: readers still see the live version.",
  changesPublished: "Published the changes.",
  draftDiscarded: "Discarded the draft of changes.",
  restored: "Restored an earlier version: it is saved as a new version.",
};
// After "New from wire": the version came from whoever is reading this, which the panel names.
const wireNotices: Record<string, string> = {
  created: "Draft created from the agency copy.",
  updated: "The newer version you brought in replaced this draft's copy.",
  pending: "This story is live: the newer version you brought in waits below for an editor to apply it.",
  withdrawn: "The withdrawal you brought in killed the story.",
  duplicate: "That copy was already in the newsroom: this is its story.",
};

export default async function EditStoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  const actor = await requireAdminActor();
  const { id } = await params;
  const story = await getStory({ actor, id }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const flags = await searchParams;
  const notice = flags.wire && wireNotices[flags.wire] ? wireNotices[flags.wire] : notices[Object.keys(notices).find((key) => flags[key]) ?? ""];
  const wire = await getStoryWireCopy({ actor, storyId: story.id });
  const live = hasLiveStatus(story.status);
  const readOnly = story.status === "killed"
    ? "This story was killed: it has left the site for good, and its copy is kept as it was, for the record. It can no longer be changed."
    : live && !can(actor, "story.edit.live")
      ? `This story is ${story.status}: only editors and admins change a live story. Ask the desk to make your change.`
      : null;
  return (
    <div className="mx-auto max-w-6xl">
      <div className="mb-4">
        <h1 className="font-serif text-2xl font-bold">Edit story</h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <StatusBadge status={story.status} />
          <span>version {story.version} · last change by {story.updatedBy.name}, {formatNewsroomTime(new Date(story.updatedAt))}</span>
        </p>
        {story.status === "scheduled" && story.scheduledAt ? (
          <p className="mt-1 text-sm text-sky-900" data-testid="goes-live">Goes live {formatNewsroomTime(new Date(story.scheduledAt))}</p>
        ) : null}
        <p className="mt-1 flex gap-4 text-sm">
          {story.status === "published" ? <a href={storyPath(story.slug)} className="underline" data-testid="view-live">View on site</a> : null}
          <a href={`/admin/stories/${story.id}/revisions`} className="underline">Revisions</a>
        </p>
      </div>
      {story.reviewNote && story.status === "draft" ? (
        <div className="mb-4 rounded border-2 border-sky-400 bg-sky-50 px-4 py-3 text-sky-950" data-testid="review-note">
          <p className="font-semibold">Sent back by {story.reviewNote.by?.name ?? "the desk"}{story.reviewNote.at ? `, ${formatNewsroomTime(story.reviewNote.at)}` : ""}:</p>
          <p className="mt-1 whitespace-pre-wrap">{story.reviewNote.note}</p>
        </div>
      ) : null}
      <DraftChangesBanner actor={actor} story={story} />
      {wire ? <StoryWirePanel actor={actor} story={story} wire={wire} /> : null}
      <StoryEditor
        initial={storyFormValues(story)}
        status={story.status}
        readOnly={readOnly}
        notice={notice ?? null}
        timeZone={newsroomTimeZone()}
        publishRules={publishSettings()}
        mediaMaxMb={mediaSettings().maxMb}
        embargo={{ id: story.id, status: story.status, embargoUntil: story.embargoUntil, scheduledAt: story.scheduledAt }}
        headlineProposed={story.headlineProposed}
        lastChange={{ by: story.draftSavedAt && story.draftSavedBy ? story.draftSavedBy.name : story.updatedBy.name, at: formatNewsroomTime(new Date(story.draftSavedAt ?? story.updatedAt)) }}
        commands={{ ...storyCommandOptions(actor), scheduledAt: story.scheduledAt }}
      />
      <CorrectionsPanel story={story} canCorrect={can(actor, "story.correct")} />
    </div>
  );
}
