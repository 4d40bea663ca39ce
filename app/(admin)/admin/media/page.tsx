import Link from "next/link";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { listMedia } from "@/lib/media/list-media";
import { mediaSettings } from "@/lib/media/media-settings";
import { newsroomDayRange, newsroomZoneName } from "@/lib/site/newsroom-time";
import { ZonedDateInput } from "@/components/admin/zoned-date-time-input";
import { MediaLibrary } from "@/components/media/media-library";

export const metadata = { title: "Media" };

const PAGE_SIZE = 30;
const inputClass = "mt-1 rounded border border-slate-300 px-3 py-1.5 focus:outline-none focus:ring-2 focus:ring-slate-400";
const labelClass = "block text-xs font-medium text-slate-600";

type Search = { q?: string; from?: string; to?: string; cursor?: string };

export default async function MediaPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAdminActor();
  const search = await searchParams;
  const filters = { q: search.q?.trim() || undefined, from: search.from?.trim() || undefined, to: search.to?.trim() || undefined };
  const cursor = search.cursor || undefined;
  // Days as the newsroom writes them, from the first's midnight to the end of the last, in its zone.
  const range = newsroomDayRange(filters.from, filters.to);
  const unreadable = [filters.from && !range.start ? "Uploaded from" : null, filters.to && !range.end ? "Uploaded to" : null].filter(Boolean);
  const result = unreadable.length
    ? { items: [], nextCursor: null, error: `${unreadable.join(" and ")}: not a day this can read. Type it as 27 Dec 2023.` }
    : await listMedia({ actor, query: { q: filters.q, from: range.start?.toISOString(), to: range.end?.toISOString(), cursor, limit: PAGE_SIZE } }).catch((error: unknown) => {
      if (isAppError(error)) return { items: [], nextCursor: null, error: error.message };
      throw error;
    });
  const kept = Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1]));
  const filtered = Object.keys(kept).length > 0;
  const older = result.nextCursor ? `/admin/media?${new URLSearchParams({ ...kept, cursor: result.nextCursor })}` : null;
  const newest = cursor ? `/admin/media${filtered ? `?${new URLSearchParams(kept)}` : ""}` : null;

  return (
    <>
      <h1 className="mb-1 font-serif text-2xl font-bold">Media</h1>
      <p className="mb-4 text-sm text-slate-600">Pictures for stories, newest first. Open one to write its alt text and caption and to set what its crops keep.</p>
      <MediaLibrary
        pictures={result.items}
        maxMb={mediaSettings().maxMb}
        canUpload={can(actor, "media.upload")}
        error={"error" in result ? result.error : undefined}
        empty={filtered ? "No pictures match." : cursor ? "No older pictures." : "No pictures yet: add the first above."}
        filters={
          <form method="get" action="/admin/media" className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="Find pictures">
            <div>
              <label htmlFor="q" className={labelClass}>Caption, credit or file name</label>
              <input id="q" name="q" type="search" defaultValue={filters.q} placeholder="e.g. embassy, ANI" className={`${inputClass} w-64 max-w-full`} />
            </div>
            <fieldset className="flex min-w-0 flex-wrap items-end gap-2">
              <legend className={labelClass}>Uploaded (days in {newsroomZoneName()})</legend>
              <div className="w-40"><ZonedDateInput id="from" name="from" label="From" defaultValue={filters.from || null} /></div>
              <div className="w-40"><ZonedDateInput id="to" name="to" label="To" defaultValue={filters.to || null} /></div>
            </fieldset>
            <button type="submit" className="rounded border border-slate-300 bg-white px-4 py-1.5 text-sm hover:bg-slate-100">Search</button>
            {filtered ? <Link href="/admin/media" className="pb-1.5 text-sm underline">Clear</Link> : null}
          </form>
        }
        pager={
          older || newest ? (
            <nav aria-label="Pagination" className="mt-4 flex gap-4 text-sm font-medium">
              {newest ? <Link href={newest} className="underline">← Newest pictures</Link> : null}
              {older ? <Link href={older} rel="next" className="underline">Older pictures →</Link> : null}
            </nav>
          ) : null
        }
      />
    </>
  );
}
