"use client";

import Link from "next/link";
import type { QueueRow } from "@/lib/wire-desk/queue-row";
import { formatZonedTime } from "@/lib/site/zoned-time";
import { StatusBadge } from "@/components/admin/status-badge";
import { PriorityBadge } from "@/components/wire-desk/priority-badge";
import { clusterWords, stateWords } from "@/components/wire-desk/desk-words";

const stateStyles: Record<string, string> = {
  new: "bg-sky-100 text-sky-900 font-semibold",
  seen: "bg-slate-100 text-slate-700",
  taken: "bg-emerald-100 text-emerald-900",
  dismissed: "bg-slate-200 text-slate-700 line-through",
};

/**
 * One row of the queue (a grid row: its cells are the item's time and agency, its copy, and where
 * it stands). Every field is the agency's untrusted text, rendered as text. The copy cell is the
 * one the keyboard moves between (roving tabindex: only the selected row's is in the tab order).
 */
export function QueueRowView(props: { row: QueueRow; selected: boolean; tabbable: boolean; open: boolean; onFocus: () => void; timeZone: string; onPick: () => void; focusRef?: (cell: HTMLDivElement | null) => void }) {
  const { row, selected } = props;
  const cluster = clusterWords(row);
  const story = row.story ?? row.cluster.stories[0] ?? null;
  return (
    <div
      role="row"
      aria-selected={selected}
      data-testid="wire-row"
      data-item-id={row.id}
      data-cluster-id={row.clusterId}
      onClick={props.onPick}
      className={`grid cursor-pointer grid-cols-1 gap-x-3 gap-y-1 border-l-4 px-3 py-2 sm:grid-cols-[7.5rem_minmax(0,1fr)_9.5rem] ${
        selected ? "border-l-sky-700 bg-sky-50" : row.priority === "flash" ? "border-l-red-700 bg-red-50/40 hover:bg-slate-50" : "border-l-transparent hover:bg-slate-50"
      } ${props.open ? "ring-1 ring-inset ring-sky-300" : ""}`}
    >
      <div role="gridcell" className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600 sm:block sm:space-y-1">
        <PriorityBadge priority={row.priority} />
        <span className="block font-semibold text-slate-800" data-testid="wire-agency">{row.agency ?? "Agency unknown"}</span>
        {cluster ? <span className="block font-medium text-violet-900" data-testid="wire-cluster">{cluster}</span> : null}
        <time dateTime={row.receivedAt} className="block" data-testid="wire-received">{formatZonedTime(new Date(row.receivedAt), props.timeZone)}</time>
      </div>
      <div
        role="gridcell"
        ref={props.focusRef}
        tabIndex={props.tabbable ? 0 : -1}
        onFocus={props.onFocus}
        className="min-w-0 rounded-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-700 focus-visible:ring-offset-2"
      >
        {row.withdrawn ? (
          <p className="mb-1 inline-block rounded bg-red-800 px-2 py-0.5 text-xs font-bold uppercase tracking-wide text-white" data-testid="wire-withdrawn">Withdrawn by agency: do not use</p>
        ) : null}
        {row.slugline ? <p className="truncate font-mono text-xs text-slate-600" data-testid="wire-slugline">{row.slugline}</p> : null}
        <p className={`line-clamp-3 break-words font-serif text-base leading-snug text-slate-950 ${row.state === "new" ? "font-bold" : "font-semibold"} ${row.withdrawn ? "line-through decoration-red-800" : ""}`} data-testid="wire-headline" title={row.headline ?? undefined}>
          {row.headline ?? row.slugline ?? "Untitled wire item"}
        </p>
        <p className="text-xs text-slate-600">
          {row.dateline ? <span data-testid="wire-dateline">{row.dateline}</span> : null}
          {row.dateline && row.wordCount !== null ? " · " : null}
          {row.wordCount !== null ? <span data-testid="wire-words">{row.wordCount.toLocaleString("en")} words</span> : null}
        </p>
      </div>
      <div role="gridcell" className="flex flex-wrap items-center gap-2 text-xs sm:block sm:space-y-1">
        <span className={`inline-block rounded px-2 py-0.5 ${stateStyles[row.state] ?? stateStyles.seen}`} data-testid="wire-state">{stateWords(row)}</span>
        {row.pendingUpdate ? <span className="block w-fit rounded bg-violet-100 px-2 py-0.5 font-medium text-violet-900" data-testid="wire-update-waiting">Update waiting</span> : null}
        {story ? (
          <span className="block">
            <Link href={`/admin/stories/${story.id}`} onClick={(event) => event.stopPropagation()} className="break-words text-slate-900 underline" data-testid="wire-story-link">
              {row.state === "taken" ? "Open the story" : "In a story"}
            </Link>{" "}
            <StatusBadge status={story.status} />
          </span>
        ) : null}
      </div>
    </div>
  );
}
