import sanitizeHtml from "sanitize-html";
import { FIGURE_TAGS } from "@/lib/stories/body-picture-ids";

/** The only markup a story body may hold (see CONTRACT.md), and a picture of the media library by reference. */
export const allowedBodyTags = ["p", "h2", "h3", "blockquote", "ul", "ol", "li", "a", "strong", "em", "pre", "figure"] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An inline picture is `<figure data-media="{id}"></figure>`: a reference to the media library,
 * drawn with its renditions, caption and credit when the page is made. A figure naming no picture
 * (pasted from another site, with its `<img src>`) keeps only its text, as a paragraph.
 */
const figure: sanitizeHtml.Transformer = (_tagName, attribs): sanitizeHtml.Tag => {
  const id = attribs["data-media"] ?? "";
  return UUID.test(id) ? { tagName: "figure", attribs: { "data-media": id.toLowerCase() } } : { tagName: "p", attribs: {} };
};


/**
 * What a kept figure held goes (its caption and credit are the picture's own), a figure inside
 * another with it. Run on the sanitiser's output, whose only figure tags are the two forms above.
 */
function emptyFigures(html: string): string {
  let out = "";
  let depth = 0;
  let last = 0;
  for (const match of html.matchAll(FIGURE_TAGS)) {
    const closing = match[0] === "</figure>";
    if (!closing && depth === 0) out += html.slice(last, match.index) + match[0];
    if (closing && depth === 1) out += "</figure>";
    depth = closing ? Math.max(0, depth - 1) : depth + 1;
    last = match.index + match[0].length;
  }
  return out + html.slice(last);
}

const options: sanitizeHtml.IOptions = {
  allowedTags: [...allowedBodyTags],
  allowedAttributes: { a: ["href"], figure: ["data-media"] },
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
    figure,
  },
  // (An empty quote goes afterwards, EMPTY_QUOTE: one holding only a picture has no text either.)
  exclusiveFilter: (frame) => frame.tag !== "a" && frame.tag !== "li" && !frame.text.trim() && frame.mediaChildren.length === 0 && ["p", "h2", "h3", "strong", "em"].includes(frame.tag),
};

// A quote with nothing in it, once empty paragraphs have gone.
const EMPTY_QUOTE = /<blockquote>\s*<\/blockquote>/g;

/** Hostile or sloppy HTML in, inert HTML limited to the allowed tags out. */
export function sanitizeBody(html: string): string {
  let out = emptyFigures(sanitizeHtml(html, options));
  // Inside out: a quote around an empty quote is empty too.
  for (let before = ""; before !== out; ) {
    before = out;
    out = out.replace(EMPTY_QUOTE, "");
  }
  return out.trim();
}

export { bodyPictureIds } from "@/lib/stories/body-picture-ids";

/** The visible text of a body, for excerpts, search and length checks. */
export function bodyText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|h2|h3|li|blockquote|pre)>/gi, "$& "), { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " })[name] ?? "")
    .replace(/\s+/g, " ")
    .trim();
}
