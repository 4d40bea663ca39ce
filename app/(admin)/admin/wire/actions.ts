"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { requirePermission } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { formatDateline } from "@/lib/stories/format-dateline";
import { parseOrReject, ingestWireItem } from "@/lib/wire-ingest/ingest-wire-item";
import { notWireCopy } from "@/lib/wire-ingest/not-wire-copy";
import { resolvePendingUpdate } from "@/lib/wire-ingest/resolve-pending-update";
import { tagVocabulary, tagsNamed } from "@/lib/wire-ingest/vocabulary";
import { judgeSuggestions, suggestionCopy, suggestionKey, type SuggestedTag } from "@/lib/wire-ingest/suggestion-confidence";
import { rejectTagSuggestions } from "@/lib/wire-ingest/reject-suggestions";
import { suggestTags, type WireParse, type WireTag } from "@/lib/wire";
import { tagTypes, type TagType } from "@/lib/stories/schemas";
import { updateStory } from "@/lib/stories/update-story";
import { getStory } from "@/lib/stories/get-story";

// Copy pasted or dropped here comes from the signed-in user, by the newsroom's path.
const NEWSROOM = { channel: "newsroom", apiKeyId: null } as const;

export type WirePreview = {
  raw: string;
  parse?: WireParse;
  dateline?: string | null;
  itemTags?: WireTag[];
  suggestions?: SuggestedTag[];
  error?: string;
};

/** Parses pasted copy for the editor to check; nothing is stored. */
export async function previewWireAction(_previous: WirePreview, form: FormData): Promise<WirePreview> {
  await requireAdminActor();
  const raw = String(form.get("raw") ?? "");
  try {
    const item = parseOrReject(raw, new Date());
    const suggestions = suggestTags(item, { vocabulary: await tagVocabulary(), nlp: true });
    const own = new Set(item.parse.tags.map((tag) => `${tag.type}:${tag.name}`));
    const offered = suggestions.filter((tag) => !own.has(`${tag.type}:${tag.name}`));
    return {
      raw,
      parse: item.parse,
      dateline: formatDateline({ location: item.parse.location, date: item.parse.date }, item.parse.agency),
      itemTags: item.parse.tags,
      suggestions: judgeSuggestions(offered, suggestionCopy(item.parse), await tagsNamed(offered)),
    };
  } catch (error) {
    if (isAppError(error)) return { raw, error: error.message };
    throw error;
  }
}

/** Tags named in a form field as "type:name" (a checkbox per suggestion, a hidden field per suggestion shown). */
function formTags(form: FormData, field: string): WireTag[] {
  return form.getAll(field).flatMap((value) => {
    const [type, ...name] = String(value).split(":");
    return tagTypes.includes(type as TagType) && name.length ? [{ type: type as TagType, name: name.join(":") }] : [];
  });
}

const acceptedTags = (form: FormData) => formTags(form, "tag");

/** The suggestions shown (field `suggested`) that the editor left unticked: turned down. */
function rejectedTags(form: FormData): WireTag[] {
  const accepted = new Set(acceptedTags(form).map(suggestionKey));
  return formTags(form, "suggested").filter((tag) => !accepted.has(suggestionKey(tag)));
}

export type WireIngestState = { error?: string };

/** Creates the draft from pasted copy with the tags the editor accepted, and opens it. */
export async function createFromWireAction(_previous: WireIngestState, form: FormData): Promise<WireIngestState> {
  const actor = await requireAdminActor();
  let target: string;
  try {
    const result = await ingestWireItem({ actor, via: NEWSROOM, raw: String(form.get("raw") ?? ""), tags: acceptedTags(form) });
    // What the editor left unticked is turned down for the story: never suggested on it again.
    await rejectTagSuggestions({ actor, storyId: result.story.id, tags: rejectedTags(form) });
    target = `/admin/stories/${result.story.id}?wire=${result.outcome}`;
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
  redirect(target);
}

/**
 * What "Add ticked tags" answers, instead of reloading the editor over unsaved typing: the tags
 * added, the story's tags and version after the save, and the suggestions now settled (added or
 * turned down), which the list stops showing. The story form takes `tags` and `version` from the
 * "dateline:story-tags-added" event (components/admin/suggested-tags-form.tsx).
 */
export type SuggestedTagsState = {
  error?: string;
  message?: string;
  added?: WireTag[];
  tags?: { name: string; slug: string; type: TagType }[];
  version?: number;
  settled?: string[];
  /** Counts answers, so the same answer twice is still two events. */
  answer?: number;
};

/**
 * Adds the ticked suggestions to a story's tags (a normal, version-checked save) and turns down the
 * ones shown but left unticked; or, with `dismiss`, only turns that one down.
 */
export async function addSuggestedTagsAction(previous: SuggestedTagsState, form: FormData): Promise<SuggestedTagsState> {
  const actor = await requireAdminActor();
  const id = String(form.get("id") ?? "");
  const answer = (previous.answer ?? 0) + 1;
  try {
    const dismissed = formTags(form, "dismiss");
    if (dismissed.length) {
      await rejectTagSuggestions({ actor, storyId: id, tags: dismissed });
      return { answer, message: `Dismissed ${dismissed.map((tag) => tag.name).join(", ")}: not suggested for this story again.`, settled: dismissed.map(suggestionKey), added: [] };
    }
    const add = acceptedTags(form);
    if (add.length === 0) return { answer, error: "Tick the suggestions to add, or dismiss the ones that do not fit." };
    if (form.get("recordOnly") === "1") {
      // The story editor took the ticked tags into its form (its autosave saves them with the rest
      // of what is typed): only what was left unticked is recorded here.
      requirePermission(actor, "story.edit");
      const rejected = rejectedTags(form);
      await rejectTagSuggestions({ actor, storyId: id, tags: rejected });
      return {
        answer,
        message: `Added ${add.map((tag) => tag.name).join(", ")} to the tags below.${rejected.length ? ` The ${rejected.length === 1 ? "one" : rejected.length} left unticked will not be suggested again.` : ""}`,
        added: add,
        settled: [...add, ...rejected].map(suggestionKey),
      };
    }
    const story = await getStory({ actor, id });
    const saved = await updateStory({ actor, id, input: { version: Number(form.get("version")), tags: [...story.tags.map(({ name, type }) => ({ name, type })), ...add] } });
    const rejected = rejectedTags(form);
    await rejectTagSuggestions({ actor, storyId: id, tags: rejected });
    return {
      answer,
      message: `Added ${add.map((tag) => tag.name).join(", ")}.${rejected.length ? ` The ${rejected.length === 1 ? "one" : rejected.length} left unticked will not be suggested again.` : ""}`,
      added: add,
      tags: saved.tags,
      version: saved.version,
      settled: [...add, ...rejected].map(suggestionKey),
    };
  } catch (error) {
    if (isAppError(error)) return { answer, error: error.message };
    throw error;
  }
}

/** One dropped file's result: what it became (with its story, to open), or why it was not taken. */
export type BulkIngestItem = { file: string; outcome: string; story?: { id: string; headline: string }; reason?: string };
export type BulkIngestState = { summary?: string; items?: BulkIngestItem[] };

/** Ingests several dropped files at once; each is its own item, and one bad file stops nothing. */
export async function ingestFilesAction(_previous: BulkIngestState, form: FormData): Promise<BulkIngestState> {
  const actor = await requireAdminActor();
  const counts: Record<string, number> = { created: 0, updated: 0, pending: 0, withdrawn: 0, duplicate: 0, failed: 0, skipped: 0 };
  const items: BulkIngestItem[] = [];
  for (const file of form.getAll("files")) {
    if (!(file instanceof File) || file.size === 0 && !file.name) continue;
    const skip = notWireCopy(file.name);
    if (skip) {
      counts.skipped++;
      items.push({ file: file.name, outcome: "skipped", reason: skip });
      continue;
    }
    try {
      const { outcome, story } = await ingestWireItem({ actor, via: NEWSROOM, raw: new Uint8Array(await file.arrayBuffer()) });
      counts[outcome]++;
      items.push({ file: file.name, outcome, story: { id: story.id, headline: story.headline } });
    } catch (error) {
      if (!isAppError(error)) throw error;
      counts.failed++;
      items.push({ file: file.name, outcome: "failed", reason: error.message });
    }
  }
  revalidatePath("/admin");
  const summary = Object.entries(counts).filter(([key, value]) => value > 0 || key === "created").map(([key, value]) => `${key} ${value}`).join(", ");
  return { summary, items };
}

/** Applies a newer agency version to a live story, or keeps the live copy. */
export async function resolveWireUpdateAction(form: FormData) {
  const actor = await requireAdminActor();
  const storyId = String(form.get("storyId") ?? "");
  const apply = form.get("apply") === "1";
  let outcome = apply ? "saved" : "kept";
  try {
    await resolvePendingUpdate({ actor, wireItemId: String(form.get("wireItemId") ?? ""), apply, storyVersion: Number(form.get("storyVersion")) || undefined });
  } catch (error) {
    if (!isAppError(error)) throw error;
    outcome = error.code === "conflict" ? "stale" : "refused";
  }
  redirect(`/admin/stories/${storyId}?${outcome}=1`);
}
