import { escapeHtml } from "@/lib/escape-html";

/** Where Next renders the reader layout around an empty slot (app/(site)/reader-shell). */
export const READER_SHELL_PATH = "/reader-shell";

/**
 * The whole pages the front keeps ready in the reader layout (app/(site)/reader-shell/…): what a
 * killed story's address, an address with nothing at it, and any page while the database cannot
 * be reached show. None needs the database, so they are at hand when it is away.
 */
export const FRONT_PAGES = { gone: "/reader-shell/gone", notFound: "/reader-shell/not-found", unavailable: "/reader-shell/unavailable" } as const;

/**
 * Only the front may fetch these pages: it sends this header with the token both it and Next
 * were started with (scripts/serve-site.ts), and never passes a client's on. However a client
 * spells the path (/./reader-shell, %72eader-shell …), Next answers it 404 without the token.
 */
export const FRONT_TOKEN_HEADER = "x-dateline-front-token";

const SLOT = '<div data-page-slot=""></div>';
const TITLE = /<title>[\s\S]*?<\/title>/;
// Next's runtime and its page data: the pages made in the front are plain HTML, and the layout's
// data would not match them if React hydrated them.
const SCRIPTS = /<script\b[^>]*>[\s\S]*?<\/script>|<link\b[^>]*\bas="script"[^>]*>|<link\b[^>]*\brel="modulepreload"[^>]*>/gi;

export type ReaderShell = {
  /**
   * A whole page: the layout with this title, this content in its slot, and the page's <head> tags:
   * `headFirst` straight after the title, before the layout's own (the site's feeds), `head` last.
   */
  render: (page: { title: string; headFirst?: string; head: string; main: string }) => string;
};

/** A page Next rendered, as plain HTML: the pages the front keeps need no script, and run none. */
export const withoutScripts = (html: string) => html.replace(SCRIPTS, "");

/** The layout page as Next rendered it, cut where each page's parts go. */
export function parseReaderShell(layoutHtml: string): ReaderShell {
  const page = withoutScripts(layoutHtml);
  const title = TITLE.exec(page);
  const headEnd = page.indexOf("</head>");
  const slotAt = page.indexOf(SLOT);
  if (!title || headEnd === -1 || slotAt === -1 || !(title.index < headEnd && headEnd < slotAt)) {
    throw new Error("the reader shell has no <title>, </head> or slot, or not in that order");
  }
  const beforeTitle = page.slice(0, title.index);
  const restOfHead = page.slice(title.index + title[0].length, headEnd);
  const beforeSlot = page.slice(headEnd, slotAt);
  const afterSlot = page.slice(slotAt + SLOT.length);
  return {
    render: ({ title, headFirst = "", head, main }) =>
      `${beforeTitle}<title>${escapeHtml(title)}</title>${headFirst}${restOfHead}${head}${beforeSlot}${main}${afterSlot}`,
  };
}
