"use client";

import { useCallback, useId, useState, type ReactNode } from "react";
import Link from "next/link";
import { PictureSummary } from "@/components/media/picture-card";
import { UploadLines } from "@/components/media/upload-lines";
import { usePageIntake } from "@/components/media/picture-intake";
import { usePictureUploads } from "@/components/media/use-picture-uploads";
import type { Picture } from "@/components/media/picture-renditions";

// Any picture may be chosen: one the site does not take (SVG, HEIC, GIF) is refused with the reason.
const ACCEPT = "image/*";

/**
 * The media library's page: upload (drop anywhere on the page, paste, or choose files), then the
 * pictures, newest first. A picture just added goes to the top of the grid at once.
 */
export function MediaLibrary(props: { pictures: Picture[]; maxMb: number; canUpload: boolean; filters: ReactNode; pager: ReactNode; empty: string; error?: string }) {
  const [added, setAdded] = useState<Picture[]>([]);
  const onAdded = useCallback((picture: Picture) => setAdded((all) => [picture, ...all.filter((each) => each.id !== picture.id)]), []);
  const uploads = usePictureUploads({ maxMb: props.maxMb, onAdded });
  const dragging = usePageIntake(uploads.add, props.canUpload);
  const inputId = useId();
  const pictures = [...added, ...props.pictures.filter((picture) => !added.some((each) => each.id === picture.id))];

  return (
    <>
      {props.canUpload ? (
        <section aria-labelledby="upload-heading" className="mb-6 rounded border-2 border-dashed border-slate-300 bg-white p-4">
          <h2 id="upload-heading" className="text-base font-semibold text-slate-900">Add pictures</h2>
          <p className="mt-1 text-sm text-slate-700">
            Drop pictures anywhere on this page, paste one (<kbd className="font-mono text-xs">Ctrl+V</kbd> or <kbd className="font-mono text-xs">⌘V</kbd>), or choose files.
            JPEG, PNG, WebP or AVIF, up to {props.maxMb} MB each. The caption and credit the file carries are filled in.
          </p>
          <div className="mt-3">
            <input
              id={inputId} type="file" multiple accept={ACCEPT} className="peer sr-only"
              onChange={(event) => {
                uploads.add(Array.from(event.target.files ?? []));
                event.target.value = "";
              }}
            />
            <label
              htmlFor={inputId}
              className="inline-block cursor-pointer rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 peer-focus-visible:ring-2 peer-focus-visible:ring-slate-400 peer-focus-visible:ring-offset-2"
            >
              Choose pictures
            </label>
          </div>
          <UploadLines lines={uploads.lines} onClear={uploads.clearFinished} />
        </section>
      ) : null}

      {props.filters}

      {props.error ? <p className="mb-4 rounded border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800" role="alert" data-testid="media-error">{props.error}</p> : null}
      {pictures.length ? (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="media-grid" aria-label="Pictures, newest first">
          {pictures.map((picture) => (
            <li key={picture.id} data-testid="media-card">
              <Link href={`/admin/media/${picture.id}`} className="block h-full rounded border border-slate-200 bg-white hover:border-slate-400 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500">
                <PictureSummary picture={picture} />
              </Link>
            </li>
          ))}
        </ul>
      ) : props.error ? null : (
        <p className="rounded border border-slate-200 bg-white px-4 py-6 text-center text-sm text-slate-600" data-testid="media-empty">{props.empty}</p>
      )}
      {props.pager}

      {dragging ? (
        // Only a picture of where the files go: the drop itself is the page's (pointer-events-none).
        <div className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-sky-900/30 p-4" aria-hidden="true" data-testid="drop-overlay">
          <p className="rounded-lg border-2 border-dashed border-sky-700 bg-white px-6 py-4 text-lg font-semibold text-sky-950 shadow-xl">Drop the pictures to add them to the library</p>
        </div>
      ) : null}
    </>
  );
}
