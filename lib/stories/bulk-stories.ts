import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { tagNameSchema } from "@/lib/stories/schemas";
import { lowerName } from "@/lib/tags/tag-names";
import { getStory } from "@/lib/stories/get-story";
import { publishStory } from "@/lib/stories/publish-story";
import { unpublishStory } from "@/lib/stories/unpublish-story";
import { killStory } from "@/lib/stories/kill-story";
import { updateStory } from "@/lib/stories/update-story";

export const bulkActions = ["publish", "unpublish", "add_tag", "kill"] as const;
export type BulkAction = (typeof bulkActions)[number];

/** How many stories one bulk action takes: a page of the story list, with room to spare. */
export const BULK_LIMIT = 100;

export const bulkStoriesSchema = z.discriminatedUnion("action", [
  z.object({ action: z.enum(["publish", "unpublish", "kill"]), ids: z.array(z.uuid("Not a story id")).min(1, "Tick at least one story").max(BULK_LIMIT, `At most ${BULK_LIMIT} stories at once`) }),
  z.object({ action: z.literal("add_tag"), ids: z.array(z.uuid("Not a story id")).min(1, "Tick at least one story").max(BULK_LIMIT, `At most ${BULK_LIMIT} stories at once`), tag: tagNameSchema }),
], { error: "Choose publish, unpublish, add a tag or kill" });

export type BulkOutcome = "published" | "scheduled" | "unpublished" | "killed" | "tagged" | "unchanged" | "refused";
export type BulkResult = { id: string; headline: string; outcome: BulkOutcome; reason?: string };

/**
 * One action on many stories, each through the same verb (and so the same permission check, lock,
 * audit entry and revision) as one at a time, one after another. A story the verb refuses is
 * reported with the reason and does not stop the rest.
 */
export async function bulkStories(options: { actor: Actor; input: Record<string, unknown> }): Promise<{ results: BulkResult[]; summary: string }> {
  const { actor } = options;
  const input = parseInput(bulkStoriesSchema, options.input);
  const ids = [...new Set(input.ids)];
  const tagName = input.action === "add_tag" ? input.tag : "";
  const known = new Map((await db.story.findMany({ where: { id: { in: ids } }, select: { id: true, headline: true, status: true, version: true } })).map((story) => [story.id, story]));

  const results: BulkResult[] = [];
  for (const id of ids) {
    const before = known.get(id);
    if (!before) {
      results.push({ id, headline: "(deleted story)", outcome: "refused", reason: "No story with that id" });
      continue;
    }
    const result = (outcome: BulkOutcome, reason?: string): BulkResult => ({ id, headline: before.headline, outcome, ...(reason ? { reason } : {}) });
    try {
      if (input.action === "publish") {
        const after = await publishStory({ actor, id });
        results.push(result(after.version === before.version ? "unchanged" : after.status === "scheduled" ? "scheduled" : "published"));
      } else if (input.action === "unpublish") {
        await unpublishStory({ actor, id });
        results.push(result("unpublished"));
      } else if (input.action === "kill") {
        await killStory({ actor, id });
        results.push(result("killed"));
      } else {
        const story = await getStory({ actor, id });
        if (story.tags.some((tag) => lowerName(tag.name) === lowerName(tagName))) {
          results.push(result("unchanged"));
          continue;
        }
        const tags = [...story.tags.map((tag) => ({ name: tag.name, type: tag.type })), { name: tagName }];
        await updateStory({ actor, id, input: { version: story.version, tags } });
        results.push(result("tagged"));
      }
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push(result("refused", error.message));
    }
  }
  return { results, summary: summarise(input.action, results, tagName) };
}

const done: Record<BulkAction, string> = { publish: "Published", unpublish: "Unpublished", kill: "Killed", add_tag: "Tagged" };
const unchangedText: Record<BulkAction, string> = { publish: "already live", unpublish: "unchanged", kill: "unchanged", add_tag: "already tagged" };

/** "Published 3; scheduled 1 (embargoed until later); 1 refused: “Headline” (A killed story cannot be published again)." */
export function summarise(action: BulkAction, results: BulkResult[], tag?: string): string {
  const count = (outcome: BulkOutcome) => results.filter((result) => result.outcome === outcome).length;
  const doneCount = count(action === "publish" ? "published" : action === "add_tag" ? "tagged" : action === "kill" ? "killed" : "unpublished");
  const parts: string[] = [];
  if (doneCount) parts.push(`${done[action]} ${doneCount}${action === "add_tag" && tag ? ` with “${tag}”` : ""}`);
  const scheduled = count("scheduled");
  if (scheduled) parts.push(`scheduled ${scheduled} (under embargo: ${scheduled === 1 ? "it goes" : "they go"} live when it lifts)`);
  const unchanged = count("unchanged");
  if (unchanged) parts.push(`${unchanged} ${unchangedText[action]}`);
  const refused = results.filter((result) => result.outcome === "refused");
  if (refused.length) parts.push(`${refused.length} refused: ${refused.map((result) => `“${result.headline}” (${result.reason})`).join("; ")}`);
  const text = parts.join("; ") || "Nothing changed";
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
