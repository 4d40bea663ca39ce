// Words that stay lower case inside a place name ("Rio de Janeiro", "Stratford-upon-Avon"),
// unless they open it ("La Paz", "Le Havre", "Des Moines").
const particles = new Set([
  "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les", "los", "las", "el",
  "of", "on", "upon", "am", "an", "im", "in", "au", "aux", "sur", "en", "y", "e", "van", "von", "der", "den", "op", "ter",
]);

const ELIDED = /^(\p{L})(['’])(\p{L})(.*)$/u;
const LOWER = /\p{Ll}/u;
const ABBREVIATION = /^\p{Lu}{2,3}$/u;
const WORD = /[\p{L}\p{M}'’]+/gu;
const SPACES = /\s+/g;

function capitalise(word: string): string {
  // "N'DJAMENA" → "N'Djamena", "L'AQUILA" → "L'Aquila": a one-letter elision keeps its capital.
  const elided = ELIDED.exec(word);
  if (elided) return elided[1].toUpperCase() + elided[2] + elided[3].toUpperCase() + elided[4].toLowerCase();
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/**
 * A dateline place in normal case with its diacritics: "SÃO PAULO" → "São Paulo", "NEW DELHI" →
 * "New Delhi", "PORT-AU-PRINCE" → "Port-au-Prince". Names already in mixed case are the agency's
 * own spelling and are kept; so are short all-capital names, which are abbreviations ("UAE", "DRC").
 */
export function placeNameCase(raw: string): string {
  const name = raw.normalize("NFC").replace(SPACES, " ").trim();
  if (LOWER.test(name) || ABBREVIATION.test(name)) return name;
  let first = true;
  return name.replace(WORD, (word) => {
    const lower = word.toLowerCase();
    const out = !first && particles.has(lower) ? lower : capitalise(word);
    first = false;
    return out;
  });
}
