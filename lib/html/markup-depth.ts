// How deeply a piece of HTML nests its elements, estimated in one pass without building a tree.
// The sanitiser (sanitize-html) takes time that grows with the square of the nesting depth: a
// 760 KB body of unclosed <em> kept Next busy for 27 s. No real copy nests anywhere near this
// deep (a list in a quote in a list is five); deeper input is refused before it is parsed.
export const MAX_MARKUP_DEPTH = 100;

// A start or end tag; attributes stop at the next "<" so that a run of "<a<a<a…" is one step each.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?>/g;
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
// Elements a new one of the same kind closes (HTML's implied end tags): `<p>a<p>b` is two paragraphs side by side.
const CLOSED_BY_SIBLING = new Set(["p", "li", "dt", "dd", "tr", "td", "th", "option"]);

/** Whether `html` nests elements deeper than `limit` (HTML's implied end tags taken into account). */
export function nestsTooDeep(html: string, limit = MAX_MARKUP_DEPTH): boolean {
  if (!html.includes("<")) return false;
  const open: string[] = [];
  for (const [tag, closing, rawName] of html.matchAll(TAG)) {
    const name = rawName.toLowerCase();
    if (VOID.has(name) || tag.endsWith("/>")) continue;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at !== -1) open.length = at;
      continue;
    }
    if (CLOSED_BY_SIBLING.has(name) && open[open.length - 1] === name) open.pop();
    open.push(name);
    if (open.length > limit) return true;
  }
  return false;
}
