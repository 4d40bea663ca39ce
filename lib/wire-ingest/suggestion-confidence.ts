import type { TagVocabularyEntry, WireTag } from "@/lib/wire";

/** A suggested tag as the editor is offered it: ticked only when the vocabulary vouches for it, and why. */
export type SuggestedTag = WireTag & { ticked: boolean; reason: string };

/** How suggestions are compared: by type and name, ignoring case ("India" the place is one suggestion). */
export const suggestionKey = (tag: WireTag) => `${tag.type}:${tag.name.toLocaleLowerCase("en")}`;

const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{M}\\p{N}])";
const NOT_WORD_AFTER = "(?![\\p{L}\\p{M}\\p{N}])";
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const straightQuotes = (text: string) => text.replace(/’/g, "'");

/** Whether the text names this spelling exactly: same case, whole words, any run of spaces between them. */
function names(text: string, spelling: string): boolean {
  const words = straightQuotes(spelling.trim()).split(/\s+/).filter(Boolean).map(escapeRegExp);
  if (words.length === 0) return false;
  return new RegExp(`${NOT_WORD_BEFORE}${words.join("\\s+")}${NOT_WORD_AFTER}`, "u").test(text);
}

/**
 * Which suggestions start ticked. Suggestions are guesses (names the language model found, tags the
 * vocabulary matched loosely), so each starts unticked unless it is an existing tag that the copy
 * names exactly, by its name or one of its aliases, with the same case: then the vocabulary
 * vouches for it. Each says why, so the editor can judge it.
 */
export function judgeSuggestions(suggestions: WireTag[], copy: string, vocabulary: readonly TagVocabularyEntry[]): SuggestedTag[] {
  const text = straightQuotes(copy);
  const tags = new Map(vocabulary.map((entry) => [suggestionKey(entry), entry]));
  return suggestions.map((suggestion) => {
    const tag = tags.get(suggestionKey(suggestion));
    if (!tag) return { ...suggestion, ticked: false, reason: "a new tag: no tag of that name yet" };
    const spelling = [tag.name, ...tag.aliases].find((form) => names(text, form));
    if (!spelling) return { ...suggestion, ticked: false, reason: `the tag ${tag.name} exists, but the copy does not name it exactly` };
    return {
      ...suggestion,
      ticked: true,
      reason: spelling === tag.name ? `ticked: matches the tag ${tag.name}` : `ticked: “${spelling}” is an alias of the tag ${tag.name}`,
    };
  });
}

/** The copy suggestions are judged against: headline and paragraphs, as the suggester read them. */
export const suggestionCopy = (parse: { headline: string | null; paragraphs: string[] }) => [parse.headline ?? "", ...parse.paragraphs].join("\n");
