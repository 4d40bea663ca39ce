"use client";

import { startTransition, useActionState, useState } from "react";
import { previewLinkAction, type PreviewState } from "@/app/(admin)/admin/stories/preview-actions";

/**
 * "Preview": makes a link to the story as readers will see it (a draft, a scheduled story, or a
 * live story's draft of changes), opens nothing by itself, and offers to open or copy it. The
 * link works for 48 hours for anyone who has it, signed in or not, and is never indexed.
 */
export function PreviewLinkButton({ id, beforeCommand }: { id: string; beforeCommand?: () => Promise<boolean> }) {
  const [state, action, pending] = useActionState<PreviewState, FormData>(previewLinkAction, {});
  const [copied, setCopied] = useState(false);
  return (
    <form
      className="text-sm"
      onSubmit={async (event) => {
        // The preview shows what the editor holds: what is typed is saved first.
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        if (beforeCommand && !(await beforeCommand())) return;
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="underline disabled:opacity-60" onClick={() => setCopied(false)}>
        {pending ? "Making a preview link…" : state.url ? "New preview link" : "Preview"}
      </button>
      {state.url ? (
        <span className="ml-2" data-testid="preview-link" aria-live="polite">
          <a href={state.url} target="_blank" rel="noopener noreferrer" className="font-medium underline">
            Open preview
          </a>
          <button
            type="button"
            className="ml-2 underline"
            onClick={() => void navigator.clipboard?.writeText(state.url!).then(() => setCopied(true), () => setCopied(false))}
          >
            {copied ? "Copied" : "Copy link"}
          </button>
          <span className="ml-2 text-slate-600">works until {state.expires}</span>
        </span>
      ) : null}
      {state.message ? <span className="ml-2 text-red-800" data-testid="preview-error">{state.message}</span> : null}
    </form>
  );
}
