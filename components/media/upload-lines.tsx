"use client";

import Link from "next/link";
import { fileSize } from "@/components/media/picture-renditions";
import type { UploadLine } from "@/components/media/use-picture-uploads";

const words: Record<UploadLine["state"], string> = { waiting: "Waiting…", sending: "Uploading and reading the picture…", added: "Added.", refused: "Refused." };

/** One line per file handed over: its name, its size and where it stands; a refusal says why beside it. */
export function UploadLines({ lines, onClear, editLinks = true }: { lines: UploadLine[]; onClear?: () => void; editLinks?: boolean }) {
  if (lines.length === 0) return null;
  const finished = lines.some((line) => line.state === "added" || line.state === "refused");
  return (
    <div className="mt-3">
      {/* Polite: each line's change is read out as it happens, without interrupting. */}
      <ul className="space-y-1 text-sm" aria-live="polite" aria-label="Uploads" data-testid="upload-lines">
        {lines.map((line) => (
          <li
            key={line.key} data-testid="upload-line" data-state={line.state}
            className={`flex flex-wrap items-baseline gap-x-2 rounded border px-3 py-1.5 ${line.state === "refused" ? "border-red-300 bg-red-50 text-red-900" : line.state === "added" ? "border-emerald-300 bg-emerald-50 text-emerald-950" : "border-slate-200 bg-white text-slate-800"}`}
          >
            <span className="min-w-0 break-all font-medium">{line.name}</span>
            <span className="text-xs text-slate-600">{fileSize(line.bytes)}</span>
            <span className="font-medium">{words[line.state]}</span>
            {line.state === "refused" && line.message ? <span className="basis-full break-words" data-testid="upload-refusal">{line.message}</span> : null}
            {line.state === "added" && line.picture && editLinks ? (
              <Link href={`/admin/media/${line.picture.id}`} className="underline">Edit caption, alt text and crop</Link>
            ) : null}
          </li>
        ))}
      </ul>
      {finished && onClear ? (
        <button type="button" onClick={onClear} className="mt-2 text-sm underline">Clear finished uploads</button>
      ) : null}
    </div>
  );
}
