"use client";

import { TagSuggestionList } from "@/components/admin/tag-suggestion-list";
import { useActionState } from "react";
import { addSuggestedTagsAction, type WireIngestState } from "@/app/(admin)/admin/wire/actions";
import type { WireTag } from "@/lib/wire";

/** Tag suggestions for a wire story: tick and add, as one version-checked save. */
export function SuggestedTagsForm({ id, version, suggestions }: { id: string; version: number; suggestions: WireTag[] }) {
  const [state, action, pending] = useActionState<WireIngestState, FormData>(addSuggestedTagsAction, {});
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <TagSuggestionList suggestions={suggestions} testId="story-tag-suggestions" />
      {state.error ? <p className="text-sm text-red-700">{state.error}</p> : null}
      <button type="submit" disabled={pending} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60">
        {pending ? "Adding…" : "Add ticked tags"}
      </button>
    </form>
  );
}
