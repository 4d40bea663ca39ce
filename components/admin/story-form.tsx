"use client";

import type { ReactNode } from "react";
import { suggestTagsAction } from "@/app/(admin)/admin/stories/actions";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import { TagInput } from "@/components/editor/tag-input";
import { Field, inputClass } from "@/components/admin/field";
import { ZonedDateInput } from "@/components/admin/zoned-date-time-input";
import { fieldLabels, type EditableField } from "@/components/admin/story-values";
import type { StoryFormValues } from "@/lib/stories/story-form-values";

type Props = {
  values: StoryFormValues;
  onChange: (change: Partial<StoryFormValues>) => void;
  /** The editor's reading of the stored body (its HTML normalised): not a change by the user. */
  onBodyRead: (html: string) => void;
  errors: Record<string, string[]>;
  readOnly: boolean;
  /** Bumped when a field's value is set from outside (another's copy taken): the body and tags editors start again from it. */
  remountKey: number;
  /** Shown under the headline: the headline was proposed from the wire copy and needs writing. */
  headlineNote?: ReactNode;
  /** Between the standfirst and the body, where the article shows it: the lead picture. */
  beforeBody?: ReactNode;
};

const aria = (errors: Record<string, string[]>, name: string) => ({
  "aria-invalid": !!errors[name],
  "aria-describedby": errors[name] ? `${name}-error` : undefined,
});

/** "42 of about 155 characters shown": how much of the text a search result or card shows. */
const lengthHint = (value: string, shown: number) =>
  value.length > shown ? `${value.length} characters: only about ${shown} are shown.` : `${value.length} of about ${shown} characters shown.`;

/** The writing area: headline, standfirst and body, the story itself. */
export function StoryWriting({ values, onChange, onBodyRead, errors, readOnly, remountKey, headlineNote, beforeBody }: Props) {
  return (
    <div className="space-y-5">
      <Field id="headline" label="Headline" errors={errors.headline}>
        <input
          id="headline" name="headline" value={values.headline} onChange={(event) => onChange({ headline: event.target.value })}
          className={`${inputClass} font-serif text-xl`} required maxLength={300} readOnly={readOnly} {...aria(errors, "headline")}
        />
      </Field>
      {headlineNote}
      <Field id="standfirst" label="Standfirst" hint="One or two sentences under the headline." errors={errors.standfirst}>
        <textarea
          id="standfirst" name="standfirst" rows={2} value={values.standfirst} onChange={(event) => onChange({ standfirst: event.target.value })}
          className={inputClass} maxLength={600} readOnly={readOnly} {...aria(errors, "standfirst")}
        />
      </Field>
      {beforeBody}
      <div>
        <span id="body-label" className="block text-sm font-medium text-slate-800">Body</span>
        <div className="mt-1">
          <RichTextEditor
            key={remountKey} name="body" defaultValue={values.body} label="Body" readOnly={readOnly}
            invalid={!!errors.body} describedBy={errors.body ? "body-error" : undefined}
            onChange={(html, first) => (first ? onBodyRead(html) : onChange({ body: html }))}
          />
        </div>
        {errors.body ? <p id="body-error" className="mt-1 text-sm text-red-700" data-testid="error-body">{errors.body.join(" ")}</p> : null}
      </div>
    </div>
  );
}

/** The sidebar's fields: tags, dateline, byline, agency, credits and slug. */
export function StoryDetails({ values, onChange, errors, readOnly, remountKey }: Omit<Props, "onBodyRead" | "headlineNote" | "beforeBody">) {
  const text = (name: Exclude<EditableField, "tags" | "body" | "leadImage">, extra: Record<string, unknown> = {}) => (
    <input
      id={name} name={name} value={values[name]} onChange={(event) => onChange({ [name]: event.target.value })}
      readOnly={readOnly} className={inputClass} {...aria(errors, name)} {...extra}
    />
  );
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="tags" className="block text-sm font-medium text-slate-800">Tags</label>
        <p className="text-xs text-slate-500">Type to find existing tags; choose a type to create a new one.</p>
        <div className="mt-1">
          <TagInput
            key={remountKey} id="tags" name="tags" defaultValue={values.tags} suggest={suggestTagsAction}
            onChange={(tags) => onChange({ tags })} invalid={!!errors.tags} describedBy={errors.tags ? "tags-error" : undefined}
          />
        </div>
        {errors.tags ? <p id="tags-error" className="mt-1 text-sm text-red-700">{errors.tags.join(" ")}</p> : null}
      </div>
      <fieldset className="rounded border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">Dateline</legend>
        <div className="grid gap-3">
          <Field id="datelineLocation" label="Location" errors={errors.datelineLocation}>{text("datelineLocation", { placeholder: "e.g. Moscow" })}</Field>
          <Field id="datelineCountry" label="Country" errors={errors.datelineCountry}>{text("datelineCountry", { placeholder: "e.g. Russia" })}</Field>
          <ZonedDateInput
            key={remountKey} id="datelineDate" name="datelineDate" label="Date" defaultValue={values.datelineDate || null}
            disabled={readOnly} error={errors.datelineDate?.join(" ")} onChange={(day) => onChange({ datelineDate: day ?? "" })}
          />
        </div>
      </fieldset>
      <Field id="byline" label="Byline" errors={errors.byline}>{text("byline")}</Field>
      <Field id="agency" label="Agency" errors={errors.agency}>{text("agency", { placeholder: "ANI, PTI, Reuters…" })}</Field>
      <Field id="credits" label="Credits" errors={errors.credits}>{text("credits", { placeholder: "Reporting by …; Editing by …" })}</Field>
      <Field id="slug" label="Slug" hint="Follows the headline until the story is first published, unless you set it." errors={errors.slug}>
        {text("slug", { className: `${inputClass} font-mono text-sm` })}
      </Field>
      <fieldset className="rounded border border-slate-200 p-3">
        <legend className="px-1 text-sm font-medium text-slate-800">Search and social</legend>
        <div className="grid gap-3">
          <Field id="metaDescription" label="Meta description" hint={`What search engines show under the headline; the standfirst when empty. ${lengthHint(values.metaDescription, 155)}`} errors={errors.metaDescription}>
            <textarea
              id="metaDescription" name="metaDescription" rows={3} value={values.metaDescription} onChange={(event) => onChange({ metaDescription: event.target.value })}
              readOnly={readOnly} maxLength={300} className={inputClass} {...aria(errors, "metaDescription")}
            />
          </Field>
          <Field id="socialHeadline" label="Social card title" hint={`The title of shared links (og:title); the story's own when empty. ${lengthHint(values.socialHeadline, 70)}`} errors={errors.socialHeadline}>
            {text("socialHeadline", { maxLength: 200 })}
          </Field>
        </div>
      </fieldset>
    </div>
  );
}

/** "Check the highlighted fields", naming them, each a link to its field. */
export function FieldErrorSummary({ errors }: { errors: Record<string, string[]> }) {
  const names = Object.keys(errors);
  if (!names.length) return null;
  return (
    <ul className="mt-1 list-disc pl-5 text-sm" data-testid="field-error-list">
      {names.map((name) => (
        <li key={name}>
          <a href={`#${name}`} className="underline" onClick={(event) => { event.preventDefault(); document.getElementById(name)?.focus(); }}>
            {fieldLabels[name as EditableField] ?? name}
          </a>
          : {errors[name].join(" ")}
        </li>
      ))}
    </ul>
  );
}
