"use client";

import { useActionState } from "react";
import { mergeTagsAction, renameTagAction, type TagFormState } from "@/app/(admin)/admin/tags/actions";

const inputClass = "w-44 rounded border border-slate-300 px-2 py-1 text-sm";
const buttonClass = "rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60";

function Outcome({ state }: { state: TagFormState }) {
  if (state.message) return <p className="w-full text-sm text-red-700" data-testid="tag-form-error">{state.message}</p>;
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

/** Moves every story of this tag to another (named by slug) and removes this one; its URL redirects. */
export function MergeTagForm({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState<TagFormState, FormData>(mergeTagsAction, {});
  return (
    <form
      action={action}
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        if (!window.confirm(`Merge “${name}” into the other tag? Its stories move there and “${name}” is removed.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <label htmlFor={`merge-${id}`} className="sr-only">Merge {name} into (slug of the tag to keep)</label>
      <input key={state.value} id={`merge-${id}`} name="into" defaultValue={state.value} placeholder="slug of the tag to keep" className={inputClass} />
      <button type="submit" disabled={pending} className={buttonClass}>{pending ? "Merging…" : "Merge into"}</button>
      <Outcome state={state} />
    </form>
  );
}
