import Link from "next/link";
import { ZonedDateInput } from "@/components/admin/zoned-date-time-input";
import { redirect } from "next/navigation";
import { requireAdminActor } from "@/lib/auth/require-admin-actor";
import { can, type Actor } from "@/lib/auth/permissions";
import { formatNewsroomTime, newsroomZoneName } from "@/lib/site/newsroom-time";
import { listDeskStories, type DeskStory } from "@/lib/stories/list-stories";
import { countStoriesInReview } from "@/lib/stories/review-stories";
import { listNewsroomUsers } from "@/lib/users/list-newsroom-users";
import { storyStatuses } from "@/lib/stories/schemas";
import { isAppError, type FieldErrors } from "@/lib/errors";
import { TagFilterInput } from "@/components/admin/tag-filter-input";
import { StoryListTable, type StoryListRow } from "@/components/admin/story-list-table";

export const metadata = { title: "Stories" };

const filterNames = ["q", "status", "tag", "author", "updatedFrom", "updatedTo"] as const;
type Filters = Partial<Record<(typeof filterNames)[number], string>>;
const fieldLabels: Record<string, string> = {
  q: "Search headlines", status: "Status", tag: "Tag", author: "Author", updatedFrom: "Changed from", updatedTo: "Changed to", cursor: "Page",
};

/** "Some fields are not valid: Changed to: The last day comes before the first." */
function errorText(message: string, fields: FieldErrors | undefined): string {
  const details = Object.entries(fields ?? {}).map(([field, messages]) => `${fieldLabels[field] ?? field}: ${messages.join(", ")}`);
  return details.length ? `${message}: ${details.join("; ")}.` : message;
}

const time = (at: string) => ({ iso: at, text: formatNewsroomTime(at) });

function listRow(story: DeskStory, now: Date): StoryListRow {
  const live =
    story.status === "scheduled" && story.scheduledAt ? { label: "Scheduled" as const, ...time(story.scheduledAt) }
    : story.status === "published" && story.publishedAt ? { label: "Published" as const, ...time(story.publishedAt) }
    : null;
  return {
    id: story.id,
    headline: story.headline,
    status: story.status,
    createdBy: story.createdBy.name,
    updatedBy: story.updatedBy.name,
    updatedAt: time(story.updatedAt),
    live,
    embargo: story.embargoUntil ? { ...time(story.embargoUntil), lifted: new Date(story.embargoUntil) <= now } : null,
    agency: story.agency,
    words: story.words,
    pendingAgencyUpdate: story.pendingAgencyUpdate,
    hasDraftChanges: !!story.draftSavedAt,
    tags: story.tags.map((tag) => tag.name),
  };
}

/** The bulk actions this actor's role may take (the server checks each story again). */
function allowedActions(actor: Actor) {
  return (
    [["publish", "story.publish"], ["unpublish", "story.unpublish"], ["add_tag", "story.edit"], ["kill", "story.kill"]] as const
  ).flatMap(([action, permission]) => (can(actor, permission) ? [action] : []));
}

const inputClass = "mt-1 rounded border border-slate-300 px-3 py-1.5 focus:outline-none focus:ring-2 focus:ring-slate-400";
const labelClass = "block text-xs font-medium text-slate-600";

export default async function StoriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAdminActor();
  const search = await searchParams;
  const filters: Filters = {};
  for (const name of filterNames) {
    const value = search[name];
    if (typeof value === "string" && value.trim()) filters[name] = value.trim();
  }
  const cursor = typeof search.cursor === "string" && search.cursor ? search.cursor : undefined;
  // An empty field of the filter form means no filter, and is kept out of the address.
  const cleaned = new URLSearchParams({ ...filters, ...(cursor ? { cursor } : {}) });
  if (Object.keys(search).some((name) => !cleaned.has(name))) redirect(cleaned.size ? `/admin?${cleaned}` : "/admin");
  const [result, users, inReview] = await Promise.all([
    listDeskStories({ actor, query: { ...filters, cursor, limit: 25 } }).catch((error: unknown) => {
      if (isAppError(error)) return { items: [], nextCursor: null, error: errorText(error.message, error.fields) };
      throw error;
    }),
    listNewsroomUsers({ actor }),
    countStoriesInReview({ actor }),
  ]);
  const now = new Date();
  const nextHref = result.nextCursor ? `/admin?${new URLSearchParams({ ...filters, cursor: result.nextCursor })}` : null;
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <h1 className="font-serif text-2xl font-bold">Stories</h1>
          <Link href="/admin?status=in_review" className="text-sm font-medium text-amber-900 underline" data-testid="review-count">
            {inReview === 1 ? "1 story waits" : `${inReview.toLocaleString("en")} stories wait`} for review
          </Link>
        </div>
        <Link href="/admin/stories/new" className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
          New story
        </Link>
      </div>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="Filter stories">
        <div>
          <label htmlFor="q" className={labelClass}>Search headlines</label>
          <input id="q" name="q" type="search" defaultValue={filters.q} placeholder="Words from the headline" className={`${inputClass} w-56`} />
        </div>
        <div>
          <label htmlFor="status" className={labelClass}>Status</label>
          <select id="status" name="status" defaultValue={filters.status ?? ""} className={inputClass}>
            <option value="">Any</option>
            {storyStatuses.map((status) => (
              <option key={status} value={status}>{status.replace("_", " ")}</option>
            ))}
          </select>
        </div>
        <TagFilterInput defaultValue={filters.tag} className={`${inputClass} w-48`} labelClassName={labelClass} />
        <div>
          <label htmlFor="author" className={labelClass}>Author</label>
          <select id="author" name="author" defaultValue={filters.author ?? ""} className={`${inputClass} max-w-56`}>
            <option value="">Anyone</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>{user.name} ({user.role}){user.active ? "" : " · inactive"}</option>
            ))}
          </select>
        </div>
        <fieldset className="flex min-w-0 flex-wrap items-end gap-2">
          <legend className={labelClass}>Last changed (days in {newsroomZoneName()})</legend>
          {/* Days typed the newsroom's way ("27 Dec 2023", or 2023-12-27), posted as YYYY-MM-DD. */}
          <div className="w-40"><ZonedDateInput id="updatedFrom" name="updatedFrom" label="Changed from" defaultValue={filters.updatedFrom || null} /></div>
          <div className="w-40"><ZonedDateInput id="updatedTo" name="updatedTo" label="Changed to" defaultValue={filters.updatedTo || null} /></div>
        </fieldset>
        <button type="submit" className="rounded border border-slate-300 bg-white px-4 py-1.5 text-sm hover:bg-slate-100">Filter</button>
        {filtered ? <Link href="/admin" className="pb-1.5 text-sm underline">Clear filters</Link> : null}
      </form>
      <StoryListTable
        stories={result.items.map((story) => listRow(story, now))}
        allowed={allowedActions(actor)}
        firstPage={!cursor}
        empty="No stories match."
        error={"error" in result ? result.error : undefined}
      />
      {nextHref ? (
        <nav aria-label="Pagination" className="mt-4">
          <Link href={nextHref} rel="next" className="text-sm font-medium underline">Older stories →</Link>
        </nav>
      ) : null}
    </>
  );
}
