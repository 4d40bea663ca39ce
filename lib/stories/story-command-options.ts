import "server-only";
import { can, type Actor } from "@/lib/auth/permissions";
import { newsroomTimeZone, newsroomZoneName } from "@/lib/site/newsroom-time";

/**
 * Which workflow commands the story editor offers this actor, and the newsroom's zone for
 * "Publish at": one reading of the permission table for the new story's page and the story's.
 * The server checks each command again whatever is posted.
 */
export function storyCommandOptions(actor: Actor) {
  return {
    canPublish: can(actor, "story.publish"),
    canUnpublish: can(actor, "story.unpublish"),
    canSubmit: can(actor, "story.submit"),
    canKill: can(actor, "story.kill"),
    zone: { id: newsroomTimeZone(), name: newsroomZoneName() },
  };
}
