import { StoryEditor } from "@/components/admin/story-editor";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { requirePermission } from "@/lib/auth/permissions";
import { emptyStoryForm } from "@/lib/stories/story-form-values";
import { newsroomTimeZone } from "@/lib/site/newsroom-time";
import { publishSettings } from "@/lib/env";

export const metadata = { title: "New story" };

export default async function NewStoryPage() {
  requirePermission(await requireAdminActor(), "story.create");
  return (
    <div className="mx-auto max-w-6xl">
      <h1 className="mb-4 font-serif text-2xl font-bold">New story</h1>
      <StoryEditor initial={emptyStoryForm} status="draft" timeZone={newsroomTimeZone()} publishRules={publishSettings()} />
    </div>
  );
}
