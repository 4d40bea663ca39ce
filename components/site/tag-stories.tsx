import { StoryList } from "@/components/site/story-list";
import type { TagPage } from "@/lib/reader/get-tag-page";
import { tagFeedPath, tagPath } from "@/lib/site/urls";

const typeLabel: Record<string, string> = { person: "Person", place: "Place", organisation: "Organisation", topic: "Topic" };

/** A tag's heading and one page of its stories; shared by the first page and the older pages. */
export function TagStories({ page }: { page: TagPage }) {
  return (
    <>
      <header className="mb-2">
        <p className="text-sm uppercase tracking-wide text-slate-500">{typeLabel[page.tag.type] ?? "Tag"}</p>
        <h1 className="font-serif text-3xl font-bold">{page.tag.name}</h1>
        <p className="mt-1 text-sm">
          <a href={tagFeedPath(page.tag.slug)} className="text-slate-600 underline">RSS feed for {page.tag.name}</a>
        </p>
      </header>
      <StoryList stories={page.stories} nextHref={page.nextCursor ? `${tagPath(page.tag.slug)}/page/${page.nextCursor}` : null} />
    </>
  );
}
