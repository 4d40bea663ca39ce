import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

// zxcvbn's score: 3 is "safely unguessable" (about 10^8 guesses or more), enough with argon2 and
// sign-in throttling in front; 0-2 are found by a cracker's first dictionaries and patterns.
const MIN_SCORE = 3;
// Words anyone guessing a Dateline newsroom's passwords would try first.
const SITE_WORDS = ["dateline", "newsroom", "editor", "writer", "admin"];

let estimator: Promise<ZxcvbnFactory> | undefined;

// Its dictionaries (common passwords, English words and names) take ~24 MB once loaded: only the
// processes that set passwords load them, on first use.
function loadEstimator(): Promise<ZxcvbnFactory> {
  return (estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
      // Its defaults (100 l33t substitutions tried, 256 characters read) take over a second for a
      // long password of digits and symbols, and ~90 ms for a typical random one; these keep the
      // worst case near 0.15 s. Past 100 characters, only a repetitive password is weak, and its
      // first 100 characters show that.
      l33tMaxSubstitutions: 20,
      maxLength: 100,
    });
  })());
}

const lowerFirst = (sentence: string) => sentence.charAt(0).toLowerCase() + sentence.slice(1);

/** The owner's email and name (whole, run together, and each part): what a guesser tries first. */
function personalWords(owner: (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const value of owner) {
    if (!value) continue;
    words.add(value.toLowerCase());
    words.add(value.toLowerCase().replace(/[@.\s_+-]+/g, ""));
    if (value.includes("@")) words.add(value.toLowerCase().split("@")[0]);
    for (const part of value.toLowerCase().split(/[@.\s_+-]+/)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/**
 * Why a new password is too easy to guess, in a sentence made from zxcvbn's feedback (its warning
 * and its first suggestion: the others mostly say the same again), or null when it is strong
 * enough. `owner` are the owner's email and name, guessed first by anyone who knows them.
 */
export async function passwordWeakness(password: string, owner: (string | null | undefined)[] = []): Promise<string | null> {
  const zxcvbn = await loadEstimator();
  const { score, feedback } = zxcvbn.check(password, [...SITE_WORDS, ...personalWords(owner)]);
  if (score >= MIN_SCORE) return null;
  const advice = feedback.suggestions[0] ?? "Make it longer, for instance with a few unrelated words.";
  return feedback.warning ? `Too easy to guess: ${lowerFirst(feedback.warning)} ${advice}` : `Too easy to guess. ${advice}`;
}
