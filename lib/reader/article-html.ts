import { env } from "@/lib/env";
import { html, rawHtml, type SafeHtml } from "@/lib/html/template";
import { feedAlternates, tagFeedPrefix } from "@/lib/feeds/feed-paths";
import { newsArticleJsonLd, jsonLdText } from "@/lib/reader/news-article-json-ld";
import { leadWithDateline } from "@/lib/reader/lead-with-dateline";
import { modifiedAt, type ReaderStory } from "@/lib/reader/reader-story";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";
import { absoluteUrl, storyPath, tagPath } from "@/lib/site/urls";
import { formatDateline } from "@/lib/stories/format-dateline";
import { figureHtml, largestJpeg } from "@/lib/media/reader-picture";
import { bodyWithPictures } from "@/lib/media/body-pictures";

/** How wide the article's pictures show: the text column (max-w-prose, ~42 rem) or the screen less its margins. */
export const ARTICLE_PICTURE_SIZES = "(min-width: 48rem) 42rem, calc(100vw - 2rem)";

// An article page is plain HTML made here, not by React: it is the page readers reach most and
// the one least often in the page cache (a million stories), and it needs no script in the
// browser. The front (lib/serving) puts it into the reader layout as Next renders it
// (app/(site)/reader-shell), so header, footer and stylesheets have one source. The story lists
// (lib/reader/list-html.ts) are made the same way.

const kindLabel = { correction: "Correction", update: "Update" } as const;

/** A machine-readable <time> with the date as readers of the newsroom's time zone expect it. */
export const timeHtml = (iso: string, className?: string) => html`<time datetime="${iso}"${className ? html` class="${className}"` : ""}>${formatNewsroomTime(iso)}</time>`;

/** A reader page's <title>: its own, then the site's name; the site's name alone for the home page. */
export function readerTitle(title: string | null): string {
  return title ? `${title} · ${env().SITE_NAME}` : env().SITE_NAME;
}

/**
 * What goes into <head> besides the title: description, canonical address, the feeds of the
 * story's tags (the site's come with the layout), Open Graph and Twitter cards, NewsArticle data.
 */
export function articleHead(story: ReaderStory): SafeHtml {
  const { SITE_NAME } = env();
  const url = absoluteUrl(storyPath(story.slug));
  // What the editor wrote for search and social cards, else the standfirst and the headline.
  const description = story.metaDescription || story.standfirst || null;
  const cardTitle = story.socialHeadline || story.headline;
  const tagFeeds = feedAlternates(story.tags.map((tag) => ({ prefix: tagFeedPrefix(tag.slug), title: `${SITE_NAME}: ${tag.name}` })));
  const meta = (attribute: "name" | "property", key: string, content: string | null) =>
    content ? html`<meta ${attribute}="${key}" content="${content}"/>` : null;
  return html`${meta("name", "description", description)}${meta("name", "author", story.byline)}<link rel="canonical" href="${url}"/>${Object.entries(tagFeeds).map(
    ([type, feeds]) => feeds.map((feed) => html`<link rel="alternate" type="${type}" title="${feed.title}" href="${absoluteUrl(feed.url)}"/>`),
  )}${meta("property", "og:title", cardTitle)}${meta("property", "og:description", description)}${meta("property", "og:url", url)}${meta(
    "property",
    "og:site_name",
    SITE_NAME,
  )}${meta("property", "og:type", "article")}${meta("property", "article:published_time", story.publishedAt)}${meta("property", "article:modified_time", modifiedAt(story))}${story.tags.map(
    (tag) => meta("property", "article:tag", tag.name),
  )}${socialPicture(story)}${meta("name", "twitter:title", cardTitle)}${meta("name", "twitter:description", description)}<script type="application/ld+json">${rawHtml(
    jsonLdText(newsArticleJsonLd(story)),
  )}</script>`;
}

/** The social cards' picture (the wide crop, as Facebook and X show it), or the small card without one. */
function socialPicture(story: ReaderStory): SafeHtml {
  const wide = story.leadImage ? largestJpeg(story.leadImage, "16:9") : null;
  if (!story.leadImage || !wide) return html`<meta name="twitter:card" content="summary"/>`;
  const alt = story.leadImage.alt;
  return html`<meta property="og:image" content="${wide.url}"/><meta property="og:image:type" content="image/jpeg"/><meta property="og:image:width" content="${wide.width}"/><meta property="og:image:height" content="${wide.height}"/>${
    alt ? html`<meta property="og:image:alt" content="${alt}"/>` : null
  }<meta name="twitter:card" content="summary_large_image"/><meta name="twitter:image" content="${wide.url}"/>${alt ? html`<meta name="twitter:image:alt" content="${alt}"/>` : null}`;
}

/** The article itself: headline, standfirst, byline and time, the body led by its dateline, credits, corrections, tags. */
export function articleBody(story: ReaderStory): SafeHtml {
  const dateline = formatDateline(story.dateline, story.agency);
  const credit = story.byline
    ? html`<span class="font-medium text-slate-800">By ${story.byline}</span>`
    : story.agency
      ? html`<span class="font-medium text-slate-800">${story.agency}</span>`
      : null;
  return html`<article class="mx-auto max-w-prose">
<header>
<h1 class="font-serif text-3xl font-bold leading-tight tracking-tight sm:text-4xl">${story.headline}</h1>
${story.standfirst ? html`<p class="mt-3 text-lg leading-relaxed text-slate-700 sm:text-xl">${story.standfirst}</p>` : null}
<p class="mt-4 text-sm text-slate-600">${credit}${credit ? html`<span aria-hidden="true"> · </span>` : null}<span data-testid="published-time">${timeHtml(story.publishedAt)}</span></p>
${updatedLine(story)}
</header>
${story.leadImage ? figureHtml(story.leadImage, { ratio: "16:9", sizes: ARTICLE_PICTURE_SIZES, lead: true, testId: "lead-image" }) : null}
<div class="prose prose-slate mt-6 max-w-none prose-a:text-sky-800 sm:prose-lg [&_.dateline]:font-semibold [&_.dateline]:text-slate-900"><div>${
    // The body was sanitised when it was saved (lib/stories/sanitize-body.ts); the dateline is escaped.
    rawHtml(bodyWithPictures(leadWithDateline(story.body, dateline), story.pictures, ARTICLE_PICTURE_SIZES))
  }</div></div>
${story.credits ? html`<p class="mt-6 text-sm italic text-slate-600">${story.credits}</p>` : null}
${corrections(story.corrections)}
${story.tags.length ? tags(story.tags) : null}
</article>`;
}

/**
 * "Updated 27 Dec 2023, 16:10 IST" under the publication time, after a meaningful update (a
 * correction or update note, an editor's "mark as update"); a silent fix says nothing.
 */
function updatedLine(story: ReaderStory): SafeHtml | null {
  const at = modifiedAt(story);
  if (at === story.publishedAt) return null;
  return html`<p class="mt-1 text-sm text-slate-600" data-testid="updated-time">Updated ${timeHtml(at)}</p>`;
}

/** The foot of an article: its dated corrections and updates, oldest first, each note as plain text. */
function corrections(list: ReaderStory["corrections"]): SafeHtml | null {
  if (list.length === 0) return null;
  return html`<section aria-labelledby="corrections-heading" class="mt-8 border-t border-slate-200 pt-4" data-testid="corrections">
<h2 id="corrections-heading" class="font-serif text-lg font-bold">Corrections and updates</h2>
<ol class="mt-2 space-y-3">${list.map(
    (correction) => html`<li class="text-sm text-slate-800" data-testid="correction"><p><strong class="font-semibold">${kindLabel[correction.kind]}</strong><span aria-hidden="true"> · </span>${timeHtml(
      correction.createdAt,
      "text-slate-600",
    )}</p><p class="mt-1 whitespace-pre-line">${correction.note}</p></li>`,
  )}</ol>
</section>`;
}

function tags(list: ReaderStory["tags"]): SafeHtml {
  return html`<footer class="mt-8 border-t border-slate-200 pt-4">
<h2 class="sr-only">Tags</h2>
<ul class="flex flex-wrap gap-2" aria-label="Tags">${list.map(
    (tag) =>
      html`<li><a href="${tagPath(tag.slug)}" rel="tag" class="inline-block rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-800 hover:bg-slate-200">${tag.name}</a></li>`,
  )}</ul>
</footer>`;
}
