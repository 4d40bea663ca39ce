"use client";

import { TagSuggestionList, type OfferedTag } from "@/components/admin/tag-suggestion-list";
import { startTransition, useActionState, useEffect, useState } from "react";
import { addSuggestedTagsAction, type SuggestedTagsState } from "@/app/(admin)/admin/wire/actions";

/**
 * The events between this form and the story form beside it (components/admin/story-form.tsx), so
 * adding tags never reloads the editor over unsaved typing:
 * - after tags are added (saved with the story), this form sends STORY_TAGS_ADDED on `window`,
 *   cancelable, detail `{ storyId, added, tags, version }`: `tags` are the story's tags now and
 *   `version` its version. A story form that takes them (puts `tags` into its tag input, adopts
 *   `version`) calls preventDefault(); if none does, the page is reloaded as before.
 * - a story form that saves sends STORY_SAVED, detail `{ storyId, version }`, so the next add is
 *   based on the version it saved.
 */
export const STORY_TAGS_ADDED = "dateline:story-tags-added";
/**
 * Sent before anything is saved, cancelable, detail `{ storyId, tags }` (the ticked ones): a story
 * editor on the page takes them into its form (its autosave saves them with whatever else is being
 * typed, so nothing races it) and calls preventDefault(); then only the rejections are recorded.
 */
export const STORY_TAGS_ADD = "dateline:story-tags-add";
export type StoryTagsAddDetail = {
  storyId: string;
  tags: { name: string; type: OfferedTag["type"] }[];
  /** Set by the editor that took them: its save of them (false if that failed). */
  saved?: Promise<boolean>;
};
export const STORY_SAVED = "dateline:story-saved";
export type StoryTagsAddedDetail = { storyId: string; added: NonNullable<SuggestedTagsState["added"]>; tags: NonNullable<SuggestedTagsState["tags"]>; version: number };

const keyOf = (tag: OfferedTag) => `${tag.type}:${tag.name.toLocaleLowerCase("en")}`;

/** Tag suggestions for a wire story: tick and add (one version-checked save), or dismiss; either way settled for this story. */
export function SuggestedTagsForm({ id, version, suggestions }: { id: string; version: number; suggestions: OfferedTag[] }) {
  const [state, action, pending] = useActionState<SuggestedTagsState, FormData>(addSuggestedTagsAction, {});
  const [currentVersion, setCurrentVersion] = useState(version);
  const [settled, setSettled] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    const onSaved = (event: Event) => {
      const detail = (event as CustomEvent<{ storyId: string; version: number }>).detail;
      if (detail?.storyId === id && Number.isInteger(detail.version)) setCurrentVersion(detail.version);
    };
    window.addEventListener(STORY_SAVED, onSaved);
    return () => window.removeEventListener(STORY_SAVED, onSaved);
  }, [id]);

  useEffect(() => {
    if (!state.answer || state.error) return;
    setSettled((previous) => new Set([...previous, ...(state.settled ?? [])]));
    if (state.version !== undefined) setCurrentVersion(state.version);
    if (!state.added?.length || !state.tags || state.version === undefined) return;
    const detail: StoryTagsAddedDetail = { storyId: id, added: state.added, tags: state.tags, version: state.version };
    const taken = !window.dispatchEvent(new CustomEvent(STORY_TAGS_ADDED, { detail, cancelable: true }));
    // No story form took the tags: it still holds the old tags and version, so reload it (as before).
    if (!taken) window.location.assign(`/admin/stories/${id}?saved=1`);
  }, [state, id]);

  const shown = suggestions.filter((tag) => !settled.has(keyOf(tag)));
  if (shown.length === 0) return state.message ? <p role="status" className="text-sm text-slate-700">{state.message}</p> : null;
  return (
    <form
      className="space-y-2"
      onSubmit={async (event) => {
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        const data = new FormData(event.currentTarget, submitter);
        if (!data.getAll("dismiss").length) {
          const tags = data.getAll("tag").flatMap((value) => {
            const [type, ...name] = String(value).split(":");
            return name.length ? [{ type: type as OfferedTag["type"], name: name.join(":") }] : [];
          });
          const detail: StoryTagsAddDetail = { storyId: id, tags };
          if (tags.length && !window.dispatchEvent(new CustomEvent(STORY_TAGS_ADD, { detail, cancelable: true }))) {
            // The editor saves them; the rest is only recorded once it has (the editor says if it could not).
            if (detail.saved && !(await detail.saved)) return;
            data.set("recordOnly", "1");
          }
        }
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="id" value={id} />
      {/* Versions only grow: the page's (after a save re-renders it) or the newest this form has heard of. */}
      <input type="hidden" name="version" value={Math.max(version, currentVersion)} />
      <p className="text-xs text-slate-500">Ticked only where the copy names an existing tag exactly. Those you leave unticked when adding, or dismiss, are not suggested for this story again.</p>
      <TagSuggestionList suggestions={shown} testId="story-tag-suggestions" dismissible />
      {state.error ? <p className="text-sm text-red-700" role="alert">{state.error}</p> : null}
      {state.message ? <p className="text-sm text-slate-700" role="status">{state.message}</p> : null}
      <button type="submit" disabled={pending} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60">
        {pending ? "Adding…" : "Add ticked tags"}
      </button>
    </form>
  );
}
