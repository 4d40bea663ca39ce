import sanitizeHtml from "sanitize-html";

/** The only markup a story body may hold (see CONTRACT.md). */
export const allowedBodyTags = ["p", "h2", "h3", "blockquote", "ul", "ol", "li", "a", "strong", "em", "pre"] as const;

const options: sanitizeHtml.IOptions = {
  allowedTags: [...allowedBodyTags],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Script, style and similar elements go with their content; other unknown tags keep their text.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "iframe", "object", "svg", "math", "title", "head"],
  disallowedTagsMode: "discard",
  transformTags: {
    b: "strong",
    i: "em",
    h1: "h2",
    h4: "h3",
    h5: "h3",
    h6: "h3",
    div: "p",
  },
  exclusiveFilter: (frame) => frame.tag !== "a" && frame.tag !== "li" && !frame.text.trim() && frame.mediaChildren.length === 0 && ["p", "h2", "h3", "blockquote", "strong", "em"].includes(frame.tag),
};

/** Hostile or sloppy HTML in, inert HTML limited to the allowed tags out. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** The visible text of a body, for excerpts, search and length checks. */
export function bodyText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|h2|h3|li|blockquote|pre)>/gi, "$& "), { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " })[name] ?? "")
    .replace(/\s+/g, " ")
    .trim();
}
