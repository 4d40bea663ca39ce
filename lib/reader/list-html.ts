import { env } from "@/lib/env";
import { html, type SafeHtml } from "@/lib/html/template";
import { feedAlternates, tagFeedPrefix } from "@/lib/feeds/feed-paths";
import { timeHtml } from "@/lib/reader/article-html";
import { modifiedAt, type ReaderStory } from "@/lib/reader/reader-story";
import { absoluteUrl, storyPath, tagFeedPath, tagPath } from "@/lib/site/urls";
import { formatDateline } from "@/lib/stories/format-dateline";
import { pictureHtml } from "@/lib/media/reader-picture";
import { ARTICLE_PICTURE_SIZES } from "@/lib/reader/article-html";

// The reader's story lists (home, tag pages and the older pages behind them) as plain HTML, put
// into the reader layout by the front like articles (lib/reader/article-html.ts).

/** Where a page of a story list leads: the page just newer (rel=prev) and just older (rel=next), as paths. */
export type PageLinks = { prev: string | null; next: string | null };

export type ListTag = { name: string; slug: string; type: string };

const typeLabel: Record<string, string> = { person: "Person", place: "Place", organisation: "Organisation", topic: "Topic" };

/** The line under a listed story's headline: where it was filed, when, and when last updated. */
function storyMeta(story: ReaderStory): SafeHtml {
  const dateline = formatDateline(story.dateline, story.agency);
  return html`<p class="mt-2 text-sm text-slate-500">${dateline ? html`<span class="mr-2 font-medium uppercase tracking-wide">${dateline.replace(/ –$/, "")}</span>` : null}${timeHtml(
    story.publishedAt,
  )}${story.lastUpdatedAt && modifiedAt(story) !== story.publishedAt ? html`<span aria-hidden="true"> · </span><span data-testid="list-updated">Updated ${timeHtml(story.lastUpdatedAt)}</span>` : null}</p>`;
}

/** The top story of the home page, when it has a picture: the picture large, the headline bigger. */
function leadStoryHtml(story: ReaderStory): SafeHtml {
  const picture = pictureHtml(story.leadImage!, { ratio: "16:9", sizes: ARTICLE_PICTURE_SIZES, lead: true, className: "h-auto w-full rounded bg-slate-100" });
  return html`<li class="pb-6 pt-2" data-testid="lead-story"><article><a href="${storyPath(story.slug)}" class="block" tabindex="-1" aria-hidden="true">${picture}</a><h2 class="mt-3 font-serif text-2xl font-bold leading-tight sm:text-3xl"><a href="${storyPath(
    story.slug,
  )}" class="hover:underline">${story.headline}</a></h2>${story.standfirst ? html`<p class="mt-2 text-lg text-slate-700">${story.standfirst}</p>` : null}${storyMeta(story)}</article></li>`;
}

/** One page of stories, newest first, with links to the newer and older pages; `leadFirst` (the home page) shows the first one large, with its picture. */
export function storyListHtml(stories: ReaderStory[], links: PageLinks, options: { leadFirst?: boolean } = {}): SafeHtml {
  if (stories.length === 0) return html`<p class="text-slate-600">No stories yet.</p>`;
  return html`<ol class="divide-y divide-slate-200" data-testid="story-list">${stories.map((story, index) => {
    if (index === 0 && options.leadFirst && story.leadImage) return leadStoryHtml(story);
    // A listed story's picture beside it: small, and fetched only as it scrolls into view.
    const thumbnail = story.leadImage ? pictureHtml(story.leadImage, { ratio: "16:9", sizes: "(min-width: 40rem) 12rem, 7rem", className: "h-auto w-28 rounded bg-slate-100 sm:w-48" }) : null;
    return html`<li class="py-5"><article class="flex items-start gap-4"><div class="min-w-0 flex-1"><h2 class="font-serif text-xl font-semibold leading-snug sm:text-2xl"><a href="${storyPath(story.slug)}" class="hover:underline">${story.headline}</a></h2>${
      story.standfirst ? html`<p class="mt-1 text-slate-700">${story.standfirst}</p>` : null
    }${storyMeta(story)}</div>${thumbnail ? html`<a href="${storyPath(story.slug)}" class="shrink-0" tabindex="-1" aria-hidden="true">${thumbnail}</a>` : null}</article></li>`;
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
  return html`${heading}${storyListHtml(stories, links, { leadFirst: !older })}`;
}

export function tagMain(tag: ListTag, stories: ReaderStory[], links: PageLinks): SafeHtml {
  return html`<header class="mb-2"><p class="text-sm uppercase tracking-wide text-slate-500">${typeLabel[tag.type] ?? "Tag"}</p><h1 class="font-serif text-3xl font-bold">${tag.name}</h1><p class="mt-1 text-sm"><a href="${tagFeedPath(
    tag.slug,
  )}" class="text-slate-600 underline">RSS feed for ${tag.name}</a></p></header>${storyListHtml(stories, links)}`;
}
