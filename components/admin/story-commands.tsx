"use client";

import { useActionState } from "react";
import { killStoryAction, publishStoryAction, submitStoryAction, unpublishStoryAction, type StoryCommandState } from "@/app/(admin)/admin/stories/actions";

const buttonClass = "rounded px-4 py-2 text-sm font-medium focus:outline-none focus:ring-2 focus:ring-slate-400 disabled:opacity-60";

/** Publish / unpublish. Shown only to roles that may; the server checks again whatever is posted. */
export function StoryCommands(props: { id: string; status: string; canPublish: boolean; canUnpublish: boolean; canSubmit: boolean; canKill: boolean }) {
  const { id, status, canPublish, canUnpublish, canSubmit, canKill } = props;
  const [publishState, publish, publishing] = useActionState<StoryCommandState, FormData>(publishStoryAction, {});
  const [unpublishState, unpublish, unpublishing] = useActionState<StoryCommandState, FormData>(unpublishStoryAction, {});
  const [submitState, submit, submitting] = useActionState<StoryCommandState, FormData>(submitStoryAction, {});
  const [killState, kill, killing] = useActionState<StoryCommandState, FormData>(killStoryAction, {});
  const live = status === "published" || status === "scheduled";
  const message = publishState.message ?? unpublishState.message ?? submitState.message ?? killState.message;
  return (
    <div className="space-y-2">
      {message ? <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="command-error">{message}</p> : null}
      <div className="flex flex-wrap gap-2">
        {canPublish && status !== "published" && status !== "killed" ? (
          <form action={publish}>
            <input type="hidden" name="id" value={id} />
            <button type="submit" disabled={publishing} className={`${buttonClass} bg-emerald-700 text-white hover:bg-emerald-800`}>
              {publishing ? "Publishing…" : "Publish"}
            </button>
          </form>
        ) : null}
        {canSubmit && !canPublish && (status === "draft" || status === "unpublished") ? (
          <form action={submit}>
            <input type="hidden" name="id" value={id} />
            <button type="submit" disabled={submitting} className={`${buttonClass} bg-slate-900 text-white hover:bg-slate-700`}>
              {submitting ? "Submitting…" : "Submit for review"}
            </button>
          </form>
        ) : null}
        {canKill && status !== "killed" ? (
          <form action={kill} onSubmit={(event) => { if (!window.confirm("Kill this story? It leaves the site for good; the copy is kept for the record.")) event.preventDefault(); }}>
            <input type="hidden" name="id" value={id} />
            <button type="submit" disabled={killing} className={`${buttonClass} border border-red-300 bg-white text-red-800 hover:bg-red-50`}>
              {killing ? "Killing…" : "Kill"}
            </button>
          </form>
        ) : null}
        {canUnpublish && live ? (
          <form action={unpublish}>
            <input type="hidden" name="id" value={id} />
            <button type="submit" disabled={unpublishing} className={`${buttonClass} border border-orange-300 bg-white text-orange-900 hover:bg-orange-50`}>
              {unpublishing ? "Unpublishing…" : "Unpublish"}
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
