"use client";

import { useMemo, useState } from "react";
import type { TheirCopy } from "@/app/(admin)/admin/stories/actions";
import type { StoryFormValues } from "@/lib/stories/story-form-values";
import { editableFields, fieldLabels, fieldText, sameField, type EditableField } from "@/components/admin/story-values";

type Choice = "mine" | "theirs";

/**
 * Someone else saved the story while this editor was changing it. Field by field, against the copy
 * both started from: a field only they changed is taken from theirs, one only this editor changed is
 * kept, and one both changed differently is the editor's choice (keep mine, take theirs, see both).
 * Nothing is copied by hand, and nothing is saved until the editor says so.
 */
export function plan(base: StoryFormValues, mine: StoryFormValues, theirs: StoryFormValues) {
  const taken: EditableField[] = [];
  const kept: EditableField[] = [];
  const conflicts: EditableField[] = [];
  for (const field of editableFields) {
    if (sameField(field, mine, theirs)) continue;
    if (sameField(field, mine, base)) taken.push(field);
    else if (sameField(field, theirs, base)) kept.push(field);
    else conflicts.push(field);
  }
  return { taken, kept, conflicts };
}

export function StoryMerge(props: {
  base: StoryFormValues;
  mine: StoryFormValues;
  theirs: TheirCopy;
  message: string;
  /** The merged values, to save on top of their copy. */
  onMerge: (merged: StoryFormValues) => void;
  /** Drop this editor's changes and show their copy. */
  onTakeTheirs: () => void;
}) {
  const { base, mine, theirs } = props;
  const { taken, kept, conflicts } = useMemo(() => plan(base, mine, theirs.values), [base, mine, theirs.values]);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const choice = (field: EditableField): Choice => choices[field] ?? "mine";

  function merged(): StoryFormValues {
    const out: StoryFormValues = { ...mine, id: mine.id };
    for (const field of [...taken, ...conflicts.filter((f) => choice(f) === "theirs")]) {
      (out as Record<string, unknown>)[field] = theirs.values[field];
    }
    return out;
  }

  const names = (fields: EditableField[]) => fields.map((field) => fieldLabels[field].toLowerCase()).join(", ");
  return (
    <section className="rounded border-2 border-red-300 bg-red-50 p-4 text-sm text-red-950" aria-labelledby="merge-heading" data-testid="story-merge">
      <h2 id="merge-heading" className="font-semibold" data-testid="form-error">{props.message}</h2>
      {taken.length ? <p className="mt-2" data-testid="merge-taken">Taken from their version (only they changed it): {names(taken)}.</p> : null}
      {kept.length ? <p className="mt-1" data-testid="merge-kept">Kept yours (only you changed it): {names(kept)}.</p> : null}
      {conflicts.length ? (
        <fieldset className="mt-3 space-y-3">
          <legend className="font-medium">You both changed {conflicts.length === 1 ? "this field" : "these fields"}: choose which to keep.</legend>
          {conflicts.map((field) => (
            <div key={field} className="rounded border border-red-200 bg-white p-3 text-slate-900" data-testid={`merge-${field}`}>
              <p className="font-medium">{fieldLabels[field]}</p>
              <div className="mt-1 flex flex-wrap gap-4" role="radiogroup" aria-label={`Which ${fieldLabels[field].toLowerCase()} to keep`}>
                <label className="flex items-center gap-2">
                  <input type="radio" name={`merge-${field}`} checked={choice(field) === "mine"} onChange={() => setChoices({ ...choices, [field]: "mine" })} />
                  Keep mine
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" name={`merge-${field}`} checked={choice(field) === "theirs"} onChange={() => setChoices({ ...choices, [field]: "theirs" })} />
                  Take theirs
                </label>
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer underline">See both</summary>
                <dl className="mt-2 grid gap-2 sm:grid-cols-2">
                  <div><dt className="text-xs font-semibold uppercase text-slate-500">Yours</dt><dd className="whitespace-pre-wrap break-words" data-testid="merge-mine">{fieldText(field, mine)}</dd></div>
                  <div><dt className="text-xs font-semibold uppercase text-slate-500">Theirs{theirs.by ? ` (${theirs.by})` : ""}</dt><dd className="whitespace-pre-wrap break-words" data-testid="merge-theirs">{fieldText(field, theirs.values)}</dd></div>
                </dl>
              </details>
            </div>
          ))}
        </fieldset>
      ) : null}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button type="button" onClick={() => props.onMerge(merged())} className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 focus:outline-none focus:ring-2 focus:ring-slate-400">
          {conflicts.length || kept.length ? "Save with these choices" : "Show their version"}
        </button>
        <button type="button" onClick={props.onTakeTheirs} className="rounded border border-slate-400 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-slate-400">
          Drop my changes, take theirs
        </button>
        <a href={theirs.href} target="_blank" rel="noopener" className="underline" data-testid="other-change-link">Open the full comparison</a>
      </div>
    </section>
  );
}
