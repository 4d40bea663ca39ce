import Link from "next/link";
import { can, type Actor } from "@/lib/auth/permissions";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";
import { draftIsBehindLive } from "@/lib/stories/draft-changes";
import type { StoryJson } from "@/lib/stories/story-shape";
import { DiscardDraftForm } from "@/components/admin/discard-draft-form";

/** Above the editor of a story with a draft of changes: whose, when, and that readers still see the live copy. */
export async function DraftChangesBanner({ actor, story }: { actor: Actor; story: StoryJson }) {
  if (!story.draftChanges || !story.draftSavedAt) return null;
  const behind = await draftIsBehindLive({ actor, id: story.id });
  return (
    <div className="mb-4 rounded border-2 border-amber-400 bg-amber-50 px-4 py-3 text-amber-950" data-testid="draft-banner">
      <p className="font-semibold">
        Unpublished changes saved by {story.draftSavedBy?.name ?? "an editor"} at {formatNewsroomTime(story.draftSavedAt)} — readers see the live version.
      </p>
      {behind ? (
        <p className="mt-1 text-sm">The live story was edited after these changes were saved: publishing them would undo that edit. Compare them first.</p>
      ) : null}
      <div className="mt-2 flex flex-wrap items-center gap-4 text-sm">
        <Link href={`/admin/stories/${story.id}/revisions?from=${story.version}&to=draft`} className="underline">Compare with the live version</Link>
        {can(actor, "story.edit.live") ? <DiscardDraftForm id={story.id} version={story.version} draftSavedAt={story.draftSavedAt} headline={story.headline} /> : null}
      </div>
    </div>
  );
}
