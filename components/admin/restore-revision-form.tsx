"use client";

import { useActionState } from "react";
import { restoreRevisionAction, type RestoreState } from "@/app/(admin)/admin/stories/[id]/revisions/actions";
import { ConfirmButton } from "@/components/admin/confirm-dialog";

const buttonClass = "rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-slate-400 disabled:opacity-60";

/**
 * "Restore this version": carries the story version the editor is looking at, so a stale restore
 * is refused. On a live story readers see the restored copy at once, so it asks first.
 */
export function RestoreRevisionForm(props: { id: string; revision: number; version: number; live: boolean; headline: string }) {
  const [state, action, pending] = useActionState<RestoreState, FormData>(restoreRevisionAction, {});
  const label = pending ? "Restoring…" : `Restore version ${props.revision}`;
  return (
    <form action={action}>
      <input type="hidden" name="id" value={props.id} />
      <input type="hidden" name="revision" value={props.revision} />
      <input type="hidden" name="version" value={props.version} />
      {props.live ? (
        <ConfirmButton
          disabled={pending}
          className={buttonClass}
          confirm={{
            title: `Restore version ${props.revision} of “${props.headline}”?`,
            body: "Readers get the restored version: at once if the story is published, at its time if it is scheduled. The current version stays in the revisions.",
            confirmLabel: `Restore version ${props.revision}`,
            tone: "caution",
          }}
        >
          {label}
        </ConfirmButton>
      ) : (
        <button type="submit" disabled={pending} className={buttonClass}>{label}</button>
      )}
      {state.message ? <p className="mt-1 max-w-md text-sm text-red-800" data-testid="restore-error">{state.message}</p> : null}
    </form>
  );
}
