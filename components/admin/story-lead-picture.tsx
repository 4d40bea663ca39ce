"use client";

import { useEffect, useId, useRef, useState } from "react";
import { MediaPickerDialog } from "@/components/media/media-picker-dialog";
import { NeedsAltMarker } from "@/components/media/picture-card";
import { carriesFiles, pastedFiles } from "@/components/media/picture-intake";
import { getPicture } from "@/components/media/list-pictures";
import { needsAlt, renditionFor, type Picture } from "@/components/media/picture-renditions";
import { savePicture } from "@/components/media/save-picture";
import { rememberPicture } from "@/components/media/picture-store";
import { UploadLines } from "@/components/media/upload-lines";
import { usePictureUploads } from "@/components/media/use-picture-uploads";
import { inputClass } from "@/components/admin/field";
import { MEDIA_TEXT_MAX } from "@/lib/media/media-limits";
import type { StoryFormValues } from "@/lib/stories/story-form-values";

type LeadImage = StoryFormValues["leadImage"];

const buttonClass = "rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500 disabled:opacity-60";

/**
 * The story's lead picture, between the standfirst and the body as on the article: chosen from the library (a dialog), or a new
 * one uploaded here (file picker, or dropped or pasted into this panel). The choice is part of the
 * story's form and saves with it. The picture's own words live in the library: its alt text can be
 * written here (saved to the picture at once), the rest is edited in the library, in a new tab, so
 * the story's unsaved work stays where it is; coming back to this tab shows what changed there.
 */
export function StoryLeadPicture(props: {
  value: LeadImage;
  onChange: (value: LeadImage) => void;
  readOnly: boolean;
  errors?: string[];
  maxMb: number;
}) {
  const { value, onChange, readOnly } = props;
  const [choosing, setChoosing] = useState(false);
  const [over, setOver] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const inputId = useId();
  const latest = useRef({ value, onChange });
  useEffect(() => {
    latest.current = { value, onChange };
  });
  const uploads = usePictureUploads({ maxMb: props.maxMb, onAdded: (picture) => latest.current.onChange({ id: picture.id, picture }) });
  const picture = value?.picture ?? null;

  /** The picture as the library holds it now, kept only if it is still the story's choice. */
  const refresh = (id: string) => {
    getPicture(id).then(
      (fresh) => {
        if (latest.current.value?.id === id) latest.current.onChange({ id, picture: fresh });
        setProblem(null);
      },
      (error: unknown) => setProblem(error instanceof Error ? error.message : "The picture could not be read from the library."),
    );
  };

  // A draft of changes naming another picture than the live copy's arrives with its id only.
  const id = value?.id ?? null;
  useEffect(() => {
    if (id && !latest.current.value?.picture) refresh(id);
  }, [id]);

  // Back from the library's tab: its alt text or caption may have changed there.
  useEffect(() => {
    if (!id) return;
    const onVisible = () => {
      if (document.visibilityState === "visible") refresh(id);
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [id]);

  // A file dropped beside the panel would make the browser open it in place of the story: outside
  // the panel (and the fields that take drops themselves) a dragged file is shown as not welcome.
  useEffect(() => {
    if (readOnly) return;
    const onDragOver = (event: DragEvent) => {
      if (event.defaultPrevented || !carriesFiles(event.dataTransfer)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "none";
    };
    const onDrop = (event: DragEvent) => {
      if (!event.defaultPrevented && carriesFiles(event.dataTransfer)) event.preventDefault();
    };
    window.addEventListener("dragover", onDragOver);
    window.addEventListener("drop", onDrop);
    return () => {
      window.removeEventListener("dragover", onDragOver);
      window.removeEventListener("drop", onDrop);
    };
  }, [readOnly]);

  const take = (files: File[]) => {
    if (readOnly || files.length === 0) return;
    // A story leads with one picture: the first file is the one taken.
    uploads.add(files.slice(0, 1));
  };

  const wide = picture ? renditionFor(picture, "16:9", { minWidth: 400 }) : null;
  const errors = props.errors?.length ? props.errors : null;

  return (
    <section
      aria-labelledby="lead-picture-heading"
      data-testid="lead-picture"
      className={`rounded border p-3 ${over ? "border-sky-600 bg-sky-50" : "border-slate-300 bg-white"}`}
      onDragOver={(event) => {
        if (readOnly || !carriesFiles(event.dataTransfer)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "copy";
        setOver(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(event) => {
        if (readOnly || !carriesFiles(event.dataTransfer)) return;
        event.preventDefault();
        setOver(false);
        take(Array.from(event.dataTransfer.files));
      }}
      onPaste={(event) => {
        const files = pastedFiles(event);
        if (files.length === 0) return;
        event.preventDefault();
        take(files);
      }}
    >
      <h2 id="lead-picture-heading" className="text-sm font-medium text-slate-800">Lead picture</h2>
      {/* Beside the picture on a wide screen, under it on a phone: its words, then what can be done. */}
      <div className="mt-2 gap-4 sm:flex">
        {picture && wide ? (
          <div className="mb-2 shrink-0 sm:mb-0 sm:w-60">
            <img src={wide.url} width={wide.width} height={wide.height} alt="" className="h-auto w-full rounded bg-slate-100" data-testid="lead-picture-image" />
          </div>
        ) : null}
        <div className="min-w-0 flex-1 space-y-2 text-sm">
          {value ? (
            picture ? (
              <>
                <p className="text-slate-800">
                  {picture.caption ? <span className="line-clamp-4" data-testid="lead-picture-caption">{picture.caption}</span> : <span className="text-slate-500">No caption.</span>}
                  {picture.credit || picture.byline ? <span className="mt-0.5 block text-xs text-slate-600" data-testid="lead-picture-credit">{[picture.byline, picture.credit].filter(Boolean).join(" / ")}</span> : null}
                </p>
                {needsAlt(picture) ? (
                  <AltTextForm
                    key={picture.id} picture={picture} readOnly={readOnly}
                    onSaved={(saved) => {
                      rememberPicture(saved);
                      onChange({ id: saved.id, picture: saved });
                    }}
                  />
                ) : (
                  <p data-testid="lead-picture-alt"><span className="font-medium">Alt text:</span> {picture.alt}</p>
                )}
                <p>
                  <a href={`/admin/media/${picture.id}`} target="_blank" rel="noopener" className="underline">
                    Edit the picture in the library<span className="sr-only"> (opens in a new tab)</span>
                  </a>
                  <span aria-hidden="true" className="text-slate-500"> (new tab)</span>
                </p>
              </>
            ) : (
              <p className="text-slate-600">Loading the picture…</p>
            )
          ) : (
            <p className="text-slate-600">
              {readOnly ? "None." : "None yet. Choose one from the library, or upload one: pick a file, or drop or paste a picture onto this box."}
            </p>
          )}
          {errors ? <p id="leadImage-error" className="text-red-700" data-testid="error-leadImage">{errors.join(" ")}</p> : null}
          {problem ? <p className="text-red-700">{problem}</p> : null}
          {readOnly ? null : (
            <div className="flex flex-wrap items-center gap-2 pt-1">
              <button
                ref={chooseButton} id="leadImage" type="button" className={buttonClass} onClick={() => setChoosing(true)}
                aria-describedby={errors ? "leadImage-error" : undefined}
              >
                {value ? "Change picture" : "Choose from the library"}
              </button>
              {value ? (
                <button
                  type="button" className={buttonClass}
                  onClick={() => {
                    onChange(null);
                    chooseButton.current?.focus();
                  }}
                >
                  Remove
                </button>
              ) : null}
              <input
                id={inputId} type="file" accept="image/*" className="peer sr-only"
                onChange={(event) => {
                  take(Array.from(event.target.files ?? []));
                  event.target.value = "";
                }}
              />
              <label htmlFor={inputId} className={`${buttonClass} cursor-pointer peer-focus-visible:ring-2 peer-focus-visible:ring-slate-500`}>
                Upload a picture
              </label>
            </div>
          )}
          <UploadLines lines={uploads.lines} onClear={uploads.clearFinished} editLinks={false} />
        </div>
      </div>
      {choosing ? (
        <MediaPickerDialog
          title={value ? "Change the lead picture" : "Choose the lead picture"} currentId={value?.id}
          onChoose={(chosen: Picture) => onChange({ id: chosen.id, picture: chosen })}
          onClose={() => {
            setChoosing(false);
            chooseButton.current?.focus();
          }}
        />
      ) : null}
    </section>
  );
}

/** Alt text written from the story, saved to the picture in the library (every story using it gets it). */
function AltTextForm({ picture, readOnly, onSaved }: { picture: Picture; readOnly: boolean; onSaved: (picture: Picture) => void }) {
  const [alt, setAlt] = useState("");
  const [state, setState] = useState<{ saving: boolean; error: string | null }>({ saving: false, error: null });
  const fieldId = useId();
  if (readOnly) return <p><NeedsAltMarker /></p>;
  const save = async () => {
    setState({ saving: true, error: null });
    const answer = await savePicture(picture.id, { alt });
    if (answer.ok) {
      setState({ saving: false, error: null });
      onSaved(answer.picture);
    } else {
      setState({ saving: false, error: answer.fields.alt?.join(" ") ?? answer.message });
    }
  };
  return (
    <div className="rounded border border-red-200 bg-red-50 p-2" data-testid="lead-picture-alt-form">
      <p><NeedsAltMarker /> <span className="text-xs text-red-900">It is required before the story is published.</span></p>
      <label htmlFor={fieldId} className="mt-2 block text-sm font-medium text-slate-800">Alt text</label>
      <p id={`${fieldId}-hint`} className="text-xs text-slate-600">What the picture shows that matters to the story, in a sentence, for readers who cannot see it. Saved to the picture in the library.</p>
      <textarea
        id={fieldId} rows={2} value={alt} maxLength={MEDIA_TEXT_MAX.alt} onChange={(event) => setAlt(event.target.value)}
        aria-describedby={`${fieldId}-hint`} className={`${inputClass} mt-1 text-sm`}
      />
      <button type="button" disabled={state.saving || !alt.trim()} onClick={() => void save()} className={`${buttonClass} mt-2`}>
        {state.saving ? "Saving…" : "Save alt text"}
      </button>
      {state.error ? <p className="mt-1 text-sm text-red-700" role="alert">Not saved: {state.error}</p> : null}
    </div>
  );
}
