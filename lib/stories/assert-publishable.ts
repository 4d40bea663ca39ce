import "server-only";
import type { Tx } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import { publishSettings } from "@/lib/env";
import { newsroomTimeZone } from "@/lib/site/newsroom-time";
import { bodyPictureIds } from "@/lib/stories/body-picture-ids";
import { blockingItems, prepublishChecklist, type ChecklistStory, type PublishRules } from "@/lib/stories/prepublish-checklist";

// The form field each blocking check points at, for the 422's fields (the story form shows them).
const fieldOf = { headline: "headline", headlineWritten: "headline", standfirst: "standfirst", tags: "tags", slug: "slug", leadImageAlt: "leadImage", bodyPicturesAlt: "body" } as const;

/**
 * Refuses to put a story live while a check the newsroom requires (PUBLISH_REQUIRE) fails: a 422
 * naming each field, as a bad save is refused. The same checklist the editor sees warns of the rest.
 */
export function assertPublishable(story: ChecklistStory, rules: PublishRules = publishSettings()): void {
  const blocking = blockingItems(prepublishChecklist(story, rules, { timeZone: newsroomTimeZone() }));
  if (blocking.length === 0) return;
  const fields: FieldErrors = {};
  for (const item of blocking) if (item.key !== "embargo") (fields[fieldOf[item.key]] ??= []).push(item.message);
  throw new AppError("validation_failed", `Not ready to publish. ${blocking.map((item) => item.message).join(" ")}`, fields);
}

/**
 * The same for a stored story, inside the publishing transaction (after the story's lock, so the
 * copy checked is the copy that goes live). A story with a draft of changes is checked as the draft
 * reads only when the draft is what is published: pass that copy to assertPublishable instead.
 */
export async function assertStoryPublishable(tx: Tx, id: string, rules: PublishRules = publishSettings()): Promise<void> {
  const story = await tx.story.findUnique({
    where: { id },
    select: { headline: true, standfirst: true, slug: true, headlineProposed: true, embargoUntil: true, body: true, leadImage: { select: { alt: true } }, _count: { select: { tags: true } } },
  });
  if (!story) throw new AppError("not_found", "No story with that id");
  const { leadImage, _count, body, ...fields } = story;
  const ids = bodyPictureIds(body);
  const alts = ids.length ? new Map((await tx.mediaItem.findMany({ where: { id: { in: ids } }, select: { id: true, alt: true } })).map((row) => [row.id, row.alt])) : new Map<string, string>();
  // A picture the library no longer holds is not shown, so needs no words.
  const bodyPictureAlts = ids.flatMap((id) => (alts.has(id) ? [alts.get(id)!] : []));
  assertPublishable({ ...fields, tags: _count.tags, leadImageAlt: leadImage ? leadImage.alt : null, bodyPictureAlts }, rules);
}
