import { createHash } from "node:crypto";
import { escapeHtml } from "@/lib/escape-html";
import { markupToText } from "@/lib/wire/markup-to-text";
import { attribute, childNamed, childrenNamed, readXml, textOf, type XmlElement, type XmlNode } from "@/lib/wire/newsml-xml";
import { WireError } from "@/lib/wire/wire-error";
import { SourceError } from "@/lib/wire-sources/source-error";

// RSS 2.0 (and 1.0) and Atom entries become NINJS, the JSON the ingest already reads, so a feed
// entry is parsed, deduplicated and versioned like an item posted to the API. The XML is read by
// the wire parser's own reader (lib/wire/newsml-xml.ts: no DTD entities, bounded nesting), with
// namespace prefixes off, so `content:encoded` is `encoded` and `atom:link` is `link`.

export type FeedEntry = { key: string; ninjs: Record<string, unknown> };
export type FeedPage = { entries: FeedEntry[]; next: string | null };

const hash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 32);

function iso(value: string | null): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function plain(value: string | null): string | undefined {
  if (!value) return undefined;
  try {
    return markupToText(value).trim() || undefined;
  } catch (error) {
    if (error instanceof WireError) return value;
    throw error;
  }
}

/** Inline XHTML (Atom type="xhtml") written back as HTML. */
function html(nodes: XmlNode[]): string {
  return nodes
    .map((node) => {
      if (typeof node === "string") return escapeHtml(node);
      const attributes = Object.entries(node.attributes)
        .filter(([name]) => name !== "xmlns")
        .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
        .join("");
      return `<${node.name}${attributes}>${html(node.children)}</${node.name}>`;
    })
    .join("");
}

/** The raw text inside an element, white space kept (a body's markup needs its line breaks). */
function rawText(element: XmlElement | undefined): string | null {
  if (!element) return null;
  const text = element.children.map((node) => (typeof node === "string" ? node : html([node]))).join("");
  return text.trim() ? text : null;
}

/** An Atom text construct (title, content, summary) as HTML. */
function atomHtml(element: XmlElement | undefined): string | null {
  if (!element) return null;
  const type = attribute(element, "type") ?? "text";
  if (type === "xhtml") {
    const div = childNamed(element, "div");
    return html(div ? div.children : element.children).trim() || null;
  }
  const text = rawText(element);
  if (!text) return null;
  return type === "html" || type === "text/html" ? text : `<p>${escapeHtml(text.trim())}</p>`;
}

/** The RFC 5005 next page: `<link rel="next" href="…">` (atom:link in RSS). */
function nextLink(container: XmlElement): string | null {
  const link = childrenNamed(container, "link").find((element) => attribute(element, "rel") === "next");
  return attribute(link, "href");
}

function entry(fields: { id: string | null; link: string | null; updated: string | undefined; title: string | undefined; body: string | null; byline: string | undefined; categories: string[] }): FeedEntry {
  const uri = fields.id ?? fields.link ?? `urn:sha256:${hash([fields.title, fields.updated, fields.body].join("\n"))}`;
  const ninjs: Record<string, unknown> = { uri, type: "text" };
  if (fields.updated) ninjs.versioncreated = fields.updated;
  if (fields.title) ninjs.headline = fields.title;
  if (fields.body) ninjs.body_html = fields.body;
  if (fields.byline) ninjs.byline = fields.byline;
  if (fields.categories.length) ninjs.subject = fields.categories.map((name) => ({ name }));
  // An entry is new when its id is, or when it was updated since.
  return { key: `${uri}|${fields.updated ?? ""}`, ninjs };
}

function rssEntry(item: XmlElement): FeedEntry {
  const alternate = childrenNamed(item, "link").find((link) => !attribute(link, "rel") && !attribute(link, "href"));
  return entry({
    id: textOf(childNamed(item, "guid")) ?? attribute(item, "about"),
    link: textOf(alternate),
    updated: iso(textOf(childNamed(item, "pubDate")) ?? textOf(childNamed(item, "date"))),
    title: plain(textOf(childNamed(item, "title"))),
    body: rawText(childNamed(item, "encoded")) ?? rawText(childNamed(item, "description")),
    byline: plain(textOf(childNamed(item, "creator")) ?? textOf(childNamed(item, "author"))),
    categories: childrenNamed(item, "category").map(textOf).filter((name): name is string => Boolean(name)),
  });
}

function atomEntry(item: XmlElement): FeedEntry {
  const links = childrenNamed(item, "link");
  const alternate = links.find((link) => (attribute(link, "rel") ?? "alternate") === "alternate");
  return entry({
    id: textOf(childNamed(item, "id")),
    link: attribute(alternate, "href"),
    updated: iso(textOf(childNamed(item, "updated")) ?? textOf(childNamed(item, "published"))),
    title: plain(atomHtml(childNamed(item, "title"))),
    body: atomHtml(childNamed(item, "content")) ?? atomHtml(childNamed(item, "summary")),
    byline: childrenNamed(item, "author").map((author) => textOf(childNamed(author, "name"))).filter(Boolean).join(", ") || undefined,
    categories: childrenNamed(item, "category").map((category) => attribute(category, "label") ?? attribute(category, "term")).filter((name): name is string => Boolean(name)),
  });
}

/** The entries of an RSS or Atom document, in the feed's order, and its next page if it names one. */
export function readSyndicationFeed(text: string): FeedPage {
  let root: XmlElement;
  try {
    root = readXml(text).root;
  } catch (error) {
    if (error instanceof WireError) throw new SourceError(`The feed is not valid XML: ${error.message.replace(/^the item is not valid XML: /, "")}`);
    throw error;
  }
  if (root.name === "feed") return { entries: childrenNamed(root, "entry").map(atomEntry), next: nextLink(root) };
  const channel = root.name === "rss" ? childNamed(root, "channel") : root.name === "RDF" ? root : undefined;
  if (!channel) throw new SourceError(`The feed is XML but neither RSS nor Atom: its root element is <${root.name}>`);
  // RSS 1.0 keeps its items beside the channel, RSS 2.0 inside it.
  const items = root.name === "RDF" ? childrenNamed(root, "item") : childrenNamed(channel, "item");
  return { entries: items.map(rssEntry), next: nextLink(channel) };
}
