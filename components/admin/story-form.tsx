"use client";

import { useActionState } from "react";
import { saveStoryAction, suggestTagsAction, type StoryFormState } from "@/app/(admin)/admin/stories/actions";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import { TagInput, type TagValue } from "@/components/editor/tag-input";
import { Field, inputClass } from "@/components/admin/field";
import type { StoryFormValues } from "@/lib/stories/story-form-values";



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
      {state.message ? (
        <div className="rounded border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="form-error">
          {state.message}
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

      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-slate-900 px-5 py-2 font-medium text-white hover:bg-slate-700 focus:outline-none focus:ring-2 focus:ring-slate-400 disabled:opacity-60">
          {pending ? "Saving…" : initial.id ? "Save" : "Save draft"}
        </button>
      </div>
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
