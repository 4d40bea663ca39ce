import sanitizeHtml from "sanitize-html";
import { MAX_MARKUP_DEPTH, nestsTooDeep } from "@/lib/html/markup-depth";
import { WireError } from "@/lib/wire/wire-error";

// Tags or entities in what should be plain text. Most agency text has neither, and skips the parser.
const MARKUP = /<[a-zA-Z!/?]|&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/;
// Where one block of markup ends and the next begins, a paragraph ends.
const BLOCK_TAG = /<\/?(?:p|div|br|hr|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|pre|table|thead|tbody|tr|td|th|section|article|header|footer|aside|main|nav|figure|figcaption|address)\b[^>]*>/gi;
const ESCAPED = /&(amp|lt|gt|quot);/g;
const UNESCAPED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"' };

const textOnly: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  // Code and styling are not copy: they go with their content. Other tags leave their text.
  nonTextTags: ["script", "style", "noscript", "template", "iframe", "object", "svg", "math", "head", "title", "textarea", "option"],
};

/**
 * Markup inside plain agency text stripped to its text: "<b>Hi</b>" → "Hi", block boundaries
 * become line breaks (so paragraphs), scripts and styles vanish, entities are decoded.
 */
export function markupToText(text: string): string {
  if (!(text.includes("<") || text.includes("&")) || !MARKUP.test(text)) return text;
  if (nestsTooDeep(text)) throw new WireError(`the copy nests markup more than ${MAX_MARKUP_DEPTH} levels deep`);
  // sanitize-html decodes every entity while parsing and re-escapes only & < > in text.
  return sanitizeHtml(text.replace(BLOCK_TAG, "\n"), textOnly).replace(ESCAPED, (_, name: string) => UNESCAPED[name]);
}
