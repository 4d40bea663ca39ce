import type { ParsedWireItem } from "@/lib/wire/types";
import { readNewsItem } from "@/lib/wire/newsml-news-item";
import { attribute, childNamed, childrenNamed, readXml, type XmlElement } from "@/lib/wire/newsml-xml";
import { WireError } from "@/lib/wire/wire-error";
import { MAX_WIRE_PICTURES, newsmlPicture } from "@/lib/wire/wire-pictures";

const XML_DECLARATION = /^\s*<\?xml[\s?]/;
// The first element's name, without its namespace prefix ("<n:newsItem" → "newsItem").
const FIRST_ELEMENT = /^\s*<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]/;
const G2_ITEMS = new Set(["newsItem", "packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem"]);
const NO_COPY_ITEMS = new Set(["conceptItem", "knowledgeItem", "planningItem", "catalogItem"]);
const TEXT_CLASS = "text";
const PICTURE_CLASS = "picture";

/**
 * Whether the input is an XML document for this reader: one that opens with an XML declaration,
 * or whose root is a NewsML-G2 message or item. Copy that merely starts with markup ("<p>CAIRO,
 * March 4 (Reuters) - …", a "<SOH>" written out) stays with the plain-text reader, which strips it.
 */
export function isNewsmlInput(text: string): boolean {
  if (XML_DECLARATION.test(text)) return true;
  const name = FIRST_ELEMENT.exec(text)?.[1];
  return name !== undefined && (name === "newsMessage" || G2_ITEMS.has(name));
}

/** The qcode's code, lower-cased ("ninat:picture" → "picture"); an item that names no class is taken for text. */
function itemClass(item: XmlElement): string {
  const qcode = attribute(childNamed(childNamed(item, "itemMeta"), "itemClass"), "qcode");
  return qcode ? qcode.slice(qcode.indexOf(":") + 1).toLowerCase() : TEXT_CLASS;
}

/** The guids a packageItem groups (groupSet/group/itemRef residref), in order, each once. */
function packageMembers(pack: XmlElement): string[] {
  const members = new Set<string>();
  for (const group of childrenNamed(childNamed(pack, "groupSet"), "group")) {
    for (const ref of childrenNamed(group, "itemRef")) {
      const residref = attribute(ref, "residref");
      if (residref) members.add(residref);
    }
  }
  return [...members];
}

/**
 * Each story's pictures: the picture items a package in the delivery groups with it, or, in a
 * message of one story, every picture the message holds (agencies send a story and its photos
 * together, not always with a package to say so).
 */
function withPictures(stories: ParsedWireItem[], pictureItems: XmlElement[], packages: string[][]): ParsedWireItem[] {
  const pictures = pictureItems.flatMap((item) => {
    const picture = newsmlPicture(item);
    return picture ? [{ guid: attribute(item, "guid"), picture }] : [];
  });
  if (!pictures.length) return stories;
  // Which packages group each guid, once: a message of many items and big packages stays linear.
  const packagesOf = new Map<string, Set<number>>();
  packages.forEach((members, index) => {
    for (const member of members) {
      if (!packagesOf.has(member)) packagesOf.set(member, new Set());
      packagesOf.get(member)!.add(index);
    }
  });
  const together = (a: string, b: string) => [...(packagesOf.get(a) ?? [])].some((index) => packagesOf.get(b)?.has(index));
  return stories.map((story) => {
    const guid = story.parse.guid;
    const grouped = guid && packagesOf.has(guid) ? pictures.filter(({ guid: pictureGuid }) => pictureGuid && together(guid, pictureGuid)) : [];
    const own = grouped.length || stories.length > 1 ? grouped : pictures;
    return own.length ? { ...story, pictures: own.map(({ picture }) => picture).slice(0, MAX_WIRE_PICTURES) } : story;
  });
}

/** Each story's `related`: the other members of every package in the delivery that groups it. */
function relate(stories: ParsedWireItem[], packages: string[][]): ParsedWireItem[] {
  return stories.map((story) => {
    const guid = story.parse.guid;
    if (!guid) return story;
    const related = new Set<string>();
    for (const members of packages) if (members.includes(guid)) for (const member of members) if (member !== guid) related.add(member);
    return related.size ? { ...story, related: [...related] } : story;
  });
}

function describeItems(items: XmlElement[]): string {
  if (!items.length) return "no items";
  const counts = new Map<string, number>();
  for (const item of items) {
    const kind = item.name === "newsItem" ? `${itemClass(item)} newsItem` : item.name;
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].map(([kind, count]) => `${count} ${kind}${count === 1 ? "" : "s"}`).join(", ");
}

/**
 * A NewsML-G2 document's stories: a lone newsItem, or each text newsItem of a newsMessage, with
 * the items a packageItem in the same message groups as `related`. Pictures, video and packages
 * carry no copy of their own: skipped in a message, refused alone. Throws WireError for invalid
 * XML (naming the line), XML that is not NewsML-G2, and a document with no story.
 */
export function parseNewsmlItems(text: string, receivedAt: Date): ParsedWireItem[] {
  const { root, problems } = readXml(text);
  const message = root.name === "newsMessage";
  if (!message && !G2_ITEMS.has(root.name)) throw new WireError(`the item is XML but not NewsML-G2: its root is <${root.name}>`);
  if (NO_COPY_ITEMS.has(root.name)) throw new WireError(`the item is a NewsML-G2 ${root.name}, which carries no copy`);
  const items = message ? childrenNamed(root, "itemSet").flatMap((set) => set.children.filter((child): child is XmlElement => typeof child !== "string" && G2_ITEMS.has(child.name))) : [root];

  const packages = items.filter((item) => item.name === "packageItem");
  const texts = items.filter((item) => item.name === "newsItem" && itemClass(item) === TEXT_CLASS);
  if (!texts.length) {
    if (message) throw new WireError(`the newsMessage holds no text newsItem (${describeItems(items)})`);
    if (root.name === "packageItem") throw new WireError(`the item is a packageItem: it carries no copy, only references to ${packageMembers(root).length} items`);
    throw new WireError(`the item is a ${itemClass(root)} newsItem (itemClass ${attribute(childNamed(childNamed(root, "itemMeta"), "itemClass"), "qcode")}), not a story`);
  }
  const stories = texts.map((item) => {
    const story = readNewsItem(item, receivedAt);
    if (problems.length) story.parse.problems.push(...problems);
    return story;
  });
  const groups = packages.map(packageMembers);
  const pictures = items.filter((item) => item.name === "newsItem" && itemClass(item) === PICTURE_CLASS);
  return withPictures(relate(stories, groups), pictures, groups);
}
