"use client";

import { useActionState } from "react";
import { restoreRevisionAction, type RestoreState } from "@/app/(admin)/admin/stories/[id]/revisions/actions";

/** "Restore this version": carries the story version the editor is looking at, so a stale restore is refused. */
export function RestoreRevisionForm(props: { id: string; revision: number; version: number }) {
  const [state, action, pending] = useActionState<RestoreState, FormData>(restoreRevisionAction, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={props.id} />
      <input type="hidden" name="revision" value={props.revision} />
      <input type="hidden" name="version" value={props.version} />
      <button type="submit" disabled={pending} className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-slate-400 disabled:opacity-60">
        {pending ? "Restoring…" : `Restore version ${props.revision}`}
      </button>
      {state.message ? <p className="mt-1 max-w-md text-sm text-red-800" data-testid="restore-error">{state.message}</p> : null}
    </form>
  );
}
