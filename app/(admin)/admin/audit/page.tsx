import Link from "next/link";
import { redirect } from "next/navigation";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { auditActions, auditActionNames } from "@/lib/audit/audit-actions";
import { auditSentence } from "@/lib/audit/audit-sentence";
import { formatNewsroomTime, newsroomZoneName } from "@/lib/site/newsroom-time";
import { ZonedDateInput } from "@/components/admin/zoned-date-time-input";

export const metadata = { title: "Audit log" };

type Search = { story?: string; user?: string; action?: string; from?: string; to?: string; cursor?: string };
const FILTERS = ["story", "user", "action", "from", "to"] as const;

/** The address of the log with these filters (empty ones left out of the URL) and an optional cursor. */
function auditHref(query: Search, cursor?: string): string {
  const params = new URLSearchParams();
  for (const key of FILTERS) if (query[key]) params.set(key, query[key]!);
  if (cursor) params.set("cursor", cursor);
  const text = params.toString();
  return text ? `/admin/audit?${text}` : "/admin/audit";
}

const fieldClass = "mt-1 w-full rounded border border-slate-300 px-3 py-1.5 sm:w-auto";

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAdminActor();
  if (!can(actor, "audit.read")) return <p className="rounded border border-slate-200 bg-white p-6 text-slate-700">Only admins read the audit log.</p>;
  const search = await searchParams;
  const query: Search = Object.fromEntries([...FILTERS, "cursor"].map((key) => [key, search[key as keyof Search] || undefined]));
  // A form sends its blank fields too: the address keeps only the filters that say something.
  if (Object.values(search).some((value) => value === "")) redirect(auditHref(query, query.cursor));
  const result = await listAuditEntries({ actor, query }).catch((error: unknown) => {
    if (isAppError(error)) return { items: [], nextCursor: null, error: error.message, fields: error.fields };
    throw error;
  });
  const next = result.nextCursor ? auditHref(query, result.nextCursor) : null;
  const problem = "error" in result ? [result.error, ...Object.entries(result.fields ?? {}).map(([field, messages]) => `${field}: ${messages.join(" ")}`)].join(" ") : null;
  return (
    <>
      <h1 className="mb-4 font-serif text-2xl font-bold">Audit log</h1>
      <form method="get" className="mb-4 grid gap-3 sm:flex sm:flex-wrap sm:items-end" role="search">
        <div>
          <label htmlFor="action" className="block text-xs font-medium text-slate-600">What</label>
          <select id="action" name="action" defaultValue={query.action ?? ""} className={fieldClass}>
            <option value="">Everything</option>
            {auditActionNames.map((name) => (
              <option key={name} value={name}>
                {auditActions[name]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="user" className="block text-xs font-medium text-slate-600">By user (email)</label>
          <input id="user" name="user" type="search" defaultValue={query.user} className={fieldClass} />
        </div>
        <div className="w-40"><ZonedDateInput id="from" name="from" label={`From (${newsroomZoneName()})`} defaultValue={query.from || null} /></div>
        <div className="w-40"><ZonedDateInput id="to" name="to" label="To" defaultValue={query.to || null} /></div>
        {query.story ? <input type="hidden" name="story" value={query.story} /> : null}
        <button type="submit" className="rounded border border-slate-300 bg-white px-4 py-1.5 text-sm hover:bg-slate-100">Filter</button>
        {FILTERS.some((key) => query[key]) ? (
          <Link href="/admin/audit" className="text-sm underline">
            Clear filters
          </Link>
        ) : null}
      </form>
      {problem ? (
        <p className="mb-4 rounded border border-red-300 bg-red-50 px-4 py-2 text-sm text-red-800" role="alert" data-testid="audit-error">
          {problem}
        </p>
      ) : null}
      {result.items.length === 0 && !problem ? <p className="text-slate-600">No entries.</p> : null}
      <ol className="divide-y divide-slate-200 rounded border border-slate-200 bg-white" data-testid="audit-entries">
        {result.items.map((entry) => {
          const sentence = auditSentence(entry);
          return (
            <li key={entry.id} className="px-4 py-2 text-sm [overflow-wrap:anywhere]" data-action={entry.action}>
              {entry.actor ? (
                <Link className="font-medium underline" href={auditHref({ ...query, user: entry.actor.email, cursor: undefined })}>
                  {sentence.who}
                </Link>
              ) : (
                <span className="font-medium">{sentence.who}</span>
              )}{" "}
              {sentence.did}
              {sentence.story ? (
                <>
                  {" "}
                  <Link className="italic underline" href={`/admin/stories/${sentence.story.id}`}>
                    {sentence.story.headline}
                  </Link>
                </>
              ) : null}
              {sentence.rest ? ` ${sentence.rest}` : null}
              <span className="text-slate-600">
                {" "}
                at <time dateTime={entry.at.toISOString()}>{formatNewsroomTime(entry.at)}</time>
              </span>
              {sentence.story ? (
                <>
                  {" · "}
                  <Link className="text-slate-600 underline" href={auditHref({ story: sentence.story.id })}>
                    this story&rsquo;s log
                  </Link>
                </>
              ) : null}
            </li>
          );
        })}
      </ol>
      {next ? (
        <nav aria-label="Pagination" className="mt-4">
          <Link rel="next" href={next} className="text-sm font-medium underline">
            Older entries →
          </Link>
        </nav>
      ) : null}
    </>
  );
}
