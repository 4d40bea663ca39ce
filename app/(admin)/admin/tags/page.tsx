import Link from "next/link";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { COUNT_CAP, listTags } from "@/lib/tags/list-tags";
import { tagPath } from "@/lib/site/urls";
import { AdminTable } from "@/components/admin/admin-table";
import { DeleteTagForm, MergeTagForm, RenameTagForm, TagNotices, TagTypeForm } from "@/components/admin/tag-forms";

export const metadata = { title: "Tags" };

type Search = { q?: string; cursor?: string };

export default async function TagsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAdminActor();
  const search = await searchParams;
  const query = { q: search.q || undefined, cursor: search.cursor || undefined };
  const result = await listTags({ actor, query }).catch((error: unknown) => {
    if (isAppError(error)) return { items: [], nextCursor: null, error: error.message };
    throw error;
  });
  const manage = can(actor, "tag.manage");
  const next = result.nextCursor ? `/admin/tags?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), cursor: result.nextCursor })}` : null;
  return (
    <>
      <h1 className="mb-1 font-serif text-2xl font-bold">Tags</h1>
      <p className="mb-4 text-sm text-slate-600">
        {manage
          ? "Renaming or merging a tag keeps its old address working: readers are redirected to the tag's new page and feed. A tag no story carries can be deleted."
          : "Editors and admins rename, retype, merge and delete tags."}
      </p>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
        <div>
          <label htmlFor="q" className="block text-xs font-medium text-slate-600">Name starts with</label>
          <input id="q" name="q" type="search" defaultValue={query.q} className="mt-1 w-64 max-w-full rounded border border-slate-300 px-3 py-1.5" />
        </div>
        <button type="submit" className="rounded border border-slate-300 bg-white px-4 py-1.5 text-sm hover:bg-slate-100">Search</button>
      </form>
      <TagNotices>
      <AdminTable
        columns={manage ? ["Tag", "Stories", "Name and type", "Merge or delete"] : ["Tag", "Stories"]}
        testId="tag-list"
        error={"error" in result ? result.error : undefined}
        empty="No tags."
        rowCount={result.items.length}
      >
        {result.items.map((tag) => (
          <tr key={tag.id} data-testid="tag-row">
            <td className="px-4 py-2">
              <p className="font-medium">{tag.name} <span className="text-xs uppercase tracking-wide text-slate-500">{tag.type}</span></p>
              <p className="font-mono text-xs"><a className="underline" href={tagPath(tag.slug)}>{tag.slug}</a></p>
              {tag.aliases.length ? <p className="text-xs text-slate-600">also: {tag.aliases.join(", ")}</p> : null}
            </td>
            <td className="px-4 py-2 tabular-nums max-sm:before:content-['Stories:_']">
              {tag.storiesCapped ? `${COUNT_CAP.toLocaleString("en")}+` : tag.stories.toLocaleString("en")}
            </td>
            {manage ? (
              <>
                <td className="space-y-2 px-4 py-2">
                  <RenameTagForm id={tag.id} name={tag.name} />
                  <TagTypeForm id={tag.id} name={tag.name} type={tag.type} />
                </td>
                <td className="space-y-2 px-4 py-2">
                  <MergeTagForm id={tag.id} name={tag.name} slug={tag.slug} />
                  {tag.stories === 0 && !tag.storiesCapped ? <DeleteTagForm id={tag.id} name={tag.name} /> : null}
                </td>
              </>
            ) : null}
          </tr>
        ))}
      </AdminTable>
      </TagNotices>
      {next ? <nav aria-label="Pagination" className="mt-4"><Link rel="next" href={next} className="text-sm font-medium underline">More tags →</Link></nav> : null}
    </>
  );
}
