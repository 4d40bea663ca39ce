import { escapeHtml } from "@/lib/escape-html";
import { MAX_MARKUP_DEPTH, nestsTooDeep } from "@/lib/html/markup-depth";
import { blocksHtml } from "@/lib/wire/paragraphs-html";
import { readHtmlBody } from "@/lib/wire/parse-ninjs-item";
import type { Dateline } from "@/lib/wire/read-dateline";
import { readTextBody } from "@/lib/wire/read-text-body";
import { WireError } from "@/lib/wire/wire-error";
import { attribute, childNamed, childrenNamed, type XmlElement, type XmlNode } from "@/lib/wire/newsml-xml";

export type NewsmlBody = {
  bodyHtml: string;
  paragraphs: string[];
  dateline: Dateline | null;
  /** What a plain-text body carries at its head or end (an embargo line, a byline, credits). */
  embargoUntil: string | null;
  headline: string | null;
  byline: string | null;
  credits: string | null;
  /** The `wordcount` the content element states. */
  wordCount: number | null;
  problems: string[];
};

const VOID = new Set(["area", "br", "col", "hr", "img", "wbr"]);
const WHOLE_NUMBER = /^\d{1,9}$/;
const HTML_TYPE = /html/i;

/** XHTML nodes as HTML text, for the sanitiser: the parser has decoded the entities, so text is escaped again. */
function toHtml(nodes: XmlNode[]): string {
  let html = "";
  for (const node of nodes) {
    if (typeof node === "string") {
      html += escapeHtml(node);
      continue;
    }
    const name = node.name.toLowerCase();
    let attributes = "";
    for (const [key, value] of Object.entries(node.attributes)) attributes += ` ${key}="${escapeHtml(value)}"`;
    html += VOID.has(name) ? `<${name}${attributes}>` : `<${name}${attributes}>${toHtml(node.children)}</${name}>`;
  }
  return html;
}

/** The story inside an inlineXML: an XHTML body, a NITF body's content, or whatever markup it holds. */
function xmlStory(inline: XmlElement): XmlNode[] {
  const html = childNamed(inline, "html");
  if (html) return childNamed(html, "body")?.children ?? [];
  const nitf = childNamed(inline, "nitf");
  if (nitf) return childNamed(childNamed(nitf, "body"), "body.content")?.children ?? [];
  return inline.children;
}

const textOfNodes = (nodes: XmlNode[]) => nodes.filter((node): node is string => typeof node === "string").join("");

function wordCount(content: XmlElement, problems: string[]): number | null {
  const given = attribute(content, "wordcount");
  if (given === null) return null;
  if (WHOLE_NUMBER.test(given)) return Number(given);
  problems.push(`wordcount "${given}" is not a whole number: left out`);
  return null;
}

function empty(problems: string[]): NewsmlBody {
  return { bodyHtml: "", paragraphs: [], dateline: null, embargoUntil: null, headline: null, byline: null, credits: null, wordCount: null, problems };
}

/**
 * The body of a newsItem's contentSet, read the way NINJS bodies are: XHTML (inlineXML) as
 * body_html, plain text (inlineData) as body_text. Of several renditions, XHTML is preferred.
 */
export function readNewsmlBody(contentSet: XmlElement | undefined, receivedAt: Date): NewsmlBody {
  const problems: string[] = [];
  const inlineXml = childrenNamed(contentSet, "inlineXML");
  const inlineData = childrenNamed(contentSet, "inlineData");
  const xml = inlineXml.find((inline) => childNamed(inline, "html") || childNamed(inline, "nitf")) ?? inlineXml[0];
  if (xml) {
    const { bodyHtml, paragraphs, dateline } = readHtmlBody(toHtml(xmlStory(xml)), receivedAt);
    if (!paragraphs.length) problems.push("the inlineXML body holds no text");
    return { ...empty(problems), bodyHtml, paragraphs, dateline, wordCount: wordCount(xml, problems) };
  }
  const data = inlineData[0];
  if (data) {
    const text = textOfNodes(data.children);
    const count = wordCount(data, problems);
    if (HTML_TYPE.test(attribute(data, "contenttype") ?? "")) {
      if (nestsTooDeep(text)) throw new WireError(`the inlineData HTML nests its markup more than ${MAX_MARKUP_DEPTH} levels deep`);
      const { bodyHtml, paragraphs, dateline } = readHtmlBody(text, receivedAt);
      return { ...empty(problems), bodyHtml, paragraphs, dateline, wordCount: count };
    }
    const body = readTextBody(text, receivedAt);
    if (!body.paragraphs.length) problems.push("the inlineData body holds no text");
    return { ...body, bodyHtml: blocksHtml(body.blocks), wordCount: count, problems };
  }
  problems.push(childNamed(contentSet, "remoteContent") ? "the body is not inline (remoteContent only): no paragraphs" : "the item has no body (no inlineXML or inlineData)");
  return empty(problems);
}
