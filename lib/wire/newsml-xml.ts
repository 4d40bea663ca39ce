import { XMLParser, XMLValidator, type EntityDecoderOptions } from "fast-xml-parser";
import { WireError } from "@/lib/wire/wire-error";
import { cleanText } from "@/lib/text-input";

/** An element of the document, its namespace prefix taken off its name and its attributes' names. */
export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlNode[] };
export type XmlNode = XmlElement | string;

// How deep elements may nest: a body is about eight levels down (newsMessage, itemSet, newsItem,
// contentSet, inlineXML, html, body, p), and no real markup nests anywhere near 100 (see
// lib/html/markup-depth.ts); deeper input is refused before anything walks the tree.
const MAX_DEPTH = 100;
const WHITESPACE = /\s+/g;
// The validator reports a document that ends with several elements open as line 1, listing them.
const STILL_OPEN = /^Invalid '(\[.*\])' found\.$/;
// The five entities XML defines and character references: nothing else is ever expanded.
const REFERENCE = /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z_][\w.-]{0,40}));/g;
const BUILT_IN = new Map([["amp", "&"], ["lt", "<"], ["gt", ">"], ["quot", '"'], ["apos", "'"]]);

/**
 * The character a reference names, cleaned as all text that comes in (lib/text-input.ts): the
 * input was cleaned before parsing, and "&#1;" must not bring back what that took out.
 */
function codePoint(hex: string | undefined, decimal: string | undefined): string {
  const value = hex !== undefined ? Number.parseInt(hex, 16) : Number(decimal);
  return value > 0 && value <= 0x10ffff ? cleanText(String.fromCodePoint(value), { multiline: true }) : "";
}

/**
 * The decoder fast-xml-parser calls for every text and attribute value. Its own expands numeric
 * references only with HTML entities switched on, and takes a DOCTYPE's entity declarations:
 * this one knows XML's own and nothing more, and refuses a document that declares any (the
 * billion-laughs and external-entity attacks start there; NewsML-G2 never needs a DTD).
 */
class BuiltInEntities implements EntityDecoderOptions {
  undefinedNames = new Set<string>();

  setExternalEntities() {}
  setXmlVersion() {}
  reset() {
    this.undefinedNames.clear();
  }
  addInputEntities(entities: Record<string, string>) {
    if (Object.keys(entities).length) throw new WireError("the item declares entities of its own in a DOCTYPE, which are not expanded: NewsML-G2 needs none");
  }
  decode(text: string): string {
    if (!text.includes("&")) return text;
    return text.replace(REFERENCE, (reference, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
      if (name === undefined) return codePoint(hex, decimal);
      const character = BUILT_IN.get(name);
      if (character === undefined) this.undefinedNames.add(name);
      return character ?? reference;
    });
  }
}

const entities = new BuiltInEntities();
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
  entityDecoder: entities,
  maxNestedTags: MAX_DEPTH,
  // Callbacks would get a path object rather than a string; none is used, and it parses faster.
  jPath: false,
});

type Ordered = Record<string, unknown>;

/** fast-xml-parser's ordered output ({ name: children, ":@": attributes } and { "#text": … }) as XmlNodes. */
function toNodes(ordered: Ordered[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const entry of ordered) {
    if ("#text" in entry) {
      nodes.push(String(entry["#text"]));
      continue;
    }
    const name = Object.keys(entry).find((key) => key !== ":@");
    if (!name) continue;
    const attributes = (entry[":@"] as Record<string, string> | undefined) ?? {};
    nodes.push({ name, attributes, children: toNodes(entry[name] as Ordered[]) });
  }
  return nodes;
}

/** Where and why the validator found the document is not XML, in one line. */
function invalidity(text: string, error: { msg: string; line: number }): string {
  const open = STILL_OPEN.exec(error.msg.replace(WHITESPACE, " "));
  if (!open) return `line ${error.line}: ${error.msg.replace(WHITESPACE, " ")}`;
  const names = (JSON.parse(open[1]) as string[]).map((name) => `<${name}>`).join(", ");
  return `line ${text.split("\n").length}: the document ends with ${names} not closed`;
}

/**
 * The document's root element, or a WireError naming the line where it stops being XML.
 * `problems` lists what was read but not as sent (an entity XML does not define, kept as written).
 */
export function readXml(text: string): { root: XmlElement; problems: string[] } {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new WireError(`the item is not valid XML: ${invalidity(text, valid.err)}`);
  let ordered: Ordered[];
  try {
    ordered = parser.parse(text) as Ordered[];
  } catch (error) {
    if (error instanceof WireError) throw error;
    const message = (error as Error).message;
    if (message.startsWith("Maximum nested tags")) throw new WireError(`the item nests its elements more than ${MAX_DEPTH} levels deep`);
    throw new WireError(`the item is not valid XML: ${message.replace(WHITESPACE, " ")}`);
  }
  const root = toNodes(ordered).find((node): node is XmlElement => typeof node !== "string");
  if (!root) throw new WireError("the item is not valid XML: it has no root element");
  const problems = [...entities.undefinedNames].map((name) => `the entity &${name}; is not defined in XML: kept as written`);
  return { root, problems };
}

/** The element's children of that name. */
export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  if (!element) return [];
  return element.children.filter((child): child is XmlElement => typeof child !== "string" && child.name === name);
}

/** The element's first child of that name. */
export function childNamed(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((child): child is XmlElement => typeof child !== "string" && child.name === name);
}

/** All the text inside the element, its white space collapsed; null when there is none. */
export function textOf(element: XmlElement | undefined): string | null {
  if (!element) return null;
  const parts: string[] = [];
  const collect = (node: XmlNode) => (typeof node === "string" ? parts.push(node) : node.children.forEach(collect));
  collect(element);
  return parts.join("").replace(WHITESPACE, " ").trim() || null;
}

/** An attribute's value, trimmed; null when absent or blank. */
export function attribute(element: XmlElement | undefined, name: string): string | null {
  return element?.attributes[name]?.trim() || null;
}
