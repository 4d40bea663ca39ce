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

/**
 * Why a new password is too easy to guess, in a sentence or two made from zxcvbn's feedback, or
 * null when it is strong enough.
 */
export async function passwordWeakness(password: string): Promise<string | null> {
  const zxcvbn = await loadEstimator();
  const { score, feedback } = zxcvbn.check(password, SITE_WORDS);
  if (score >= MIN_SCORE) return null;
  const advice = feedback.suggestions.length ? feedback.suggestions.join(" ") : "Make it longer, for instance with a few unrelated words.";
  return feedback.warning ? `Too easy to guess: ${lowerFirst(feedback.warning)} ${advice}` : `Too easy to guess. ${advice}`;
}
