import { absoluteUrl } from "@/lib/site/urls";
import type { ReaderStory } from "@/lib/reader/reader-story";

/** RFC 5005's namespace, for the <fh:archive/> that marks an archive document. */
export const FEED_HISTORY_NS = "http://purl.org/syndication/history/1.0";

/**
 * One feed document, whatever its format: the subscription document (newest stories) or an
 * archive page (RFC 5005 archived feed). Paths are site-relative; builders make them absolute.
 */
export type FeedDocument = {
  title: string;
  description: string;
  /** The HTML page the feed follows: "/" or a tag page. */
  path: string;
  /** This document. */
  selfPath: string;
  /** Archive pages only: the subscription document in the same format. Its presence makes this an archive. */
  currentPath?: string;
  /** The archive page of the next older stories (RSS/Atom `prev-archive`, JSON Feed `next_url`). */
  olderPath?: string | null;
  /** Archive pages only: the archive page of the next newer stories, when the subscription document does not hold them all. */
  newerPath?: string | null;
  stories: ReaderStory[];
};

export const isArchive = (doc: FeedDocument) => doc.currentPath !== undefined;

/** RFC 5005's link relations of a document, absolute. */
export function historyLinks(doc: FeedDocument): { rel: "current" | "prev-archive" | "next-archive"; href: string }[] {
  const links: { rel: "current" | "prev-archive" | "next-archive"; href: string }[] = [];
  if (doc.currentPath) links.push({ rel: "current", href: absoluteUrl(doc.currentPath) });
  if (doc.olderPath) links.push({ rel: "prev-archive", href: absoluteUrl(doc.olderPath) });
  if (doc.currentPath && doc.newerPath) links.push({ rel: "next-archive", href: absoluteUrl(doc.newerPath) });
  return links;
}
