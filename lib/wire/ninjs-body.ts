import { sanitizeBody } from "@/lib/stories/sanitize-body";
import { readDateline, type Dateline } from "@/lib/wire/read-dateline";

const FIRST_PARAGRAPH = /<p>([\s\S]*?)<\/p>/;
const TAG_OR_TEXT = /<[^>]*>|[^<]+/g;
const BLOCK_BOUNDARY = /<\/?(?:p|h2|h3|blockquote|ul|ol|li)>/g;
const ANY_TAG = /<[^>]*>/g;
const ESCAPED = /&(amp|lt|gt|quot|#39|nbsp);/g;
const UNESCAPED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: "\u00a0" };
const BLANK = /^\s*$/;
// A dateline is short: only the opening of the first paragraph needs reading.
const DATELINE_REACH = 300;

/**
 * The sanitised body with its dateline taken off the first paragraph ("<p>BRUSSELS, March 3 -
 * European…" → "<p>European…"). The dateline is read on the paragraph's text, so one wrapped in
 * <strong> is found too; the markup it leaves unbalanced is repaired by sanitising again.
 */
export function takeDatelineOffHtml(html: string, receivedAt: Date): { html: string; dateline: Dateline | null } {
  const first = FIRST_PARAGRAPH.exec(html);
  if (!first) return { html, dateline: null };
  const inner = first[1];
  // The paragraph's text, and where each of its characters sits in the markup.
  let text = "";
  const at: number[] = [];
  let tagged = false;
  TAG_OR_TEXT.lastIndex = 0;
  for (let piece = TAG_OR_TEXT.exec(inner); piece && text.length < DATELINE_REACH; piece = TAG_OR_TEXT.exec(inner)) {
    if (piece[0].startsWith("<")) {
      tagged = true;
      continue;
    }
    for (let offset = 0; offset < piece[0].length; offset++) at.push(piece.index + offset);
    text += piece[0];
  }
  const dateline = readDateline(text, receivedAt);
  if (!dateline) return { html, dateline: null };
  const cutAt = dateline.end < at.length ? at[dateline.end] : at[at.length - 1] + 1;
  const rest = inner.slice(cutAt);
  const paragraph = BLANK.test(rest.replace(ANY_TAG, "")) ? "" : `<p>${rest}</p>`;
  const next = html.slice(0, first.index) + paragraph + html.slice(first.index + first[0].length);
  return { html: tagged ? sanitizeBody(next) : next, dateline };
}

/** The text of each block element of a sanitised body, one paragraph each. */
export function blockTexts(html: string): string[] {
  const texts: string[] = [];
  for (const block of html.replace(BLOCK_BOUNDARY, "\n").split("\n")) {
    const text = block.replace(ANY_TAG, "").replace(ESCAPED, (_, name: string) => UNESCAPED[name]).trim();
    if (text) texts.push(text);
  }
  return texts;
}
