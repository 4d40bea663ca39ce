import { escapeHtml } from "@/lib/escape-html";
import { absoluteUrl, storyPath, tagPath } from "@/lib/site/urls";
import { formatDateline } from "@/lib/stories/format-dateline";
import { formatNewsroomTime } from "@/lib/site/newsroom-time";
import { leadWithDateline } from "@/lib/reader/lead-with-dateline";
import { modifiedAt, type ReaderStory } from "@/lib/reader/reader-story";
import { largestJpeg, pictureCredit } from "@/lib/media/reader-picture";
import { feedBodyWithPictures } from "@/lib/media/body-pictures";

/**
 * A story as every feed format carries it. RSS, Atom and JSON Feed are built from this one mapping,
 * so the three never disagree on what an item says. Text fields are plain text (each format escapes
 * them its own way); `contentHtml` is HTML.
 */
export type FeedItem = {
  /** The permalink, also the item's guid/id: it never changes, so a correction is not a new item. */
  id: string;
  url: string;
  title: string;
  summary: string | null;
  /** The full text as the article shows it: dateline lead, body, credits, then corrections. */
  contentHtml: string;
  /** The first publication: a story published again keeps it, so it is not a new item at the top. */
  published: Date;
  /** The last meaningful update (a correction or update note, "mark as update"; a silent fix does not move it); RSS has no place for it, Atom and JSON Feed do. */
  updated: Date;
  authors: string[];
  tags: { name: string; url: string }[];
  /** The lead picture, as its largest wide JPEG (what feed readers show above the item), or null. */
  image: { url: string; type: "image/jpeg"; bytes: number; width: number; height: number; alt: string; caption: string; credit: string } | null;
};

const kindLabel = { correction: "Correction", update: "Update" } as const;

/** The article's foot in a feed item: its corrections and updates, each note escaped as text. */
function correctionsHtml(corrections: ReaderStory["corrections"]): string {
  if (corrections.length === 0) return "";
  const items = corrections.map(
    (c) => `<p><strong>${kindLabel[c.kind]}</strong> (${escapeHtml(formatNewsroomTime(c.createdAt))}): ${escapeHtml(c.note).replaceAll("\n", "<br>")}</p>`,
  );
  return `<h3>Corrections and updates</h3>${items.join("")}`;
}

/** The lead picture as the item's feed image, or null. */
function feedImage(story: ReaderStory): FeedItem["image"] {
  const wide = story.leadImage ? largestJpeg(story.leadImage, "16:9") : null;
  if (!story.leadImage || !wide) return null;
  const { alt, caption } = story.leadImage;
  return { url: wide.url, type: "image/jpeg", bytes: wide.bytes, width: wide.width, height: wide.height, alt, caption, credit: pictureCredit(story.leadImage) };
}

/** The picture at the top of an item's full text, with its caption and credit, all escaped. */
function figureHtml(image: NonNullable<FeedItem["image"]>): string {
  const caption = [image.caption, image.credit].filter(Boolean).map(escapeHtml).join(" ");
  return `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.alt)}" width="${image.width}" height="${image.height}"/>${caption ? `<figcaption>${caption}</figcaption>` : ""}</figure>`;
}

export function toFeedItem(story: ReaderStory): FeedItem {
  const url = absoluteUrl(storyPath(story.slug));
  const image = feedImage(story);
  return {
    id: url,
    url,
    title: story.headline,
    summary: story.standfirst || null,
    contentHtml:
      (image ? figureHtml(image) : "") +
      feedBodyWithPictures(leadWithDateline(story.body, formatDateline(story.dateline, story.agency)), story.pictures) +
      (story.credits ? `<p><em>${escapeHtml(story.credits)}</em></p>` : "") +
      correctionsHtml(story.corrections),
    published: new Date(story.publishedAt),
    updated: new Date(modifiedAt(story)),
    authors: story.byline ? [story.byline] : [],
    tags: story.tags.map((tag) => ({ name: tag.name, url: absoluteUrl(tagPath(tag.slug)) })),
    image,
  };
}

/** The newest change among the items: a correction to an older item still moves the feed's date. */
export function lastChange(items: FeedItem[]): Date {
  return items.reduce((latest, item) => (item.updated > latest ? item.updated : latest), new Date(0));
}
