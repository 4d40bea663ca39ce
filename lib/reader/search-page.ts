import { isAppError } from "@/lib/errors";
import { html } from "@/lib/html/template";
import { timeHtml } from "@/lib/reader/article-html";
import type { ReaderPage } from "@/lib/reader/list-pages";
import { searchStories, searchTerms, type SearchPage } from "@/lib/reader/search-stories";
import { storyPath } from "@/lib/site/urls";

const searchHref = (params: Record<string, string>) => `/search?${new URLSearchParams(params)}`;

/**
 * /search?q=…&cursor=…: the form, and the ranked results with highlighted snippets, made by the
 * front like the other reader pages. An out-of-date cursor shows the first page, and says so.
 * Result pages are endless and change by the minute: not for search engines' indexes.
 */
export async function searchReaderPage(query: URLSearchParams): Promise<ReaderPage> {
  const q = searchTerms(query.get("q"));
  const cursor = query.get("cursor") || undefined;
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
  const more = !!cursor && !problem;
  const nextHref = q && results?.nextCursor ? searchHref({ q, cursor: results.nextCursor }) : null;
  const found =
    q && results
      ? results.hits.length
        ? html`<p class="mt-6 text-sm text-slate-600" role="status">${more ? "More results" : "Results"} for <strong>${q}</strong>, best matches first</p>
<ol class="mt-2 divide-y divide-slate-200" data-testid="search-results">${results.hits.map(
            (hit) =>
              html`<li class="py-4"><h2 class="font-serif text-xl font-semibold leading-snug"><a href="${storyPath(hit.slug)}" class="hover:underline">${hit.headline}</a></h2><p class="mt-1 text-slate-700">${hit.snippet.map(
                (part) => (part.match ? html`<mark class="rounded bg-amber-100 px-0.5 text-slate-900">${part.text}</mark>` : html`<span>${part.text}</span>`),
              )}</p><p class="mt-1 text-sm text-slate-500">${timeHtml(hit.publishedAt)}</p></li>`,
          )}</ol>
<nav aria-label="Pagination" class="mt-6 flex gap-6">${more ? html`<a rel="prev" href="${searchHref({ q })}" class="font-medium underline">← Best matches</a>` : null}${
            nextHref ? html`<a rel="next" href="${nextHref}" class="font-medium underline">More results →</a>` : null
          }</nav>`
        : html`<p class="mt-6 text-slate-700" role="status">No published stories match <strong>${q}</strong>.</p>`
      : null;
  return {
    title: q ? `Search: ${q}` : "Search",
    head: html`<meta name="robots" content="noindex, follow"/>`,
    main: html`<div><h1 class="font-serif text-2xl font-bold">Search</h1>
<form action="/search" method="get" role="search" class="mt-4 flex gap-2"><label for="search-q" class="sr-only">Search stories</label><input id="search-q" name="q" type="search" value="${q ?? ""}" placeholder="Words, names, places…" class="w-full rounded border border-slate-400 px-3 py-2 text-base focus:border-sky-700 focus:outline-none focus:ring-2 focus:ring-sky-700"/><button type="submit" class="rounded bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700">Search</button></form>
${problem ? html`<p class="mt-4 text-sm text-amber-900" role="status">${problem}</p>` : null}${found}</div>`,
  };
}
