"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { DeskFilterJson } from "@/lib/wire-desk/desk-filters/desk-filter-shape";
import type { QueueFilter } from "@/lib/wire-desk/schemas";
import { useConfirm } from "@/components/admin/confirm-dialog";
import { filterQuery } from "@/components/wire-desk/filter-query";

const deskLabel = (desk: string) => (desk ? `${desk} desk` : "General desk");

/** An API answer's error in words (the API's { error: { message, fields } }). */
export async function apiErrorText(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string; fields?: Record<string, string[]> } };
    const fields = Object.values(body.error?.fields ?? {}).flat();
    return [body.error?.message ?? `The server answered ${response.status}`, ...fields].join(": ");
  } catch {
    return `The server answered ${response.status}`;
  }
}

/**
 * The desks' saved filters: links that set the queue to one (grouped by desk), a delete for
 * each, and "save this filter" for the filter in use, under the desk it filters on.
 */
export function SavedFilters({ filters, current }: { filters: DeskFilterJson[]; current: QueueFilter }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, startBusy] = useTransition();
  const { confirm, dialog } = useConfirm();
  const currentQuery = filterQuery(current).toString();
  const desks = [...new Set(filters.map((filter) => filter.desk))];

  const save = () =>
    startBusy(async () => {
      const response = await fetch("/api/v1/wire/filters", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ desk: current.desk ?? "", name, query: current }),
      });
      if (response.status !== 201) return setMessage({ text: await apiErrorText(response), error: true });
      setMessage({ text: `Saved “${name.trim()}” for the ${deskLabel(current.desk ?? "").toLowerCase()}.`, error: false });
      setName("");
      router.refresh();
    });

  const remove = async (filter: DeskFilterJson) => {
    if (!(await confirm({ title: `Delete the saved filter “${filter.name}”?`, body: `It goes for everyone on the ${deskLabel(filter.desk).toLowerCase()}.`, confirmLabel: "Delete filter", tone: "danger" }))) return;
    startBusy(async () => {
      const response = await fetch(`/api/v1/wire/filters/${filter.id}`, { method: "DELETE" });
      setMessage(response.ok ? { text: `Deleted “${filter.name}”.`, error: false } : { text: await apiErrorText(response), error: true });
      router.refresh();
    });
  };

  return (
    <section aria-labelledby="saved-filters-heading" className="flex flex-wrap items-end gap-x-4 gap-y-2 rounded border border-slate-200 bg-white px-3 py-2 text-sm" data-testid="saved-filters">
      <div className="min-w-0 flex-[1_1_18rem]">
        <h2 id="saved-filters-heading" className="text-xs font-semibold uppercase tracking-wide text-slate-600">Saved filters</h2>
        {filters.length === 0 ? <p className="mt-1 text-slate-600">None yet: set the filters, then save them under a name.</p> : null}
        <div className="mt-1 flex flex-wrap items-center gap-x-4 gap-y-2">
          {desks.map((desk) => (
            <div key={desk} className="flex flex-wrap items-center gap-2">
              <h3 className="text-xs text-slate-600">{deskLabel(desk)}:</h3>
              <ul className="flex flex-wrap gap-2">
                {filters.filter((filter) => filter.desk === desk).map((filter) => {
                  const query = filterQuery(filter.query).toString();
                  return (
                    <li key={filter.id} className="flex items-center overflow-hidden rounded border border-slate-300">
                      <Link href={query ? `/admin/wire?${query}` : "/admin/wire"} aria-current={query === currentQuery ? "true" : undefined} className="px-2 py-0.5 hover:bg-slate-100 aria-[current=true]:bg-slate-900 aria-[current=true]:text-white">
                        {filter.name}
                      </Link>
                      <button type="button" onClick={() => remove(filter)} disabled={busy} aria-label={`Delete the saved filter “${filter.name}”`} className="border-l border-slate-300 px-2 py-0.5 text-slate-600 hover:bg-red-50 hover:text-red-800">
                        ×
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      </div>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <div>
          <label htmlFor="saved-filter-name" className="block text-xs font-medium text-slate-600">Save this filter as</label>
          <input id="saved-filter-name" value={name} onChange={(event) => setName(event.target.value)} maxLength={60} required className="mt-1 w-44 rounded border border-slate-300 px-2.5 py-1 focus:outline-none focus:ring-2 focus:ring-slate-400" />
        </div>
        <button type="submit" disabled={busy || !name.trim()} className="rounded border border-slate-300 bg-white px-3 py-1 font-medium hover:bg-slate-100 disabled:opacity-50">Save filter</button>
      </form>
      <p role="status" aria-live="polite" className={`w-full empty:hidden ${message?.error ? "text-red-800" : "text-slate-700"}`} data-testid="saved-filter-message">{message?.text ?? ""}</p>
      {dialog}
    </section>
  );
}
