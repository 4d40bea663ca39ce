import { placeNameCase } from "@/lib/wire/place-name-case";
import { readDateline, type Dateline } from "@/lib/wire/read-dateline";

const BYLINE = /^By\s+(\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’-]*|and|&|de|da|van|von|der|al|bin|el))*)(\s*,\s*[\p{L}\p{M} .'’&-]{2,60})?$/u;
const MAX_BYLINE = 100;
const BY = /^By\s+/;
// Where the place of a dateline glued to a byline ends: its comma, its "[Country]" or its "(Agency)".
const PLACE_END = /[,[(]/;
const SPACES = /\s+/;
const CAPITALS = /^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$/u;
// Particles inside a place ("Rio de Janeiro", "Frankfurt am Main"); "in" is left out, being the
// preposition of "By Ananya Sen in New Delhi".
const PARTICLE = /^(?:de|da|do|dos|das|del|della|di|du|des|la|le|les|los|las|el|al|of|upon|am|an|im|au|aux|sur|en|y|e|van|von|der|den|op|ter)$/;
const PREPOSITION = /^(?:in|from)$/;
// Words that open a place of two or more words far more often than they end a person's name.
const PLACE_OPENERS = new Set([
  "new", "navi", "greater", "san", "santa", "santo", "são", "sao", "los", "las", "saint", "st.", "st", "ste.", "port", "fort", "puerto", "porto",
  "kuala", "abu", "hong", "buenos", "rio", "tel", "phnom", "addis", "dar", "cape", "sri", "bandar", "le", "la", "el", "al", "ras", "baton",
  "des", "salt", "palm", "grand", "north", "south", "east", "west", "upper", "lower", "mexico", "kansas", "panama", "guatemala", "quezon",
]);

/** The name of a "By …" line at the head of the copy ("By PRIYA NAIR" → "Priya Nair"), or null for any other line. */
export function readByline(line: string): string | null {
  if (line.length > MAX_BYLINE) return null;
  const match = BYLINE.exec(line);
  return match ? placeNameCase(match[1]) + (match[2] ?? "") : null;
}

/**
 * Where the place begins among the words before a dateline's comma: the last word, and before it
 * the words that belong to it ("New Delhi", "Rio de Janeiro", "Mexico City", "Tom Hale NEW YORK").
 */
function placeStart(words: string[]): number {
  const last = words.length - 1;
  const capitals = CAPITALS.test(words[last]) && !CAPITALS.test(words[0]);
  let start = last;
  while (start > 1) {
    const before = words[start - 1];
    const lower = before.toLowerCase();
    if (PARTICLE.test(before) && start > 2) start -= 2;
    else if (PLACE_OPENERS.has(lower) || (capitals && CAPITALS.test(before)) || (start === last && words[last].toLowerCase() === "city")) start -= 1;
    else break;
  }
  return start;
}

/**
 * A byline glued to the dateline on one line, taken apart: "By Shirish B Pradhan Kathmandu, Oct 17
 * (PTI) India …" → "Shirish B Pradhan" and the Kathmandu dateline. The split must leave a name
 * before the place and a dateline signed by a known agency after it; otherwise null.
 */
export function readGluedByline(paragraph: string, receivedAt: Date): { byline: string; dateline: Dateline } | null {
  const by = BY.exec(paragraph);
  if (!by) return null;
  const after = paragraph.slice(by[0].length);
  const end = after.search(PLACE_END);
  if (end <= 0 || end > MAX_BYLINE) return null;
  const words = after.slice(0, end).trim().split(SPACES);
  if (words.length < 2) return null;
  const start = placeStart(words);
  const name = PREPOSITION.test(words[start - 1]) ? words.slice(0, start - 1) : words.slice(0, start);
  const byline = readByline(`By ${name.join(" ")}`);
  if (!byline) return null;
  const dateline = readDateline(`${words.slice(start).join(" ")}${after.slice(end)}`, receivedAt, { strict: true });
  return dateline ? { byline, dateline } : null;
}
