import Link from "next/link";
import type { ReaderStory } from "@/lib/reader/reader-story";
import { formatDateline } from "@/lib/stories/format-dateline";
import { storyPath } from "@/lib/site/urls";
import { PublishedTime } from "@/components/site/published-time";

export function StoryList({ stories, prevHref, nextHref }: { stories: ReaderStory[]; prevHref?: string | null; nextHref: string | null }) {
  if (stories.length === 0) return <p className="text-slate-600">No stories yet.</p>;
  return (
    <>
      <ol className="divide-y divide-slate-200" data-testid="story-list">
        {stories.map((story) => {
          const dateline = formatDateline(story.dateline, story.agency);
          return (
            <li key={story.id} className="py-5">
              <article>
                <h2 className="font-serif text-xl font-semibold leading-snug sm:text-2xl">
                  {/* A plain link: articles are plain HTML pages made by the front (lib/serving). */}
                  <a href={storyPath(story.slug)} className="hover:underline">
                    {story.headline}
                  </a>
                </h2>
                {story.standfirst ? <p className="mt-1 text-slate-700">{story.standfirst}</p> : null}
                <p className="mt-2 text-sm text-slate-500">
                  {dateline ? <span className="mr-2 font-medium uppercase tracking-wide">{dateline.replace(/ –$/, "")}</span> : null}
                  <PublishedTime iso={story.publishedAt} />
                </p>
              </article>
            </li>
          );
        })}
      </ol>
      <StoryPagination prevHref={prevHref ?? null} nextHref={nextHref} />
    </>
  );
}

/** Links to the page of newer stories (rel=prev) and of older ones (rel=next), where there are such pages. */
export function StoryPagination({ prevHref, nextHref }: { prevHref: string | null; nextHref: string | null }) {
  if (!prevHref && !nextHref) return null;
  return (
    <nav aria-label="Pagination" className="mt-6 flex flex-wrap gap-6">
      {prevHref ? (
        <Link rel="prev" href={prevHref} className="font-medium text-slate-800 underline">
          ← Newer stories
        </Link>
      ) : null}
      {nextHref ? (
        <Link rel="next" href={nextHref} className="font-medium text-slate-800 underline">
          Older stories →
        </Link>
      ) : null}
    </nav>
  );
}
