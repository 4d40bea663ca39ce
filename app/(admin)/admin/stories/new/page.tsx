import { StoryEditor } from "@/components/admin/story-editor";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { requirePermission } from "@/lib/auth/permissions";
import { storyCommandOptions } from "@/lib/stories/story-command-options";
import { emptyStoryForm } from "@/lib/stories/story-form-values";
import { newsroomTimeZone } from "@/lib/site/newsroom-time";
import { publishSettings } from "@/lib/env";
import { mediaSettings } from "@/lib/media/media-settings";

export const metadata = { title: "New story" };

export default async function NewStoryPage() {
  const actor = await requireAdminActor();
  requirePermission(actor, "story.create");
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="mb-4 font-serif text-2xl font-bold">New story</h1>
      {/* The commands appear once autosave has made the story (it has a headline). */}
      <StoryEditor
        initial={emptyStoryForm}
        status="draft"
        timeZone={newsroomTimeZone()}
        publishRules={publishSettings()}
        mediaMaxMb={mediaSettings().maxMb}
        commands={storyCommandOptions(actor)}
      />
    </div>
  );
}
