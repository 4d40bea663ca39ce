// Words, characters and reading time of a story as the editor writes it: pure, so the editor's
// browser counts as it types and the server (the story list's column) counts the same way.

/** Words a minute an adult reads news copy at (Brysbaert 2019: 238 for non-fiction in English). */
export const WORDS_PER_MINUTE = 238;

const BLOCK_TAGS = /<\/?(?:p|h[1-6]|blockquote|ul|ol|li|br|div)\b[^>]*>/gi;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/**
 * The text of sanitised body HTML (lib/stories/sanitize-body.ts allows only simple markup): blocks
 * apart, tags gone, character references read. Not a sanitiser: it only ever counts.
 */
export function bodyPlainText(html: string): string {
  return html
    .replace(BLOCK_TAGS, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code = name[1].toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

let wordSegmenter: Intl.Segmenter | undefined;
let graphemeSegmenter: Intl.Segmenter | undefined;

/** Pieces of at most about 2,000 characters, cut at white space (where no word or character is split). */
const CHUNK = 2000;
function* chunks(text: string): Generator<string> {
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK);
    if (end < text.length) {
      const space = text.indexOf(" ", end);
      // A run of 2,000 characters with no space (CJK, or junk) is cut where it is: a word split there is counted twice.
      end = space === -1 || space - start > CHUNK * 2 ? end : space;
    }
    yield text.slice(start, end);
    start = end;
  }
}

/**
 * Words in any script: Intl.Segmenter finds them in Hindi, Thai or Japanese as well as in English.
 * Segmented in pieces: on one long string the segmenter's time grows far faster than the text (on
 * Node 20, 100,000 characters took 9 s; a list of stories counts every one of them).
 */
export function countWords(text: string): number {
  wordSegmenter ??= new Intl.Segmenter("en", { granularity: "word" });
  let words = 0;
  // "14:05" and "1,200" are one word each; the segmenter keeps only "6.5" whole.
  for (const piece of chunks(text.replace(/(\d)[:.,](?=\d)/g, "$1").replace(/\s+/g, " "))) {
    for (const segment of wordSegmenter.segment(piece)) if (segment.isWordLike) words++;
  }
  return words;
}

/** Characters as a reader sees them (one for "é" or a flag, however many code points), spaces included once. */
export function countCharacters(text: string): number {
  graphemeSegmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  let characters = 0;
  for (const piece of chunks(text.replace(/\s+/g, " ").trim())) for (const _ of graphemeSegmenter.segment(piece)) characters++;
  return characters;
}

export type StoryLength = { words: number; characters: number; readingMinutes: number };

/** Headline, standfirst and body together, as a reader reads the article. */
export function storyLength(story: { headline?: string; standfirst?: string; body: string }): StoryLength {
  const text = [story.headline ?? "", story.standfirst ?? "", bodyPlainText(story.body)].join(" ");
  const words = countWords(text);
  return { words, characters: countCharacters(text), readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / WORDS_PER_MINUTE)) };
}

const numbers = new Intl.NumberFormat("en-GB");

/** "412 words · 2,318 characters · 2 min read". */
export function formatStoryLength({ words, characters, readingMinutes }: StoryLength): string {
  const plural = (count: number, one: string, many: string) => `${numbers.format(count)} ${count === 1 ? one : many}`;
  return `${plural(words, "word", "words")} · ${plural(characters, "character", "characters")} · ${readingMinutes === 0 ? "nothing to read" : `${numbers.format(readingMinutes)} min read`}`;
}
