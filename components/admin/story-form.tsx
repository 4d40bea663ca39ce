"use client";

import { useActionState } from "react";
import { saveStoryAction, suggestTagsAction, type StoryFormState } from "@/app/(admin)/admin/stories/actions";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import { TagInput, type TagValue } from "@/components/editor/tag-input";
import { Field, inputClass } from "@/components/admin/field";
import { RevisionDiff } from "@/components/admin/revision-diff";
import type { StoryFormValues } from "@/lib/stories/story-form-values";

const buttonClass = "rounded px-5 py-2 font-medium focus:outline-none focus:ring-2 focus:ring-slate-400 disabled:opacity-60";
const primary = `${buttonClass} bg-slate-900 text-white hover:bg-slate-700`;
const secondary = `${buttonClass} border border-slate-400 bg-white text-slate-900 hover:bg-slate-100`;

export function StoryForm({ initial }: { initial: StoryFormValues }) {
  const [state, action, pending] = useActionState<StoryFormState, FormData>(saveStoryAction, {});
  // After a refused save, show what was typed, not what is stored.
  const value = (key: keyof StoryFormValues) => state.values?.[key] ?? String(initial[key] ?? "");
  const tags: TagValue[] = state.values?.tags ? safeTags(state.values.tags) : initial.tags;
  const errors = state.fields ?? {};
  const aria = (name: string) => ({ "aria-invalid": !!errors[name], "aria-describedby": errors[name] ? `${name}-error` : undefined });

  return (
    <form action={action} className="space-y-5" noValidate>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {initial.version ? <input type="hidden" name="version" value={initial.version} /> : null}
      {initial.draftSavedAt ? <input type="hidden" name="draftSavedAt" value={initial.draftSavedAt} /> : null}
      {state.message ? (
        <div className="rounded border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
          <p data-testid="form-error">{state.message}</p>
          {state.stale ? (
            <>
              <p className="mt-1">What you typed is still in the form below: copy what you need, then reload the story.</p>
              <details className="mt-2" data-testid="other-change">
                <summary className="cursor-pointer font-medium underline">See the other change</summary>
                <div className="mt-2 rounded border border-slate-200 bg-white p-3 text-slate-900">
                  <p className="mb-2 font-medium">{state.stale.title}</p>
                  {state.stale.fields ? <RevisionDiff fields={state.stale.fields} /> : <p>No comparison is available for this change.</p>}
                </div>
              </details>
              <p className="mt-2">
                <a href={state.stale.href} target="_blank" rel="noopener" className="underline" data-testid="other-change-link">
                  Open the comparison in a new tab
                </a>
              </p>
            </>
          ) : null}
        </div>
      ) : null}

      <Field id="headline" label="Headline" errors={errors.headline}>
        <input id="headline" name="headline" defaultValue={value("headline")} className={`${inputClass} font-serif text-xl`} required maxLength={300} {...aria("headline")} />
      </Field>
      <Field id="standfirst" label="Standfirst" hint="One or two sentences under the headline." errors={errors.standfirst}>
        <textarea id="standfirst" name="standfirst" rows={2} defaultValue={value("standfirst")} className={inputClass} maxLength={600} {...aria("standfirst")} />
      </Field>

      <fieldset className="rounded border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-800">Dateline</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field id="datelineLocation" label="Location" errors={errors.datelineLocation}>
            <input id="datelineLocation" name="datelineLocation" defaultValue={value("datelineLocation")} placeholder="Moscow" className={inputClass} {...aria("datelineLocation")} />
          </Field>
          <Field id="datelineCountry" label="Country" errors={errors.datelineCountry}>
            <input id="datelineCountry" name="datelineCountry" defaultValue={value("datelineCountry")} placeholder="Russia" className={inputClass} {...aria("datelineCountry")} />
          </Field>
          <Field id="datelineDate" label="Date" errors={errors.datelineDate}>
            <input id="datelineDate" name="datelineDate" type="date" defaultValue={value("datelineDate")} className={inputClass} {...aria("datelineDate")} />
          </Field>
        </div>
      </fieldset>

      <div>
        <span id="body-label" className="block text-sm font-medium text-slate-800">Body</span>
        <div className="mt-1">
          <RichTextEditor name="body" defaultValue={value("body")} label="Body" invalid={!!errors.body} describedBy={errors.body ? "body-error" : undefined} />
        </div>
        {errors.body ? <p id="body-error" className="mt-1 text-sm text-red-700" data-testid="error-body">{errors.body.join(" ")}</p> : null}
      </div>

      <div>
        <label htmlFor="tags" className="block text-sm font-medium text-slate-800">Tags</label>
        <p className="text-xs text-slate-500">Type to find existing tags; choose a type to create a new one.</p>
        <div className="mt-1">
          <TagInput id="tags" name="tags" defaultValue={tags} suggest={suggestTagsAction} invalid={!!errors.tags} describedBy={errors.tags ? "tags-error" : undefined} />
        </div>
        {errors.tags ? <p id="tags-error" className="mt-1 text-sm text-red-700">{errors.tags.join(" ")}</p> : null}
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="byline" label="Byline" errors={errors.byline}>
          <input id="byline" name="byline" defaultValue={value("byline")} className={inputClass} {...aria("byline")} />
        </Field>
        <Field id="agency" label="Agency" errors={errors.agency}>
          <input id="agency" name="agency" defaultValue={value("agency")} placeholder="ANI, PTI, Reuters…" className={inputClass} {...aria("agency")} />
        </Field>
        <Field id="slug" label="Slug" hint="Made from the headline if left empty." errors={errors.slug}>
          <input id="slug" name="slug" defaultValue={value("slug")} className={`${inputClass} font-mono text-sm`} {...aria("slug")} />
        </Field>
      </div>
      <Field id="credits" label="Credits" errors={errors.credits}>
        <input id="credits" name="credits" defaultValue={value("credits")} placeholder="Reporting by …; Editing by …" className={inputClass} {...aria("credits")} />
      </Field>

      <div className="flex flex-wrap items-center gap-3">
        {pending ? (
          <button type="button" disabled className={primary}>Saving…</button>
        ) : initial.draftSavedAt ? (
          // The form holds the draft of changes: publish it as it now reads, or keep it as a draft.
          <>
            <button type="submit" name="intent" value="publishChanges" className={primary}>Publish changes</button>
            <button type="submit" name="intent" value="draft" className={secondary}>Save draft of changes</button>
          </>
        ) : (
          <>
            <button type="submit" className={primary}>{initial.id ? "Save" : "Save draft"}</button>
            {initial.live ? <button type="submit" name="intent" value="draft" className={secondary}>Save as draft of changes</button> : null}
          </>
        )}
      </div>
      {initial.live && !initial.draftSavedAt ? (
        <p className="text-xs text-slate-500">Save puts your changes on the site at once; a draft of changes waits until you publish it.</p>
      ) : null}
    </form>
  );
}

function safeTags(json: string): TagValue[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as TagValue[]) : [];
  } catch {
    return [];
  }
}
