"use client";

import { useActionState } from "react";
import { publishStoryAction, unpublishStoryAction, type StoryCommandState } from "@/app/(admin)/admin/stories/actions";

const buttonClass = "rounded px-4 py-2 text-sm font-medium focus:outline-none focus:ring-2 focus:ring-slate-400 disabled:opacity-60";

/** Publish / unpublish. Shown only to roles that may; the server checks again whatever is posted. */
export function StoryCommands({ id, status, canPublish, canUnpublish }: { id: string; status: string; canPublish: boolean; canUnpublish: boolean }) {
  const [publishState, publish, publishing] = useActionState<StoryCommandState, FormData>(publishStoryAction, {});
  const [unpublishState, unpublish, unpublishing] = useActionState<StoryCommandState, FormData>(unpublishStoryAction, {});
  const live = status === "published" || status === "scheduled";
  const message = publishState.message ?? unpublishState.message;
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
