import type { TagType } from "@/lib/stories/schemas";
import type { WireTag } from "@/lib/wire/types";

export type TagVocabularyEntry = { name: string; type: TagType; aliases: string[] };
export type VocabularyMatch = { tag: WireTag; index: number };

/** One spelling of an entry (its name or an alias) as words and what separates them. */
type Form = { words: string[]; gaps: string[]; entry: number };
/** The spellings that start with one word: the one-word spelling, and longer ones by their second word. */
type Branch = { single: Form | undefined; longer: Map<string, Form[]> };

const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}]$/u;
// Whether each UTF-16 unit belongs to a word (1) or not (2), learnt as met: a regex per word
// allocated too much to scan long texts fast. Surrogates count as word units, so astral letters join.
const wordUnits = new Uint8Array(65_536);
function isWordUnit(code: number): boolean {
  let known = wordUnits[code];
  if (known === 0) {
    known = (code >= 0xd800 && code <= 0xdfff) || WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
    wordUnits[code] = known;
  }
  return known === 1;
}
const SPACES = /\s+/g;
const CURLY_APOSTROPHE = /’/g;

function normaliseGap(gap: string): string {
  return gap === " " ? gap : gap.replace(SPACES, " ").replace(CURLY_APOSTROPHE, "'");
}

/** Words of a text (runs of letters, marks and digits) with where each starts and ends; between them are the gaps. */
function tokenise(text: string): { words: string[]; starts: number[]; ends: number[] } {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let start = -1;
  for (let at = 0; at <= text.length; at++) {
    const inWord = at < text.length && isWordUnit(text.charCodeAt(at));
    if (inWord && start < 0) start = at;
    else if (!inWord && start >= 0) {
      words.push(text.slice(start, at));
      starts.push(start);
      ends.push(at);
      start = -1;
    }
  }
  return { words, starts, ends };
}

function isSuffix(short: string[], long: string[]): boolean {
  if (short.length >= long.length) return false;
  const offset = long.length - short.length;
  return short.every((word, index) => word === long[offset + index]);
}

/**
 * The newsroom's tags with their aliases, compiled once and matched against many items. Forms are
 * indexed by their first word, so a text is scanned once, word by word, whatever the size of the
 * vocabulary. Names match whole words and case-sensitively ("Gaza", not "gaza"); topics ignore
 * case ("Energy" finds the topic "energy").
 */
export class TagVocabulary {
  private readonly entries: { tag: WireTag; forms: string[][] }[] = [];
  private readonly byFirstWord = new Map<string, Branch>();
  private readonly byFoldedFirstWord = new Map<string, Branch>();
  private readonly byFoldedForm = new Map<string, number>();

  constructor(entries: readonly TagVocabularyEntry[]) {
    for (const entry of entries) {
      const name = entry.name.trim();
      if (!name) continue;
      const index = this.entries.length;
      const forms: string[][] = [];
      const folded = entry.type === "topic";
      for (const spelling of [name, ...(entry.aliases ?? [])]) {
        const source = folded ? spelling.toLowerCase() : spelling;
        const tokens = tokenise(source);
        if (tokens.words.length === 0) continue;
        const gaps = tokens.words.slice(1).map((_, at) => normaliseGap(source.slice(tokens.ends[at], tokens.starts[at + 1])));
        addForm(folded ? this.byFoldedFirstWord : this.byFirstWord, { words: tokens.words, gaps, entry: index });
        forms.push(tokens.words);
        const key = spelling.trim().toLowerCase();
        if (!this.byFoldedForm.has(key)) this.byFoldedForm.set(key, index);
      }
      this.entries.push({ tag: { name, type: entry.type }, forms });
    }
    // Longest first, so "Reserve Bank of India" wins over "Reserve Bank" at the same word.
    for (const map of [this.byFirstWord, this.byFoldedFirstWord]) {
      for (const branch of map.values()) for (const bucket of branch.longer.values()) bucket.sort((a, b) => b.words.length - a.words.length);
    }
  }

  /** The entry a spelling names ("Jaishankar" → S Jaishankar, person), ignoring case; null if none. */
  lookup(name: string): WireTag | null {
    const index = this.byFoldedForm.get(name.trim().toLowerCase());
    return index === undefined ? null : this.entries[index].tag;
  }

  /** Tags the text mentions, in order of first mention. */
  match(text: string): WireTag[] {
    return this.find(text).map((found) => found.tag);
  }

  /** Tags the text mentions with where each is first mentioned; a name that is the tail of a longer one of the same type is folded into it. */
  find(text: string): VocabularyMatch[] {
    const { words, starts, ends } = tokenise(text);
    const lower = this.byFoldedFirstWord.size > 0 ? words.map((word) => word.toLowerCase()) : null;
    // The longest spelling starting at word `at`, its later words and the gaps between them as in the text.
    const longest = (branch: Branch | undefined, tokens: string[], at: number): Form | undefined => {
      if (!branch) return undefined;
      const candidates = at + 1 < tokens.length ? branch.longer.get(tokens[at + 1]) : undefined;
      for (const form of candidates ?? []) {
        if (at + form.words.length > tokens.length) continue;
        let same = true;
        for (let offset = 1; same && offset < form.words.length; offset++) {
          same = tokens[at + offset] === form.words[offset] && normaliseGap(text.slice(ends[at + offset - 1], starts[at + offset])) === form.gaps[offset - 1];
        }
        if (same) return form;
      }
      return branch.single;
    };

    const first = new Map<number, number>();
    for (let at = 0; at < words.length; ) {
      let best = longest(this.byFirstWord.get(words[at]), words, at);
      if (lower) {
        const folded = longest(this.byFoldedFirstWord.get(lower[at]), lower, at);
        if (folded && (!best || folded.words.length > best.words.length)) best = folded;
      }
      if (!best) {
        at++;
        continue;
      }
      if (!first.has(best.entry)) first.set(best.entry, starts[at]);
      at += best.words.length;
    }

    const found = [...first].map(([entry, index]) => ({ entry, index }));
    const kept = found.filter((short) => {
      const shortEntry = this.entries[short.entry];
      const longer = found.find((long) => {
        const longEntry = this.entries[long.entry];
        return long !== short && longEntry.tag.type === shortEntry.tag.type && shortEntry.forms.some((form) => isSuffix(form, longEntry.forms[0]));
      });
      if (longer) longer.index = Math.min(longer.index, short.index);
      return !longer;
    });
    return kept.sort((a, b) => a.index - b.index).map(({ entry, index }) => ({ tag: this.entries[entry].tag, index }));
  }
}

function addForm(map: Map<string, Branch>, form: Form) {
  let branch = map.get(form.words[0]);
  if (!branch) {
    branch = { single: undefined, longer: new Map() };
    map.set(form.words[0], branch);
  }
  if (form.words.length === 1) {
    branch.single ??= form;
    return;
  }
  const bucket = branch.longer.get(form.words[1]);
  if (bucket) bucket.push(form);
  else branch.longer.set(form.words[1], [form]);
}
