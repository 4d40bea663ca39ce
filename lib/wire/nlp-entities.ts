import nlp from "compromise";
import type { TagType } from "@/lib/stories/schemas";
import { canonicalAgency } from "@/lib/wire/agencies";
import { cleanEntityText, isName, isTitleWord, withoutTitles } from "@/lib/wire/clean-entity-name";

export type NamedEntity = { name: string; type: TagType; index: number };

/** The part of compromise's `.json({ offset: true })` read here (compromise types it as any). */
type Match = { text: string; offset?: { start: number; length: number } };
type View = { json: (options: { offset: boolean }) => unknown };

// Compromise is linear but not fast (~10 ms per kB); a story's opening carries its names.
const MAX_TEXT = 50_000;
const ACRONYM = /^[A-Z]{3,6}$/;
// All-capital words compromise calls acronyms that name no organisation.
const notOrganisations = new Set([
  "CEO", "CFO", "CTO", "COO", "GDP", "GNP", "CPI", "WPI", "EMI", "GST", "VAT", "TDS", "IPO", "ETF", "ESG", "NAV", "ATM", "SUV",
  "USD", "EUR", "GBP", "INR", "JPY", "CNY", "RUB", "AUD", "CAD", "CHF", "BTC", "GMT", "UTC", "IST", "EST", "EDT", "PST", "PDT", "CET",
  "BST", "FAQ", "PDF", "URL", "HTML", "API", "ASAP", "TBA", "TBD", "VIP", "RSVP", "DIY", "LED", "LCD", "DNA", "RNA", "HIV", "ICU",
  "PPE", "NRI", "OTT", "SMS", "GPS", "CCTV", "COVID", "SARS", "MERS", "NEWS", "NEW", "THE", "AND", "FOR", "WITH", "ALSO", "READ",
  "MORE", "UPDATE", "URGENT", "FLASH", "BREAKING", "EXCLUSIVE", "VIDEO", "PHOTO", "PHOTOS", "WATCH", "LIVE", "ENDS",
]);
// An organisation's name that compromise cut short ("North-South International" of "North-South
// International Transport Corridor") runs on through the capitalised words after it.
const NAME_TAIL = /(?:[ ](?:(?:of|for|and|on|de)[ ])?\p{Lu}[\p{L}\p{M}-]*)+/uy;
const CAPITALISED = /^\p{Lu}/u;
const ENDS_IN_WORD = /[\p{L}\p{M}\p{N}]$/u;
const REGION_PREFIX = /\b(Central|North|South|East|West|Northern|Southern|Eastern|Western|Upper|Lower|Greater)\s$/;
const EDGE_PUNCTUATION = /[\s.,;:!?"”’)]+$/;
const SPACE = " ";
const HYPHEN = "-";

// What compromise makes of a word on its own ("Chennai": a place; "New": an adjective), kept across calls.
const wordTags = new Map<string, { place: boolean; noun: boolean }>();
function standalone(word: string): { place: boolean; noun: boolean } {
  let tags = wordTags.get(word);
  if (!tags) {
    if (wordTags.size > 10_000) wordTags.clear();
    const term = nlp(word);
    tags = { place: term.has("#Place"), noun: term.has("#Noun") };
    wordTags.set(word, tags);
  }
  return tags;
}

function matches(view: View): Match[] {
  return view.json({ offset: true }) as Match[];
}

/**
 * People, places and organisations compromise finds in a text, cleaned up: titles and
 * punctuation off; "India-Russia" split into India and Russia when both are places (named in the
 * text or known to compromise); glued places ("Chennai Vladivostok", "Russia India") split;
 * truncated organisation names completed; all-capital acronyms such as BRICS taken as
 * organisations. `knownPlaces` are lower-cased place names known from elsewhere (the item's own
 * tags, the vocabulary). Names come in text order per kind; the caller merges and orders them.
 */
export function findNamedEntities(fullText: string, knownPlaces: ReadonlySet<string> = new Set()): NamedEntity[] {
  const text = fullText.slice(0, MAX_TEXT);
  const doc = nlp(text);
  const found: NamedEntity[] = [];
  const add = (name: string, type: TagType, raw: string, start: number) => {
    if (!isName(name) || canonicalAgency(name)) return;
    const at = raw.indexOf(name);
    found.push({ name, type, index: start + Math.max(at, 0) });
  };

  const places = matches(doc.places());
  const known = new Set(knownPlaces);
  for (const match of places) for (const name of cleanEntityText(match.text)) if (!name.includes(HYPHEN)) known.add(name.toLowerCase());
  for (const match of places) {
    const start = match.offset?.start ?? 0;
    for (const name of cleanEntityText(match.text)) {
      const hyphened = name.split(HYPHEN);
      const spaced = name.split(SPACE);
      const isPlace = (word: string) => known.has(word.toLowerCase()) || standalone(word).place;
      if (hyphened.length > 1 && !name.includes(SPACE) && hyphened.every(isPlace)) {
        for (const part of hyphened) add(part, "place", match.text, start);
      } else if (spaced.length > 1 && spaced.every(isPlace)) {
        for (const word of spaced) add(word, "place", match.text, start);
      } else if (spaced.length === 1 && !standalone(name).noun) {
        // "New" of "New Year": tagged a place in context, but on its own not even a noun.
        continue;
      } else {
        // "Central Asia": compromise leaves the compass word behind.
        const before = REGION_PREFIX.exec(text.slice(Math.max(0, start - 12), start))?.[1];
        if (before && name === match.text.replace(EDGE_PUNCTUATION, "")) add(`${before} ${name}`, "place", `${before} ${match.text}`, start - before.length - 1);
        else add(name, "place", match.text, start);
      }
    }
  }

  for (const match of matches(doc.organizations())) {
    const start = match.offset?.start ?? 0;
    let raw = match.text;
    if (ENDS_IN_WORD.test(raw) && match.offset) {
      NAME_TAIL.lastIndex = start + match.offset.length;
      const tail = NAME_TAIL.exec(text)?.[0] ?? "";
      // The tail stops before a title or a day ("… Union Governor", "… Union Tuesday"): a new phrase.
      const words = tail.split(SPACE).slice(1);
      const cut = words.findIndex((word) => isTitleWord(word) || (CAPITALISED.test(word) && !isName(word)));
      const kept = cut === -1 ? words : words.slice(0, cut);
      while (kept.length > 0 && !CAPITALISED.test(kept[kept.length - 1])) kept.pop();
      raw += kept.map((word) => SPACE + word).join("");
    }
    for (const name of cleanEntityText(raw)) add(name, "organisation", raw, start);
  }

  for (const match of matches(doc.people())) {
    const start = match.offset?.start ?? 0;
    for (const name of cleanEntityText(match.text)) {
      const person = withoutTitles(name);
      if (!isTitleWord(person)) add(person, "person", match.text, start);
    }
  }

  // An acronym that opens a longer name found already ("BSE" of "BSE Sensex") is that name's.
  const inLongerNames = new Set(found.flatMap((entity) => (entity.name.includes(SPACE) ? entity.name.split(SPACE) : [])));
  for (const match of matches(doc.acronyms())) {
    const start = match.offset?.start ?? 0;
    for (const name of cleanEntityText(match.text)) {
      if (ACRONYM.test(name) && !notOrganisations.has(name) && !inLongerNames.has(name)) add(name, "organisation", match.text, start);
    }
  }
  return found;
}
