import { notFound } from "next/navigation";
import { StoryForm } from "@/components/admin/story-form";
import { StoryCommands } from "@/components/admin/story-commands";
import { StatusBadge } from "@/components/admin/status-badge";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { formatNewsroomTime, newsroomTimeZone, newsroomZoneName } from "@/lib/site/newsroom-time";
import { StoryPresence } from "@/components/admin/story-presence";
import { can } from "@/lib/auth/permissions";
import { getStory } from "@/lib/stories/get-story";
import { isAppError } from "@/lib/errors";
import { storyFormValues } from "@/lib/stories/story-form-values";
import { storyPath } from "@/lib/site/urls";
import { getStoryWireCopy } from "@/lib/wire-ingest/story-wire-copy";
import { StoryWirePanel } from "@/components/admin/story-wire-panel";
import { DraftChangesBanner } from "@/components/admin/draft-changes-banner";
import { CorrectionsPanel } from "@/components/admin/corrections-panel";
import { EmbargoForm } from "@/components/admin/embargo-form";

export const metadata = { title: "Edit story" };

const notices: Record<string, string> = {
  saved: "Saved.",
  published: "Published.",
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
  const live = story.status === "published" || story.status === "scheduled";
  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="font-serif text-2xl font-bold">Edit story</h1>
          <p className="mt-1 flex items-center gap-2 text-sm text-slate-600">
            <StatusBadge status={story.status} />
            <span>version {story.version} · last change by {story.updatedBy.name}, {formatNewsroomTime(new Date(story.updatedAt))}</span>
          </p>
          {story.status === "scheduled" && story.scheduledAt ? (
            <p className="mt-1 text-sm text-sky-900">Goes live {formatNewsroomTime(new Date(story.scheduledAt))}</p>
          ) : null}
          <p className="mt-1 flex gap-4 text-sm">
            {live ? <a href={storyPath(story.slug)} className="underline" data-testid="view-live">View on site</a> : null}
            <a href={`/admin/stories/${story.id}/revisions`} className="underline">Revisions</a>
          </p>
        </div>
        <StoryCommands
          id={story.id}
          status={story.status}
          canPublish={can(actor, "story.publish")}
          canUnpublish={can(actor, "story.unpublish")}
          canSubmit={can(actor, "story.submit")}
          canKill={can(actor, "story.kill")}
          zone={{ id: newsroomTimeZone(), name: newsroomZoneName() }}
        />
      </div>
      <StoryPresence storyId={story.id} />
      {notice ? <p className="mb-4 rounded border border-emerald-300 bg-emerald-50 px-4 py-2 text-sm text-emerald-900" role="status">{notice}</p> : null}
      {story.embargoUntil && new Date(story.embargoUntil) > new Date() ? (
        <p className="mb-4 rounded border-2 border-amber-500 bg-amber-50 px-4 py-2 font-semibold text-amber-950" data-testid="embargo">
          Embargoed until {formatNewsroomTime(story.embargoUntil)}: it cannot go live before then.
        </p>
      ) : story.embargoUntil ? (
        <p className="mb-4 text-sm text-slate-600" data-testid="embargo">Embargo lifted {formatNewsroomTime(story.embargoUntil)}.</p>
      ) : null}
      <EmbargoForm story={{ id: story.id, version: story.version, headline: story.headline, status: story.status, embargoUntil: story.embargoUntil, scheduledAt: story.scheduledAt }} timeZone={newsroomTimeZone()} />
      <DraftChangesBanner actor={actor} story={story} />
      {wire ? <StoryWirePanel actor={actor} story={story} wire={wire} /> : null}
      <StoryForm key={`${story.version}-${story.draftSavedAt ?? ""}`} initial={storyFormValues(story)} />
      <CorrectionsPanel story={story} canCorrect={can(actor, "story.correct")} />
    </div>
  );
}
