import { Feed } from "feed";
import { escapeHtml } from "@/lib/escape-html";
import { env } from "@/lib/env";
import { absoluteUrl, storyPath } from "@/lib/site/urls";
import { formatDateline } from "@/lib/stories/format-dateline";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";
import { leadWithDateline } from "@/lib/reader/lead-with-dateline";
import type { ReaderStory } from "@/lib/reader/reader-story";

export const FEED_SIZE = 50;

/**
 * The feed library wraps text in CDATA but escapes only the first "]]>" in it; any further one
 * would end the CDATA and let a headline write its own XML. Break every one.
 */
const cdataSafe = (text: string) => text.replaceAll("]]>", "]] >");

const kindLabel = { correction: "Correction", update: "Update" } as const;

/** The article's foot in a feed item: its corrections and updates, each note escaped as text. */
function correctionsHtml(corrections: ReaderStory["corrections"]): string {
  if (corrections.length === 0) return "";
  const items = corrections.map(
    (c) => `<p><strong>${kindLabel[c.kind]}</strong> (${escapeHtml(formatNewsroomTime(c.createdAt))}): ${escapeHtml(c.note).replaceAll("\n", "<br>")}</p>`,
  );
  return `<h3>Corrections and updates</h3>${items.join("")}`;
}

/** The newest change among the stories: a correction to an older item still moves the feed's lastBuildDate. */
const lastChange = (stories: ReaderStory[]) => stories.reduce((latest, story) => (story.updatedAt > latest ? story.updatedAt : latest), "");

/** RSS 2.0 with the full text in content:encoded, permalink guids and tags as categories. */
export function buildRss(options: { title: string; description: string; path: string; selfPath: string; stories: ReaderStory[] }): string {
  const { SITE_NAME, SITE_LANGUAGE } = env();
  const feed = new Feed({
    title: cdataSafe(options.title),
    description: options.description,
    id: absoluteUrl(options.path),
    link: absoluteUrl(options.path),
    language: SITE_LANGUAGE,
    copyright: `© ${SITE_NAME}`,
    generator: "Dateline",
    updated: options.stories.length ? new Date(lastChange(options.stories)) : new Date(0),
    feedLinks: { rss: absoluteUrl(options.selfPath) },
    ttl: 5,
  });
  for (const story of options.stories) {
    const link = absoluteUrl(storyPath(story.slug));
    feed.addItem({
      title: cdataSafe(story.headline),
      link,
      // Feed readers render description as HTML; the standfirst is plain text.
      description: story.standfirst ? escapeHtml(story.standfirst) : undefined,
      content:
        leadWithDateline(story.body, formatDateline(story.dateline, story.agency)) +
        (story.credits ? `<p><em>${escapeHtml(story.credits)}</em></p>` : "") +
        correctionsHtml(story.corrections),
      // RSS has no modified date: pubDate stays the publication time (`published`), the guid stays
      // the permalink, and the item's content carries the correction; `date` is the last change,
      // which is what Atom's <updated> would say.
      date: new Date(story.updatedAt),
      published: new Date(story.publishedAt),
      author: story.byline ? [{ name: cdataSafe(story.byline) }] : undefined,
      category: story.tags.map((tag) => ({ name: cdataSafe(tag.name), domain: absoluteUrl(`/tags/${tag.slug}`) })),
    });
  }
  return feed.rss2();
}

export function rssResponse(xml: string): Response {
  return new Response(xml, {
    headers: { "Content-Type": "application/rss+xml; charset=utf-8", "Cache-Control": "public, max-age=60, stale-while-revalidate=300" },
  });
}
