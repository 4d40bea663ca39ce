import Link from "next/link";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";
import { listStories } from "@/lib/stories/list-stories";
import { storyStatuses } from "@/lib/stories/schemas";
import { isAppError } from "@/lib/errors";
import { StatusBadge } from "@/components/admin/status-badge";
import { AdminTable } from "@/components/admin/admin-table";

export const metadata = { title: "Stories" };

type Search = { status?: string; q?: string; cursor?: string };


export default async function StoriesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAdminActor();
  const search = await searchParams;
  const query = { status: search.status || undefined, q: search.q || undefined, cursor: search.cursor || undefined, limit: 25 };
  const result = await listStories({ actor, query }).catch((error: unknown) => {
    if (isAppError(error)) return { items: [], nextCursor: null, error: error.message };
    throw error;
  });
  const nextHref = result.nextCursor
    ? `/admin?${new URLSearchParams({ ...(query.status ? { status: query.status } : {}), ...(query.q ? { q: query.q } : {}), cursor: result.nextCursor })}`
    : null;

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-2xl font-bold">Stories</h1>
        <Link href="/admin/stories/new" className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
          New story
        </Link>
      </div>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
        <div>
          <label htmlFor="q" className="block text-xs font-medium text-slate-600">Search headlines</label>
          <input id="q" name="q" type="search" defaultValue={query.q} placeholder="Words from the headline"
            className="mt-1 w-64 rounded border border-slate-300 px-3 py-1.5 focus:outline-none focus:ring-2 focus:ring-slate-400" />
        </div>
        <div>
          <label htmlFor="status" className="block text-xs font-medium text-slate-600">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ""} className="mt-1 rounded border border-slate-300 px-3 py-1.5">
            <option value="">Any</option>
            {storyStatuses.map((status) => (
              <option key={status} value={status}>{status.replace("_", " ")}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-slate-300 bg-white px-4 py-1.5 text-sm hover:bg-slate-100">Filter</button>
      </form>
      <AdminTable
        columns={["Headline", "Status", "Last change", "Tags"]}
        testId="admin-story-list"
        error={"error" in result ? result.error : undefined}
        empty="No stories match."
        rowCount={result.items.length}
      >
        {result.items.map((story) => (
          <tr key={story.id}>
            <td className="px-4 py-2">
              <Link href={`/admin/stories/${story.id}`} className="font-medium text-slate-900 hover:underline">{story.headline}</Link>
            </td>
            <td className="px-4 py-2"><StatusBadge status={story.status} /></td>
            <td className="px-4 py-2 text-slate-600">
              <time dateTime={story.updatedAt}>{formatNewsroomTime(new Date(story.updatedAt))}</time>
              <span className="block text-xs">by {story.updatedBy.name}</span>
            </td>
            <td className="px-4 py-2 text-slate-600">{story.tags.map((tag) => tag.name).join(", ")}</td>
          </tr>
        ))}
      </AdminTable>
      {nextHref ? (
        <nav aria-label="Pagination" className="mt-4">
          <Link href={nextHref} rel="next" className="text-sm font-medium underline">Older stories →</Link>
        </nav>
      ) : null}
    </>
  );
}
