"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Field, inputClass } from "@/components/admin/field";
import { KeyboardShortcuts, type Shortcut } from "@/components/admin/keyboard-shortcuts";
import { useLeaveGuard } from "@/components/admin/use-leave-guard";
import { CropPreviews } from "@/components/media/crop-previews";
import { FocalPointPicker, type FocalPoint } from "@/components/media/focal-point-picker";
import { needsAlt, type Picture } from "@/components/media/picture-renditions";
import { savePicture } from "@/components/media/save-picture";
import { MEDIA_TEXT_MAX } from "@/lib/media/media-limits";
import { formatZonedTime } from "@/lib/site/zoned-time";

type TextField = "caption" | "credit" | "byline" | "copyright" | "alt";
type Values = Record<TextField, string> & { focalPoint: FocalPoint };
type SaveState = { saving: boolean; message: { kind: "saved" | "error"; text: string } | null; fields: Record<string, string[]> };

const valuesOf = (picture: Picture): Values => ({
  caption: picture.caption, credit: picture.credit, byline: picture.byline, copyright: picture.copyright, alt: picture.alt, focalPoint: picture.focalPoint,
});

const textFields: TextField[] = ["caption", "credit", "byline", "copyright", "alt"];
const samePoint = (a: FocalPoint, b: FocalPoint) => a.x === b.x && a.y === b.y;

/** What differs between two copies of the form: the fields a save sends. */
function changes(values: Values, saved: Values): Partial<Values> {
  const out: Partial<Values> = {};
  for (const field of textFields) if (values[field] !== saved[field]) out[field] = values[field];
  if (!samePoint(values.focalPoint, saved.focalPoint)) out.focalPoint = values.focalPoint;
  return out;
}

const labels: Record<TextField, string> = { caption: "Caption", credit: "Credit", byline: "Photographer", copyright: "Copyright", alt: "Alt text" };
const hints: Partial<Record<TextField, string>> = {
  caption: "Shown under the picture: what happened, where and when.",
  credit: "The agency or the paper the picture comes from (ANI, Reuters, Staff).",
  byline: "Who took it; shown with the credit.",
  copyright: "Kept in the files readers download.",
};

const buttonClass = "rounded px-4 py-2 text-sm font-medium focus:outline-none focus:ring-2 focus:ring-slate-400 disabled:opacity-60";

/**
 * A picture's page in the library: the picture large with its focal point, the crops made from it,
 * and the words that go with it, each beside what the file itself said. Saved with the Save button
 * or Ctrl/Cmd+S; leaving with changes unsaved asks first, and a newsroom link saves, then goes.
 */
export function MediaPictureEditor({ picture: initial, canEdit, timeZone }: { picture: Picture; canEdit: boolean; timeZone: string }) {
  const [picture, setPicture] = useState(initial);
  const [values, setValuesState] = useState<Values>(() => valuesOf(initial));
  const [state, setState] = useState<SaveState>({ saving: false, message: null, fields: {} });
  const valuesRef = useRef(values);
  const savedRef = useRef(valuesOf(initial));
  const inFlight = useRef<Promise<boolean> | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  const setValues = (change: Partial<Values>) => {
    valuesRef.current = { ...valuesRef.current, ...change };
    setValuesState(valuesRef.current);
  };
  const pending = changes(values, valuesOf(picture));
  const dirty = Object.keys(pending).length > 0;

  const saveOnce = useCallback(async (): Promise<boolean> => {
    const sent = valuesRef.current;
    const change = changes(sent, savedRef.current);
    if (Object.keys(change).length === 0) return true;
    setState((current) => ({ ...current, saving: true }));
    const answer = await savePicture(initial.id, change);
    if (!answer.ok) {
      setState({ saving: false, fields: answer.fields, message: { kind: "error", text: answer.message } });
      return false;
    }
    savedRef.current = valuesOf(answer.picture);
    setPicture(answer.picture);
    // What was typed while the save ran stays in the form, to be saved next.
    if (valuesRef.current === sent) {
      valuesRef.current = valuesOf(answer.picture);
      setValuesState(valuesRef.current);
    }
    const crops = change.focalPoint ? " The crops were made again around the new focal point." : "";
    setState({ saving: false, fields: {}, message: { kind: "saved", text: `Saved at ${formatZonedTime(new Date(), timeZone)}.${crops}` } });
    return true;
  }, [initial.id, timeZone]);

  const save = useCallback(async (): Promise<boolean> => {
    while (inFlight.current) await inFlight.current;
    const run = saveOnce();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [saveOnce]);

  useLeaveGuard(canEdit && (dirty || state.saving), save);

  // A refusal takes the focus, so that it is read out and seen wherever the editor was.
  useEffect(() => {
    if (state.message?.kind === "error") messageRef.current?.focus();
  }, [state.message]);

  const shortcuts: Shortcut[] = [{ keys: "Mod+s", description: "Save the picture's details", inFields: true, run: () => void (canEdit && save()) }];
  const embedded = picture.embedded;

  const textInput = (field: TextField) => {
    const common = {
      id: field, name: field, value: values[field], readOnly: !canEdit, className: inputClass, maxLength: MEDIA_TEXT_MAX[field],
      "aria-invalid": !!state.fields[field],
      "aria-describedby": [hints[field] || field === "alt" ? `${field}-hint` : null, state.fields[field] ? `${field}-error` : null, embedded[field as keyof typeof embedded] ? `${field}-file` : null].filter(Boolean).join(" ") || undefined,
    };
    return field === "caption" || field === "alt"
      ? <textarea {...common} rows={field === "caption" ? 4 : 3} onChange={(event) => setValues({ [field]: event.target.value })} />
      : <input {...common} onChange={(event) => setValues({ [field]: event.target.value })} />;
  };

  /** "What the file says", beside the field, with a button to put it back. */
  const fromFile = (field: Exclude<TextField, "alt">) => {
    const said = embedded[field];
    if (!said) return <p id={`${field}-file`} className="mt-1 text-xs text-slate-500">The file says nothing here.</p>;
    const same = values[field] === said;
    return (
      <div id={`${field}-file`} className="mt-1 rounded border border-slate-200 bg-slate-50 px-2 py-1.5 text-xs text-slate-700" data-testid={`file-says-${field}`}>
        <span className="font-medium">The file says:</span> <span className="break-words">{said}</span>
        {canEdit ? (
          same ? <span className="ml-1 text-slate-500">(in use)</span> : (
            <button type="button" className="ml-2 font-medium text-sky-900 underline" onClick={() => setValues({ [field]: said })} aria-label={`Use the file's ${labels[field].toLowerCase()}`}>
              Use this
            </button>
          )
        ) : null}
      </div>
    );
  };

  const field = (name: TextField) => (
    <Field id={name} label={labels[name]} hint={hints[name]} errors={state.fields[name]}>
      {textInput(name)}
      {name === "alt" ? null : fromFile(name)}
    </Field>
  );

  return (
    // On a wide screen the picture and its crops on the left, the words on the right; on a phone the
    // picture, the words, then the crops, with the save state and button kept at the foot of the screen.
    <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_22rem] lg:grid-rows-[auto_1fr] lg:gap-x-8" data-testid="media-editor">
      <div className="min-w-0 lg:col-start-1 lg:row-start-1">
        <FocalPointPicker picture={picture} value={values.focalPoint} onChange={(focalPoint) => setValues({ focalPoint })} readOnly={!canEdit} />
        {state.fields.focalPoint ? <p className="mt-1 text-sm text-red-700">{state.fields.focalPoint.join(" ")}</p> : null}
      </div>

      {/* A field the browser scrolls to stays clear of the save bar at the foot of a phone's screen. */}
      <div className="mt-6 flex flex-col gap-4 max-lg:[&_input]:scroll-mb-24 max-lg:[&_textarea]:scroll-mb-24 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:mt-0">
        <div className="sticky bottom-0 z-10 flex items-center justify-between gap-3 rounded border border-slate-200 bg-slate-50 p-3 shadow-[0_-2px_8px_rgba(15,23,42,0.08)] max-lg:order-last lg:top-4 lg:bottom-auto lg:block lg:space-y-3 lg:shadow-none">
          <div ref={messageRef} tabIndex={-1} className="min-w-0 text-sm focus:outline-none" data-testid="save-state" aria-live="polite">
            {state.message?.kind === "error" ? (
              <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">Not saved: {state.message.text}</p>
            ) : state.saving ? (
              <p className="text-slate-600">Saving…</p>
            ) : dirty ? (
              <p className="text-slate-700">Unsaved changes.</p>
            ) : state.message ? (
              <p role="status" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900">{state.message.text}</p>
            ) : (
              <p className="text-slate-600">{canEdit ? "No changes." : "Your role may look at pictures, not change them."}</p>
            )}
          </div>
          {canEdit ? (
            <button type="button" className={`${buttonClass} shrink-0 bg-slate-900 text-white hover:bg-slate-700`} disabled={state.saving || !dirty} onClick={() => void save()}>
              {state.saving ? "Saving…" : "Save"}
            </button>
          ) : null}
        </div>

        <div>
          <div className="flex flex-wrap items-baseline justify-between gap-x-2">
            <label htmlFor="alt" className="block text-sm font-medium text-slate-800">Alt text</label>
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${needsAlt(values) ? "bg-red-100 text-red-900" : "bg-slate-100 text-slate-700"}`}>Required for publishing</span>
          </div>
          <p id="alt-hint" className="text-xs text-slate-600">
            For readers who cannot see the picture: say what it shows that matters to the story, in a sentence (who, doing what, where). Do not start with &ldquo;Picture of&rdquo; or repeat the caption.
          </p>
          <div className="mt-1">{textInput("alt")}</div>
          {state.fields.alt ? <p id="alt-error" className="mt-1 text-sm text-red-700">{state.fields.alt.join(" ")}</p> : null}
        </div>
        {field("caption")}
        {field("credit")}
        {field("byline")}
        {field("copyright")}
        {embedded.takenAt ? (
          <p className="text-sm text-slate-700" data-testid="taken-at">The file says it was taken {formatZonedTime(new Date(embedded.takenAt), timeZone)}.</p>
        ) : null}
        <KeyboardShortcuts shortcuts={shortcuts} />
      </div>

      <div className="min-w-0 lg:col-start-1 lg:row-start-2">
        <CropPreviews picture={picture} pending={!!pending.focalPoint} />
      </div>
    </div>
  );
}
