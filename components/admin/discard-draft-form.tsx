"use client";

import { useActionState } from "react";
import { discardDraftAction, type StoryCommandState } from "@/app/(admin)/admin/stories/actions";
import { ConfirmButton } from "@/components/admin/confirm-dialog";

/** Throws the draft of changes away, after confirming; names the draft it saw, so a newer one is not lost. */
export function DiscardDraftForm(props: { id: string; version: number; draftSavedAt: string; headline?: string }) {
  const [state, action, pending] = useActionState<StoryCommandState, FormData>(discardDraftAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={props.id} />
      <input type="hidden" name="version" value={props.version} />
      <input type="hidden" name="draftSavedAt" value={props.draftSavedAt} />
      <ConfirmButton
        disabled={pending}
        confirm={{
          title: props.headline ? `Discard the unpublished changes to “${props.headline}”?` : "Discard these unpublished changes?",
          body: "The draft of changes is thrown away. The live story stays as readers see it now.",
          confirmLabel: "Discard draft",
        }}
        className="rounded border border-amber-500 bg-white px-3 py-1 text-sm font-medium text-amber-950 hover:bg-amber-100 focus:outline-none focus:ring-2 focus:ring-amber-400 disabled:opacity-60"
      >
        {pending ? "Discarding…" : "Discard draft"}
      </ConfirmButton>
      {state.message ? <p className="mt-1 text-sm text-red-800" data-testid="command-error">{state.message}</p> : null}
    </form>
  );
}
