import Link from "next/link";
import { redirect } from "next/navigation";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { can, requirePermission } from "@/lib/auth/permissions";
import { isAppError, type FieldErrors } from "@/lib/errors";
import { newsroomTimeZone } from "@/lib/site/newsroom-time";
import { listWireQueue, type QueuePage } from "@/lib/wire-desk/list-wire-queue";
import { queueFilterSchema, queueQueryOf, type QueueFilter } from "@/lib/wire-desk/schemas";
import { listDeskFilters } from "@/lib/wire-desk/desk-filters/list-desk-filters";
import { listSourceNames } from "@/lib/wire-sources/list-source-names";
import { WireDesk } from "@/components/wire-desk/wire-desk";
import { DeskFilterForm } from "@/components/wire-desk/desk-filter-form";
import { SavedFilters } from "@/components/wire-desk/saved-filters";
import { filterQuery } from "@/components/wire-desk/filter-query";

export const metadata = { title: "Wire desk" };
export const dynamic = "force-dynamic";

const fieldLabels: Record<string, string> = { q: "Search", agency: "Agency", priority: "Priority", category: "Category", source: "Source", desk: "Desk", state: "State" };

/** "Some filters are not valid: Priority: priority must be one of flash, bulletin, urgent, routine." */
function errorText(fields: FieldErrors | undefined): string {
  const details = Object.entries(fields ?? {}).map(([field, messages]) => `${fieldLabels[field] ?? field}: ${messages.join(", ")}`);
  return `Some filters are not valid${details.length ? `: ${details.join("; ")}` : ""}. Change them above, or clear them.`;
}

const known = (values: (string | null | undefined)[]) => [...new Set(values.filter((value): value is string => !!value))].sort((a, b) => a.localeCompare(b));

export default async function WireDeskPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAdminActor();
  requirePermission(actor, "wire.read");
  const search = await searchParams;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (typeof value === "string") params.set(key, value);
  const query = queueQueryOf(params);
  delete query.cursor;
  delete query.limit;
  // Empty fields of the filter form (and anything else) are kept out of the address.
  const cleaned = filterQuery(query as QueueFilter);
  if ([...params.keys()].some((key) => !cleaned.has(key))) redirect(cleaned.size ? `/admin/wire?${cleaned}` : "/admin/wire");

  const parsed = queueFilterSchema.safeParse(query);
  const filter: QueueFilter = parsed.success ? parsed.data : {};
  let page: QueuePage = { items: [], nextCursor: null };
  let error: string | null = null;
  try {
    page = parsed.success ? await listWireQueue({ actor, query }) : page;
    if (!parsed.success) error = errorText(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? "_"), [issue.message]])));
  } catch (failure) {
    if (!isAppError(failure)) throw failure;
    error = failure.code === "validation_failed" ? errorText(failure.fields) : failure.message;
  }
  const [saved, sources] = await Promise.all([listDeskFilters({ actor }), listSourceNames({ actor })]);

  return (
    <>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-2xl font-bold">Wire desk</h1>
        <div className="flex flex-wrap gap-4 text-sm">
          {can(actor, "story.create") ? <Link href="/admin/wire/new" className="underline">Paste or drop copy</Link> : null}
          {can(actor, "wire.sources") ? <Link href="/admin/wire/sources" className="underline">Sources</Link> : null}
        </div>
      </div>
      <div className="mb-4 space-y-3">
        <DeskFilterForm
          filter={filter}
          known={{
            agencies: known(page.items.flatMap((row) => row.cluster.agencies)),
            desks: known([...page.items.map((row) => row.desk), ...saved.map((each) => each.desk)]),
            sources,
          }}
        />
        <SavedFilters filters={saved} current={filter} />
      </div>
      {error ? <p className="mb-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" role="alert" data-testid="wire-filter-error">{error}</p> : null}
      <WireDesk
        key={filterQuery(filter).toString()}
        initial={page}
        filter={filter}
        timeZone={newsroomTimeZone()}
        canTake={can(actor, "wire.take") && can(actor, "story.create")}
        canDismiss={can(actor, "wire.dismiss")}
      />
    </>
  );
}
