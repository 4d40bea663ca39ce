import Link from "next/link";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { can } from "@/lib/auth/permissions";
import { listWireSources } from "@/lib/wire-sources/list-wire-sources";
import { redactUrl } from "@/lib/wire-sources/source-credentials";
import type { WireSourceJson } from "@/lib/wire-sources/source-json";
import { AdminTable } from "@/components/admin/admin-table";
import { SourceHealth, SourcePolling } from "@/components/wire-sources/source-health";
import { SourceRowActions } from "@/components/wire-sources/source-row-actions";
import { SourcesBreadcrumb } from "@/components/wire-sources/sources-breadcrumb";

export const metadata = { title: "Wire sources" };

type Search = { added?: string; changed?: string; deleted?: string };

const formatNames: Record<string, string> = { rss: "RSS", atom: "Atom", ninjs: "NINJS", newsml: "NewsML-G2" };

function kindLabel(source: WireSourceJson): string {
  if ("path" in source) return "Folder";
  if ("format" in source) return `HTTP · ${formatNames[source.format] ?? source.format}`;
  return source.url.startsWith("ftps:") ? "FTPS" : "FTP";
}

/** Where it polls: the folder, or the address without any secret in it. */
function address(source: WireSourceJson): string {
  return "path" in source ? source.path : redactUrl(source.url);
}

function notice(search: Search, sources: WireSourceJson[]): string | null {
  const named = (id: string | undefined) => sources.find((source) => source.id === id)?.name;
  if (search.added && named(search.added)) return `Added “${named(search.added)}”.${sources.find((source) => source.id === search.added)?.enabled ? " Its first poll is under way." : ""}`;
  if (search.changed && named(search.changed)) return `Saved “${named(search.changed)}”.`;
  if (search.deleted) return "Source deleted: it is polled no more; what it brought in stays on the desk.";
  return null;
}

export default async function WireSourcesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAdminActor();
  if (!can(actor, "wire.sources")) {
    return <p className="rounded border border-slate-200 bg-white p-6 text-slate-700">Only admins manage the wire's ingest sources.</p>;
  }
  const [sources, search] = await Promise.all([listWireSources({ actor }), searchParams]);
  const now = new Date();
  const said = notice(search, sources);
  const failing = sources.filter((source) => source.enabled && source.health.failing).length;
  return (
    <>
      <SourcesBreadcrumb />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="font-serif text-2xl font-bold">Wire sources</h1>
          <p className="text-sm text-slate-600">
            Where agency copy comes in by itself: watched folders, HTTP feeds and FTP servers.{" "}
            {sources.length ? `${sources.length} source${sources.length === 1 ? "" : "s"}${failing ? `, ${failing} failing` : ""}.` : ""}
          </p>
        </div>
        <Link href="/admin/wire/sources/new" className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">Add a source</Link>
      </div>
      {said ? <p role="status" className="mb-4 rounded border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900" data-testid="sources-notice">{said}</p> : null}
      <AdminTable columns={["Source", "Polling", "Health", "Actions"]} testId="source-list" empty="No sources yet: add one to have agency copy flow in." rowCount={sources.length}>
        {sources.map((source) => (
          <tr key={source.id} data-testid="source-row" data-source-id={source.id} className="align-top max-sm:px-4">
            <td className="px-4 py-3 max-sm:px-0 sm:min-w-52">
              <p className="font-semibold break-words">{source.name}</p>
              <p className="text-xs text-slate-600">
                <span className="rounded bg-slate-100 px-1.5 py-0.5 font-medium uppercase tracking-wide">{kindLabel(source)}</span> · agency <span className="font-medium">{source.agency}</span>
                {source.rules.length ? ` · ${source.rules.length} rule${source.rules.length === 1 ? "" : "s"}` : ""}
              </p>
              <p className="mt-1 font-mono text-xs break-all text-slate-700" data-testid="source-address">{address(source)}</p>
            </td>
            <td className="px-4 py-3 max-sm:px-0"><SourcePolling source={source} now={now} /></td>
            <td className="px-4 py-3 max-sm:px-0"><SourceHealth source={source} now={now} /></td>
            <td className="px-4 py-3 max-sm:px-0 lg:min-w-80"><SourceRowActions id={source.id} name={source.name} enabled={source.enabled} /></td>
          </tr>
        ))}
      </AdminTable>
    </>
  );
}
