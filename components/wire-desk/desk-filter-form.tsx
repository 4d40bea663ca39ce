"use client";

import Link from "next/link";
import { useId, useState } from "react";
import type { QueueFilter } from "@/lib/wire-desk/schemas";
import { deskStates, wirePriorities } from "@/lib/wire-desk/schemas";

const inputClass = "mt-1 w-full rounded border border-slate-300 bg-white px-2.5 py-1.5 text-sm focus:outline-none focus:ring-2 focus:ring-slate-400";
const labelClass = "block text-xs font-medium text-slate-600";

/**
 * The queue's filters as a GET form: what is chosen lives in the address, so a reload, a
 * bookmark or a link to a colleague keeps it. Blank fields are dropped by the page. On a phone
 * only the search shows until "More filters" is pressed (or one of them is set), so the queue
 * starts on the first screen. `known`: agencies, desks and sources seen on the desk, offered as choices.
 */
export function DeskFilterForm(props: { filter: QueueFilter; known: { agencies: string[]; desks: string[]; sources: { id: string; name: string }[] } }) {
  const { filter, known } = props;
  const set = (["agency", "priority", "category", "source", "desk", "state"] as const).filter((key) => filter[key]).length;
  const [more, setMore] = useState(set > 0);
  const moreId = useId();
  const filtered = set > 0 || !!filter.q;
  const sources = filter.source && !known.sources.some((source) => source.id === filter.source) ? [...known.sources, { id: filter.source, name: "The chosen source" }] : known.sources;
  const field = more ? "block" : "hidden sm:block";
  return (
    <form method="get" action="/admin/wire" role="search" aria-label="Filter the wire queue" className="grid grid-cols-2 items-end gap-3 rounded border border-slate-200 bg-white p-3 sm:grid-cols-4 lg:grid-cols-[minmax(0,1.7fr)_minmax(0,1fr)_minmax(0,1fr)_minmax(0,0.9fr)_minmax(0,1.1fr)_minmax(0,0.9fr)_minmax(0,1.35fr)_auto]" data-testid="wire-filters">
      <div className="col-span-2 sm:col-span-4 lg:col-span-1">
        <label htmlFor="wire-q" className={labelClass}>Search headlines and slugs</label>
        <input id="wire-q" name="q" type="search" defaultValue={filter.q ?? ""} maxLength={200} className={inputClass} />
      </div>
      <div id={moreId} className="contents">
        <div className={field}>
          <label htmlFor="wire-agency" className={labelClass}>Agency</label>
          <input id="wire-agency" name="agency" list="wire-agencies" defaultValue={filter.agency ?? ""} maxLength={40} className={inputClass} />
          <datalist id="wire-agencies">{known.agencies.map((agency) => <option key={agency} value={agency} />)}</datalist>
        </div>
        <div className={field}>
          <label htmlFor="wire-priority" className={labelClass}>Priority</label>
          <select id="wire-priority" name="priority" defaultValue={filter.priority ?? ""} className={inputClass}>
            <option value="">Any</option>
            {wirePriorities.map((priority) => <option key={priority} value={priority}>{priority}</option>)}
          </select>
        </div>
        <div className={field}>
          <label htmlFor="wire-category" className={labelClass}>Category</label>
          <input id="wire-category" name="category" defaultValue={filter.category ?? ""} maxLength={40} className={inputClass} />
        </div>
        <div className={field}>
          <label htmlFor="wire-source" className={labelClass}>Source</label>
          <select id="wire-source" name="source" defaultValue={filter.source ?? ""} className={inputClass}>
            <option value="">Any</option>
            {sources.map((source) => <option key={source.id} value={source.id}>{source.name}</option>)}
          </select>
        </div>
        <div className={field}>
          <label htmlFor="wire-desk" className={labelClass}>Desk</label>
          <input id="wire-desk" name="desk" list="wire-desks" defaultValue={filter.desk ?? ""} maxLength={40} className={inputClass} />
          <datalist id="wire-desks">{known.desks.map((desk) => <option key={desk} value={desk} />)}</datalist>
        </div>
        <div className={field}>
          <label htmlFor="wire-state" className={labelClass}>State</label>
          <select id="wire-state" name="state" defaultValue={filter.state ?? ""} className={inputClass}>
            <option value="">Not dismissed</option>
            {deskStates.map((state) => <option key={state} value={state}>{state}</option>)}
          </select>
        </div>
      </div>
      <div className="col-span-2 flex flex-wrap items-center gap-3 sm:col-span-4 lg:col-span-1">
        <button type="submit" className="rounded bg-slate-900 px-4 py-1.5 text-sm font-medium text-white hover:bg-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-500">Filter</button>
        <button type="button" aria-expanded={more} aria-controls={moreId} onClick={() => setMore((was) => !was)} className="text-sm underline sm:hidden">
          {more ? "Fewer filters" : `More filters${set ? ` (${set} set)` : ""}`}
        </button>
        {filtered ? <Link href="/admin/wire" className="text-sm underline">Clear</Link> : null}
      </div>
    </form>
  );
}
