import Link from "next/link";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";
import { AdminTable } from "@/components/admin/admin-table";

export const metadata = { title: "Audit log" };

type Search = { story?: string; user?: string; cursor?: string };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAdminActor();
  if (!can(actor, "audit.read")) return <p className="rounded border border-slate-200 bg-white p-6 text-slate-700">Only admins read the audit log.</p>;
  const search = await searchParams;
  const query = { story: search.story || undefined, user: search.user || undefined, cursor: search.cursor || undefined };
  const result = await listAuditEntries({ actor, query }).catch((error: unknown) => {
    if (isAppError(error)) return { items: [], nextCursor: null, error: error.message };
    throw error;
  });
  const next = result.nextCursor ? `/admin/audit?${new URLSearchParams({ ...(query.story ? { story: query.story } : {}), ...(query.user ? { user: query.user } : {}), cursor: result.nextCursor })}` : null;
  return (
    <>
      <h1 className="mb-4 font-serif text-2xl font-bold">Audit log</h1>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
        <div>
          <label htmlFor="user" className="block text-xs font-medium text-slate-600">By user (email)</label>
          <input id="user" name="user" type="search" defaultValue={query.user} className="mt-1 w-64 rounded border border-slate-300 px-3 py-1.5" />
        </div>
        <div>
          <label htmlFor="story" className="block text-xs font-medium text-slate-600">Story id</label>
          <input id="story" name="story" type="search" defaultValue={query.story} className="mt-1 w-80 rounded border border-slate-300 px-3 py-1.5 font-mono text-sm" />
        </div>
        <button type="submit" className="rounded border border-slate-300 bg-white px-4 py-1.5 text-sm hover:bg-slate-100">Filter</button>
      </form>
      <AdminTable
        columns={["When", "Who", "What", "Story", "Detail"]}
        testId="audit-entries"
        error={"error" in result ? result.error : undefined}
        empty="No entries."
        rowCount={result.items.length}
      >
        {result.items.map((entry) => (
              <tr key={entry.id}>
          <td className="whitespace-nowrap px-4 py-2"><time dateTime={entry.at.toISOString()}>{formatNewsroomTime(entry.at)}</time></td>
          <td className="px-4 py-2">{entry.actor ? <Link className="underline" href={`/admin/audit?user=${encodeURIComponent(entry.actor.email)}`}>{entry.actor.name}</Link> : "operator (CLI)"}</td>
          <td className="px-4 py-2 font-mono text-xs">{entry.action}</td>
          <td className="px-4 py-2">{entry.story ? <Link className="underline" href={`/admin/audit?story=${entry.story.id}`}>{entry.story.headline}</Link> : null}</td>
          <td className="px-4 py-2 font-mono text-xs text-slate-600">{entry.detail ? JSON.stringify(entry.detail) : ""}</td>
              </tr>
        ))}
      </AdminTable>
      {next ? <nav aria-label="Pagination" className="mt-4"><Link rel="next" href={next} className="text-sm font-medium underline">Older entries →</Link></nav> : null}
    </>
  );
}
