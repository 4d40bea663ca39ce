import { env } from "@/lib/env";
import { html, type SafeHtml } from "@/lib/html/template";
import { feedAlternates, tagFeedPrefix } from "@/lib/feeds/feed-paths";
import { timeHtml } from "@/lib/reader/article-html";
import { modifiedAt, type ReaderStory } from "@/lib/reader/reader-story";
import { absoluteUrl, storyPath, tagFeedPath, tagPath } from "@/lib/site/urls";
import { formatDateline } from "@/lib/stories/format-dateline";

// The reader's story lists (home, tag pages and the older pages behind them) as plain HTML, put
// into the reader layout by the front like articles (lib/reader/article-html.ts).

/** Where a page of a story list leads: the page just newer (rel=prev) and just older (rel=next), as paths. */
export type PageLinks = { prev: string | null; next: string | null };

export type ListTag = { name: string; slug: string; type: string };

const typeLabel: Record<string, string> = { person: "Person", place: "Place", organisation: "Organisation", topic: "Topic" };

/** One page of stories, newest first, with links to the newer and older pages. */
export function storyListHtml(stories: ReaderStory[], links: PageLinks): SafeHtml {
  if (stories.length === 0) return html`<p class="text-slate-600">No stories yet.</p>`;
  return html`<ol class="divide-y divide-slate-200" data-testid="story-list">${stories.map((story) => {
    const dateline = formatDateline(story.dateline, story.agency);
    return html`<li class="py-5"><article><h2 class="font-serif text-xl font-semibold leading-snug sm:text-2xl"><a href="${storyPath(story.slug)}" class="hover:underline">${story.headline}</a></h2>${
      story.standfirst ? html`<p class="mt-1 text-slate-700">${story.standfirst}</p>` : null
    }<p class="mt-2 text-sm text-slate-500">${dateline ? html`<span class="mr-2 font-medium uppercase tracking-wide">${dateline.replace(/ –$/, "")}</span>` : null}${timeHtml(
      story.publishedAt,
    )}${story.lastUpdatedAt && modifiedAt(story) !== story.publishedAt ? html`<span aria-hidden="true"> · </span><span data-testid="list-updated">Updated ${timeHtml(story.lastUpdatedAt)}</span>` : null}</p></article></li>`;
  })}</ol>${paginationHtml(links)}`;
}

function paginationHtml({ prev, next }: PageLinks): SafeHtml | null {
  if (!prev && !next) return null;
  return html`<nav aria-label="Pagination" class="mt-6 flex flex-wrap gap-6">${
    prev ? html`<a rel="prev" href="${prev}" class="font-medium text-slate-800 underline">← Newer stories</a>` : null
  }${next ? html`<a rel="next" href="${next}" class="font-medium text-slate-800 underline">Older stories →</a>` : null}</nav>`;
}

/** <head> links to the newer and older pages; an older page also asks not to be indexed (it moves with every story). */
export function paginationHead(links: PageLinks, older: boolean): SafeHtml {
  return html`${older ? html`<meta name="robots" content="noindex, follow"/>` : null}${
    links.prev ? html`<link rel="prev" href="${absoluteUrl(links.prev)}"/>` : null
  }${links.next ? html`<link rel="next" href="${absoluteUrl(links.next)}"/>` : null}`;
}

/** The home page's description and address, for search engines and link previews. */
export function homeHead(): SafeHtml {
  return html`<meta name="description" content="${`The latest stories from ${env().SITE_NAME}`}"/><link rel="canonical" href="${absoluteUrl("/")}"/>`;
}

/** The tag's description, address and feeds, which go before the site's in <head>. */
export function tagHead(tag: ListTag): SafeHtml {
  const feeds = feedAlternates([{ prefix: tagFeedPrefix(tag.slug), title: `${env().SITE_NAME}: ${tag.name}` }]);
  return html`<meta name="description" content="${`Stories about ${tag.name}`}"/><link rel="canonical" href="${absoluteUrl(tagPath(tag.slug))}"/>${Object.entries(feeds).map(
    ([type, list]) => list.map((feed) => html`<link rel="alternate" type="${type}" title="${feed.title}" href="${absoluteUrl(feed.url)}"/>`),
  )}`;
}

export function latestMain(stories: ReaderStory[], links: PageLinks, older: boolean): SafeHtml {
  const heading = older ? html`<h1 class="mb-2 font-serif text-2xl font-bold">Older stories</h1>` : html`<h1 class="sr-only">Latest stories</h1>`;
  return html`${heading}${storyListHtml(stories, links)}`;
}

export function tagMain(tag: ListTag, stories: ReaderStory[], links: PageLinks): SafeHtml {
  return html`<header class="mb-2"><p class="text-sm uppercase tracking-wide text-slate-500">${typeLabel[tag.type] ?? "Tag"}</p><h1 class="font-serif text-3xl font-bold">${tag.name}</h1><p class="mt-1 text-sm"><a href="${tagFeedPath(
    tag.slug,
  )}" class="text-slate-600 underline">RSS feed for ${tag.name}</a></p></header>${storyListHtml(stories, links)}`;
}
