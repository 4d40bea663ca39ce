"use client";

import { createContext, useContext, useEffect, useId, useRef, useState } from "react";
import { useActionState } from "react";
import {
  changeTagTypeAction, deleteTagAction, mergeTagsAction, renameTagAction, suggestMergeTargetsAction, type TagFormState,
} from "@/app/(admin)/admin/tags/actions";
import { ConfirmButton } from "@/components/admin/confirm-dialog";

const inputClass = "w-44 max-w-full rounded border border-slate-300 px-2 py-1 text-sm";
const buttonClass = "rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60";
const tagTypes = ["person", "place", "organisation", "topic"] as const;

type Suggestion = { name: string; slug: string; type: string };

// A merge or a delete takes its row off the page, and its form with it: their success is said
// above the list instead, by this provider, which stays mounted while the rows change.
const TagNotice = createContext<((text: string) => void) | null>(null);

export function TagNotices({ children }: { children: React.ReactNode }) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <TagNotice.Provider value={setNotice}>
      <p role="status" className={notice ? "sticky top-0 z-10 mb-3 rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" : "sr-only"} data-testid="tag-notice">
        {notice}
      </p>
      {children}
    </TagNotice.Provider>
  );
}

/**
 * An action whose success removes its own row: the success goes to the notice above the list as
 * the action answers, in the same update that takes the row (and this form) away.
 */
function useRowRemovingAction(action: (previous: TagFormState, form: FormData) => Promise<TagFormState>) {
  const say = useContext(TagNotice);
  return useActionState<TagFormState, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    if (result.done) say?.(result.done);
    return result;
  }, {});
}

function Outcome({ state }: { state: TagFormState }) {
  if (state.message) return <p className="w-full text-sm text-red-700" data-testid="tag-form-error" role="alert">{state.message}</p>;
  if (state.done) return <p className="w-full text-sm text-emerald-800" role="status">{state.done}</p>;
  return null;
}

/** A new name for a tag; its old URL redirects to the new one. */
export function RenameTagForm({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState<TagFormState, FormData>(renameTagAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <label htmlFor={`rename-${id}`} className="sr-only">New name for {name}</label>
      <input key={state.value ?? name} id={`rename-${id}`} name="name" defaultValue={state.value ?? name} className={inputClass} />
      <button type="submit" disabled={pending} className={buttonClass}>{pending ? "Renaming…" : "Rename"}</button>
      <Outcome state={state} />
    </form>
  );
}

/** What the tag is: a person, place, organisation or topic. */
export function TagTypeForm({ id, name, type }: { id: string; name: string; type: string }) {
  const [state, action, pending] = useActionState<TagFormState, FormData>(changeTagTypeAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <label htmlFor={`type-${id}`} className="sr-only">Type of {name}</label>
      <select key={type} id={`type-${id}`} name="type" defaultValue={type} className="rounded border border-slate-300 px-2 py-1 text-sm">
        {tagTypes.map((each) => <option key={each} value={each}>{each}</option>)}
      </select>
      <button type="submit" disabled={pending} className={buttonClass}>{pending ? "Changing…" : "Change type"}</button>
      <Outcome state={state} />
    </form>
  );
}

/** Existing tags matching what is typed (the tag field's search, lib/tags/suggest-tags.ts), newest answer only. */
function useTagSuggestions(text: string, except: string) {
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const latest = useRef(0);
  useEffect(() => {
    const request = ++latest.current;
    const query = text.replace(/\s*\((person|place|organisation|topic)\)$/, "").trim();
    if (query.length < 2) return;
    const timer = window.setTimeout(() => {
      const show = (found: Suggestion[]) => {
        if (request === latest.current) setSuggestions(found.filter((tag) => tag.slug !== except));
      };
      suggestMergeTargetsAction(query).then(show, () => show([]));
    }, 200);
    return () => window.clearTimeout(timer);
  }, [text, except]);
  return suggestions;
}

const suggestionText = (tag: Suggestion) => `${tag.name} (${tag.type})`;

/**
 * Moves every story of this tag to another and removes this one; its URL redirects. The tag to
 * keep is picked by name from suggestions, and the confirmation names both.
 */
export function MergeTagForm({ id, name, slug }: { id: string; name: string; slug: string }) {
  const [state, action, pending] = useRowRemovingAction(mergeTagsAction);
  const [text, setText] = useState("");
  const [unpicked, setUnpicked] = useState(false);
  const suggestions = useTagSuggestions(text, slug);
  const listId = useId();
  const hintId = useId();
  // A suggestion's own text ("Russia (place)"), or a name only one suggestion has.
  const typed = text.trim().toLocaleLowerCase("en");
  const byName = suggestions.filter((tag) => tag.name.toLocaleLowerCase("en") === typed);
  const target = suggestions.find((tag) => suggestionText(tag).toLocaleLowerCase("en") === typed) ?? (byName.length === 1 ? byName[0] : undefined);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="name" value={name} />
      <input type="hidden" name="into" value={target?.slug ?? ""} />
      <label htmlFor={`merge-${id}`} className="sr-only">Merge {name} into</label>
      <input
        id={`merge-${id}`} list={listId} value={text} autoComplete="off" placeholder="Name of the tag to keep" className={inputClass}
        aria-describedby={unpicked ? `${hintId}-error` : hintId} aria-invalid={unpicked}
        onChange={(event) => { setText(event.target.value); setUnpicked(false); }}
      />
      <span id={hintId} className="sr-only">Suggestions appear as you type a tag&apos;s name.</span>
      <datalist id={listId} data-testid="merge-suggestions">
        {suggestions.map((tag) => <option key={tag.slug} value={suggestionText(tag)} />)}
      </datalist>
      <ConfirmButton
        disabled={pending}
        className={buttonClass}
        ready={() => {
          setUnpicked(!target);
          return !!target;
        }}
        confirm={{
          title: `Merge “${name}” into “${target?.name ?? ""}”?`,
          body: `Every story tagged “${name}” is tagged “${target?.name ?? ""}” instead, and “${name}” is removed; its address and feed lead to “${target?.name ?? ""}”. This cannot be undone.`,
          confirmLabel: "Merge",
        }}
      >
        {pending ? "Merging…" : "Merge into"}
      </ConfirmButton>
      {unpicked ? <p id={`${hintId}-error`} className="w-full text-sm text-red-700" data-testid="tag-form-error" role="alert">Pick the tag to keep from the suggestions as you type its name.</p> : null}
      {state.message ? <p className="w-full text-sm text-red-700" data-testid="tag-form-error" role="alert">{state.message}</p> : null}
    </form>
  );
}

/** Deletes a tag no story carries; one in use is refused by the server with a sentence. */
export function DeleteTagForm({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useRowRemovingAction(deleteTagAction);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <ConfirmButton
        disabled={pending}
        className="rounded border border-red-300 bg-white px-3 py-1 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60"
        confirm={{ title: `Delete the tag “${name}”?`, body: "No story carries it. It is removed for good, with any former addresses.", confirmLabel: "Delete tag" }}
      >
        <span aria-hidden="true">{pending ? "Deleting…" : "Delete"}</span>
        <span className="sr-only">{pending ? "Deleting…" : `Delete ${name}`}</span>
      </ConfirmButton>
      {state.message ? <p className="w-full text-sm text-red-700" data-testid="tag-form-error" role="alert">{state.message}</p> : null}
    </form>
  );
}
