"use client";

import { useActionState } from "react";
import { addCorrectionAction, type CorrectionFormState } from "@/app/(admin)/admin/stories/correction-actions";
import { Field, inputClass } from "@/components/admin/field";

/** Adds a correction or update note to a published story; the note is plain text. */
export function CorrectionForm({ storyId }: { storyId: string }) {
  const [state, action, pending] = useActionState<CorrectionFormState, FormData>(addCorrectionAction, {});
  const errors = state.fields ?? {};
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="storyId" value={storyId} />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Kind</legend>
        {/* Keyed by what was sent: React resets a form after its action, and a refused note must come back as it was. */}
        <div key={`${state.kind}-${state.added}`} className="mt-1 flex gap-4 text-sm">
          <label className="flex items-center gap-1">
            <input type="radio" name="kind" value="correction" defaultChecked={state.kind !== "update"} /> Correction
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="kind" value="update" defaultChecked={state.kind === "update"} /> Update
          </label>
        </div>
        {errors.kind ? <p className="mt-1 text-sm text-red-700">{errors.kind.join(" ")}</p> : null}
      </fieldset>
      <Field id="correction-note" label="Note for readers" hint="Plain text, shown with today's date at the foot of the story and in its feed item." errors={errors.note}>
        <textarea
          key={`${state.note}-${state.added}`}
          id="correction-note"
          name="note"
          rows={3}
          maxLength={2000}
          defaultValue={state.note}
          className={inputClass}
          aria-invalid={!!errors.note}
          aria-describedby="correction-note-hint"
        />
      </Field>
      <button type="submit" disabled={pending} className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
        {pending ? "Adding…" : "Add note"}
      </button>
      {state.message && !state.fields ? <p className="text-sm text-red-700" data-testid="correction-error">{state.message}</p> : null}
      {state.added ? <p className="text-sm text-emerald-800" role="status" data-testid="correction-added">{state.added}</p> : null}
    </form>
  );
}
