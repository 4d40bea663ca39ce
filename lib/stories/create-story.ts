import "server-only";
import { db, type Tx } from "@/lib/db";
import { requirePermission, type Actor } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation";
import { retryOnUniqueViolation } from "@/lib/unique-retry";
import { createStorySchema, type CreateStoryInput } from "@/lib/stories/schemas";
import { storySelect, toStoryJson, type StoryJson } from "@/lib/stories/story-shape";
import { createStoriesInTx } from "@/lib/stories/create-stories";

/**
 * Creates a draft story, its tags and its first revision in one transaction. `inTransaction` runs
 * in that transaction with the story made, so what it writes stands or falls with the story (the
 * API records an Idempotency-Key's answer this way).
 */
export async function createStory(options: {
  actor: Actor;
  input: CreateStoryInput | Record<string, unknown>;
  inTransaction?: ((tx: Tx, story: StoryJson) => Promise<void>) | null;
}): Promise<StoryJson> {
  const { actor, inTransaction } = options;
  requirePermission(actor, "story.create");
  const input = parseInput(createStorySchema, options.input);
  return retryOnUniqueViolation(() =>
    db.$transaction(async (tx: Tx) => {
      const [id] = await createStoriesInTx(tx, actor, [{ input }]);
      const story = toStoryJson(await tx.story.findUniqueOrThrow({ where: { id }, select: storySelect, relationLoadStrategy: "join" }));
      await inTransaction?.(tx, story);
      return story;
    }),
  );
}
