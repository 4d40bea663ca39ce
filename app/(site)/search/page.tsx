import type { Metadata } from "next";
import Link from "next/link";
import { isAppError } from "@/lib/errors";
import { searchStories, searchTerms, type SearchPage } from "@/lib/reader/search-stories";
import { storyPath } from "@/lib/site/urls";
import { PublishedTime } from "@/components/site/published-time";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ q?: string | string[]; cursor?: string | string[] }> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = searchTerms(first((await searchParams).q));
  // Result pages are endless and change by the minute: not for search engines' indexes.
  return { title: q ? `Search: ${q}` : "Search", robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = searchTerms(first(params.q));
  const cursor = first(params.cursor) || undefined;
  let results: SearchPage | null = null;
  let problem: string | null = null;
  if (q) {
    try {
      results = await searchStories({ q, cursor });
    } catch (error) {
      if (!isAppError(error)) throw error;
      problem = "That results link is out of date. Here is the first page again.";
      results = await searchStories({ q });
    }
  }
  const nextHref = q && results?.nextCursor ? `/search?${new URLSearchParams({ q, cursor: results.nextCursor })}` : null;

  return (
    <div>
      <h1 className="font-serif text-2xl font-bold">Search</h1>
      <form action="/search" method="get" role="search" className="mt-4 flex gap-2">
        <label htmlFor="search-q" className="sr-only">Search stories</label>
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={q ?? ""}
          placeholder="Words, names, places…"
          className="w-full rounded border border-slate-400 px-3 py-2 text-base focus:border-sky-700 focus:outline-none focus:ring-2 focus:ring-sky-700"
        />
        <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700">Search</button>
      </form>
      {problem ? <p className="mt-4 text-sm text-amber-900" role="status">{problem}</p> : null}
      {q && results ? (
        results.hits.length ? (
          <>
            <p className="mt-6 text-sm text-slate-600" role="status">
              {cursor && !problem ? "More results" : "Results"} for <strong>{q}</strong>, best matches first
            </p>
            <ol className="mt-2 divide-y divide-slate-200" data-testid="search-results">
              {results.hits.map((hit) => (
                <li key={hit.id} className="py-4">
                  <h2 className="font-serif text-xl font-semibold leading-snug">
                    <a href={storyPath(hit.slug)} className="hover:underline">{hit.headline}</a>
                  </h2>
                  <p className="mt-1 text-slate-700">
                    {hit.snippet.map((part, index) =>
                      part.match ? <mark key={index} className="rounded bg-amber-100 px-0.5 text-slate-900">{part.text}</mark> : <span key={index}>{part.text}</span>,
                    )}
                  </p>
                  <p className="mt-1 text-sm text-slate-500"><PublishedTime iso={hit.publishedAt} /></p>
                </li>
              ))}
            </ol>
            <nav aria-label="Pagination" className="mt-6 flex gap-6">
              {cursor ? <Link rel="prev" href={`/search?${new URLSearchParams({ q })}`} className="font-medium underline">← Best matches</Link> : null}
              {nextHref ? <Link rel="next" href={nextHref} className="font-medium underline">More results →</Link> : null}
            </nav>
          </>
        ) : (
          <p className="mt-6 text-slate-700" role="status">No published stories match <strong>{q}</strong>.</p>
        )
      ) : null}
    </div>
  );
}
