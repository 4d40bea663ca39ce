import { notFound } from "next/navigation";
import { StoryList } from "@/components/site/story-list";
import { getCachedTagPage, READER_PAGE_SIZE } from "@/lib/reader/cached";
import { isAppError } from "@/lib/errors";
import { tagFeedPath, tagPath } from "@/lib/site/urls";

const typeLabel: Record<string, string> = { person: "Person", place: "Place", organisation: "Organisation", topic: "Topic" };

/** A tag's heading and one page of its stories; shared by the first page and the older pages. */
export async function TagStories({ slug, cursor }: { slug: string; cursor?: string }) {
  const page = await getCachedTagPage(slug, cursor, READER_PAGE_SIZE).catch((error: unknown) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  if (!page || (cursor && page.stories.length === 0)) notFound();
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
