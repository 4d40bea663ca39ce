import "server-only";
import { db, type Tx } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { retryOnUniqueViolation } from "@/lib/unique-retry";
import { createStorySchema, type CreateStoryInput } from "@/lib/stories/schemas";
import { storySelect, toStoryJson } from "@/lib/stories/story-shape";
import { createStoriesInTx } from "@/lib/stories/create-stories";

/** Creates a draft story, its tags and its first revision in one transaction. */
export async function createStory(options: { actor: Actor; input: CreateStoryInput | Record<string, unknown> }) {
  const { actor } = options;
  requirePermission(actor, "story.create");
  const input = parseInput(createStorySchema, options.input);
  const row = await retryOnUniqueViolation(() =>
    db.$transaction(async (tx: Tx) => {
      const [id] = await createStoriesInTx(tx, actor, [{ input }]);
      return tx.story.findUniqueOrThrow({ where: { id }, select: storySelect, relationLoadStrategy: "join" });
    }),
  );
  return toStoryJson(row);
}
