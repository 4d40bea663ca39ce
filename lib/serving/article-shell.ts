import { escapeHtml } from "@/lib/escape-html";

/** Where Next renders the reader layout around an empty slot (app/(site)/article-shell). */
export const ARTICLE_SHELL_PATH = "/article-shell";

const SLOT = '<div data-article-slot=""></div>';
const TITLE = /<title>[\s\S]*?<\/title>/;
// Next's runtime and its page data: an article is plain HTML, and the layout's data would not
// match it if React hydrated it.
const SCRIPTS = /<script\b[^>]*>[\s\S]*?<\/script>|<link\b[^>]*\bas="script"[^>]*>|<link\b[^>]*\brel="modulepreload"[^>]*>/gi;

export type ArticleShell = {
  /** A whole page: the layout with this title, these extra <head> tags and this article in its slot. */
  render: (page: { title: string; head: string; main: string }) => string;
};

/** The layout page as Next rendered it, cut where each article's parts go. */
export function parseArticleShell(layoutHtml: string): ArticleShell {
  const page = layoutHtml.replace(SCRIPTS, "");
  const title = TITLE.exec(page);
  const headEnd = page.indexOf("</head>");
  const slotAt = page.indexOf(SLOT);
  if (!title || headEnd === -1 || slotAt === -1 || !(title.index < headEnd && headEnd < slotAt)) {
    throw new Error("the article shell has no <title>, </head> or slot, or not in that order");
  }
  const beforeTitle = page.slice(0, title.index);
  const restOfHead = page.slice(title.index + title[0].length, headEnd);
  const beforeSlot = page.slice(headEnd, slotAt);
  const afterSlot = page.slice(slotAt + SLOT.length);
  // The page's own tags go last in <head>: the layout's (the site's feeds first) keep their order.
  return {
    render: ({ title, head, main }) => `${beforeTitle}<title>${escapeHtml(title)}</title>${restOfHead}${head}${beforeSlot}${main}${afterSlot}`,
  };
}
