"use client";

import { TagSuggestionList } from "@/components/admin/tag-suggestion-list";
import { useActionState, useRef, useState } from "react";
import {
  createFromWireAction, ingestFilesAction, previewWireAction,
  type BulkIngestState, type WireIngestState, type WirePreview,
} from "@/app/(admin)/admin/wire/actions";
import { WireParsePreview } from "@/components/admin/wire-parse-preview";

const buttonClass = "rounded px-4 py-2 text-sm font-medium focus:outline-none focus:ring-2 focus:ring-slate-400 disabled:opacity-60";

/** Paste copy (or drop one file) to check the parse and create a draft; drop several to ingest them all. */
export function WireIntake() {
  const [preview, previewAction, previewing] = useActionState<WirePreview, FormData>(previewWireAction, { raw: "" });
  const [ingest, ingestAction, ingesting] = useActionState<WireIngestState, FormData>(createFromWireAction, {});
  const [bulk, bulkAction, bulkIngesting] = useActionState<BulkIngestState, FormData>(ingestFilesAction, {});
  const [raw, setRaw] = useState("");
  const [dragging, setDragging] = useState(false);
  const filesRef = useRef<HTMLInputElement>(null);
  const bulkFormRef = useRef<HTMLFormElement>(null);

  async function takeFiles(files: FileList | null) {
    if (!files?.length) return;
    if (files.length === 1) {
      setRaw(await files[0].text());
      return;
    }
    // Several files: hand them to the bulk form and send it.
    const transfer = new DataTransfer();
    for (const file of Array.from(files)) transfer.items.add(file);
    if (filesRef.current) filesRef.current.files = transfer.files;
    bulkFormRef.current?.requestSubmit();
  }

  return (
    <div className="space-y-6">
      <form action={previewAction} className="space-y-3">
        <label htmlFor="raw" className="block text-sm font-medium text-slate-800">Agency copy</label>
        <p className="text-xs text-slate-500">Paste one item (plain agency text or NINJS JSON), or drop files here: one file to check it, several to ingest them all.</p>
        <textarea
          id="raw" name="raw" rows={12} value={raw} onChange={(event) => setRaw(event.target.value)}
          onDragOver={(event) => { event.preventDefault(); setDragging(true); }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => { event.preventDefault(); setDragging(false); void takeFiles(event.dataTransfer.files); }}
          className={`w-full rounded border bg-white p-3 font-mono text-sm focus:outline-none focus:ring-2 focus:ring-slate-400 ${dragging ? "border-sky-500 bg-sky-50" : "border-slate-300"}`}
          placeholder={"Moscow [Russia], December 27 (ANI): External Affairs Minister …"}
          data-testid="wire-raw"
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={previewing || !raw.trim()} className={`${buttonClass} bg-slate-900 text-white hover:bg-slate-700`}>
            {previewing ? "Reading…" : "Check the copy"}
          </button>
          <label className="text-sm text-slate-700">
            or choose files{" "}
            <input type="file" multiple onChange={(event) => void takeFiles(event.target.files)} className="text-sm" aria-label="Choose wire files" />
          </label>
        </div>
      </form>

      <form ref={bulkFormRef} action={bulkAction} className="hidden">
        <input ref={filesRef} type="file" name="files" multiple />
      </form>
      {bulkIngesting ? <p className="text-sm text-slate-600">Ingesting files…</p> : null}
      {bulk.summary ? (
        <div className="rounded border border-slate-200 bg-white p-4 text-sm" role="status" data-testid="bulk-summary">
          <p className="font-medium">{bulk.summary}</p>
          {bulk.items?.length ? (
            <ul className="mt-2 space-y-1" data-testid="bulk-items">
              {bulk.items.map((item, i) => (
                <li key={`${item.file}-${i}`} className={item.story ? "" : item.outcome === "failed" ? "text-red-800" : "text-slate-600"}>
                  <span className="font-mono text-xs">{item.file}</span>:{" "}
                  {item.story ? (
                    <>
                      {item.outcome}{" "}
                      <a href={`/admin/stories/${item.story.id}`} className="underline">
                        {item.story.headline}
                      </a>
                    </>
                  ) : (
                    item.reason
                  )}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {preview.error ? <p className="rounded border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800" data-testid="form-error">{preview.error}</p> : null}

      {preview.parse ? (
        <form action={ingestAction} className="space-y-4 rounded border border-slate-200 bg-white p-4" data-testid="wire-preview">
          <input type="hidden" name="raw" value={preview.raw} />
          <WireParsePreview parse={preview.parse} dateline={preview.dateline ?? null} />
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Tags</legend>
            {preview.itemTags?.length ? (
              <p className="mt-1 text-sm text-slate-600">From the item itself: {preview.itemTags.map((t) => `${t.name} (${t.type})`).join(", ")}</p>
            ) : null}
            <p className="mt-1 text-xs text-slate-500">Suggested: ticked only where the copy names an existing tag exactly. Tick the ones to add; those left unticked are not suggested for this story again.</p>
            <div className="mt-2"><TagSuggestionList suggestions={preview.suggestions ?? []} testId="tag-suggestions" /></div>
          </fieldset>
          {ingest.error ? <p className="text-sm text-red-700" data-testid="ingest-error">{ingest.error}</p> : null}
          <button type="submit" disabled={ingesting} className={`${buttonClass} bg-emerald-700 text-white hover:bg-emerald-800`}>
            {ingesting ? "Creating…" : "Create draft"}
          </button>
        </form>
      ) : null}
    </div>
  );
}
