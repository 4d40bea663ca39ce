import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";
import { getStory } from "@/lib/stories/get-story";
import { listRevisions } from "@/lib/stories/list-revisions";
import { compareRevisions, parseRevisionRef, type ComparedSide, type RevisionRef } from "@/lib/stories/compare-revisions";
import { revisionSnapshot } from "@/lib/stories/revision-snapshot";
import { summarizeChange } from "@/lib/stories/revision-diff";
import { AdminTable } from "@/components/admin/admin-table";
import { RevisionDiff } from "@/components/admin/revision-diff";
import { RestoreRevisionForm } from "@/components/admin/restore-revision-form";
import { hasLiveStatus } from "@/lib/stories/live";

export const metadata = { title: "Revisions" };

const notFoundToNull = (error: unknown) => {
  if (isAppError(error) && error.code === "not_found") return null;
  throw error;
};

function Side({ side }: { side: ComparedSide }) {
  return (
    <span>
      <strong>{side.label}</strong>
      {side.author ? ` by ${side.author.name}` : ""}
      {side.createdAt ? <>, <time dateTime={side.createdAt}>{formatNewsroomTime(side.createdAt)}</time></> : null}
    </span>
  );
}

export default async function RevisionsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> }) {
  const actor = await requireAdminActor();
  const { id } = await params;
  const story = await getStory({ actor, id }).catch(notFoundToNull);
  if (!story) notFound();
  const { items } = await listRevisions({ actor, id });
  const search = await searchParams;

  // By default: the latest change, i.e. the newest revision against the one before it.
  const to: RevisionRef | null = parseRevisionRef(search.to) ?? items[0]?.version ?? null;
  const from: RevisionRef | null =
    parseRevisionRef(search.from) ?? (to === "draft" ? story.version : items.find((item) => to !== null && item.version < to)?.version ?? null);
  const comparison = from !== null && to !== null && from !== to ? await compareRevisions({ actor, id, from, to }).catch(notFoundToNull) : null;

  const live = hasLiveStatus(story.status);
  const mayRestore = story.status !== "killed" && can(actor, live ? "story.edit.live" : "story.edit");
  const restorable = comparison ? [comparison.from.ref, comparison.to.ref].filter((ref): ref is number => ref !== "draft" && ref !== story.version) : [];
  const radios = (ref: RevisionRef, label: string) => (
    <>
      <td className="px-4 py-2"><input type="radio" name="from" value={ref} defaultChecked={from === ref} aria-label={`Compare from ${label}`} /></td>
      <td className="px-4 py-2"><input type="radio" name="to" value={ref} defaultChecked={to === ref} aria-label={`Compare to ${label}`} /></td>
    </>
  );

  return (
    <div className="mx-auto max-w-4xl">
      <p className="mb-2 text-sm"><Link href={`/admin/stories/${story.id}`} className="underline">← Back to the story</Link></p>
      <h1 className="font-serif text-2xl font-bold">Revisions</h1>
      <p className="mb-4 text-slate-700">{story.headline}</p>

      <form method="get" className="mb-6">
        <AdminTable columns={["From", "To", "Version", "Who", "When", "What changed"]} testId="revisions" empty="No revisions." rowCount={items.length}>
          {story.draftChanges ? (
            <tr className="bg-amber-50">
              {radios("draft", "the draft of changes")}
              <td className="px-4 py-2 font-medium">Draft of changes (not live)</td>
              <td className="px-4 py-2">{story.draftSavedBy?.name}</td>
              <td className="whitespace-nowrap px-4 py-2">{story.draftSavedAt ? <time dateTime={story.draftSavedAt}>{formatNewsroomTime(story.draftSavedAt)}</time> : null}</td>
              <td className="px-4 py-2">{summarizeChange(revisionSnapshot(story), story.draftChanges)}</td>
            </tr>
          ) : null}
          {items.map((item) => (
            <tr key={item.version} data-testid="revision">
              {radios(item.version, `version ${item.version}`)}
              <td className="px-4 py-2">{item.version}{item.version === story.version ? <span className="ml-2 text-xs text-slate-500">(current)</span> : null}</td>
              <td className="px-4 py-2">{item.author.name}</td>
              <td className="whitespace-nowrap px-4 py-2"><time dateTime={item.createdAt}>{formatNewsroomTime(item.createdAt)}</time></td>
              <td className="px-4 py-2">{item.summary}</td>
            </tr>
          ))}
        </AdminTable>
        <button type="submit" className="mt-3 rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 focus:outline-none focus:ring-2 focus:ring-slate-400">
          Compare
        </button>
      </form>

      {comparison ? (
        <section aria-labelledby="comparison-heading" className="rounded border border-slate-200 bg-white p-5">
          <h2 id="comparison-heading" className="font-serif text-xl font-bold">
            Changes from {comparison.from.label} to {comparison.to.label}
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            From <Side side={comparison.from} />; to <Side side={comparison.to} />.
          </p>
          {mayRestore && restorable.length ? (
            <div className="mt-3 flex flex-wrap gap-2">
              {restorable.map((revision) => <RestoreRevisionForm key={revision} id={story.id} revision={revision} version={story.version} live={live} headline={story.headline} />)}
            </div>
          ) : null}
          <div className="mt-4">
            <RevisionDiff fields={comparison.fields} />
          </div>
        </section>
      ) : from !== null && to !== null && from !== to ? (
        <p className="text-sm text-red-700">There is no such revision to compare.</p>
      ) : items.length < 2 && !story.draftChanges ? (
        <p className="text-sm text-slate-600">Only one revision so far: nothing to compare yet.</p>
      ) : (
        <p className="text-sm text-slate-600">Choose two different versions to compare.</p>
      )}
    </div>
  );
}
