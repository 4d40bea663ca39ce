// Words that name an office, not a person: "External Affairs Minister S Jaishankar" is S Jaishankar.
const titleWords = new Set(
  [
    "minister", "ministers", "president", "vice", "prime", "foreign", "external", "affairs", "home", "finance", "defence", "defense",
    "health", "commerce", "trade", "union", "state", "deputy", "governor", "chief", "secretary", "general", "ambassador", "envoy",
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "gen", "lt", "col", "colonel", "capt",
    "captain", "maj", "major", "sgt", "adm", "admiral", "sen", "senator", "rep", "representative", "congressman", "congresswoman",
    "king", "queen", "prince", "princess", "crown", "emperor", "pope", "cardinal", "bishop", "archbishop", "sheikh", "emir", "sultan",
    "chair", "chairman", "chairwoman", "chairperson", "director", "ceo", "cfo", "cto", "coo", "founder", "chancellor", "premier",
    "mayor", "speaker", "justice", "judge", "commissioner", "spokesperson", "spokesman", "spokeswoman", "counterpart", "leader",
    "former", "acting", "interim", "opposition", "fm", "pm", "mp", "mla", "coach", "captain", "skipper", "superintendent", "inspector",
  ],
);

// Words that are never a tag on their own, whatever compromise makes of them.
const notNames = new Set(
  [
    "the", "a", "an", "we", "they", "it", "its", "it's", "our", "us", "he", "she", "i", "you", "this", "that", "these", "those", "there",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "security", "protocol", "consultations", "government", "ministry", "parliament", "police", "court",
  ],
);

const EDGE_JUNK = /^[\s"“”‘’'`«»()[\]{}.,;:!?*•–—-]+|[\s"“”‘’'`«»()[\]{}.,;:!?*•–—-]+$/g;
const POSSESSIVE = /['’]s?$/;
const BRACKETS = /\s*[[\]()]\s*/;
const SPACES = /\s+/g;
const STARTS_CAPITALISED = /^[\p{Lu}\p{N}]/u;
const HAS_LETTER = /\p{L}/u;
const TRAILING_DOT = /\.$/;

/**
 * What compromise matched, as clean names: quotes, punctuation and possessives off the ends
 * ("Russia’s" → "Russia", "Gaza." → "Gaza", "Eurasian Economic Union,”" → "Eurasian Economic
 * Union"), and a bracketed country made its own name ("Moscow [Russia]," → "Moscow", "Russia").
 */
export function cleanEntityText(raw: string): string[] {
  const names: string[] = [];
  for (const part of raw.split(BRACKETS)) {
    let name = part.replace(SPACES, " ");
    for (let previous = ""; previous !== name; ) {
      previous = name;
      name = name.replace(EDGE_JUNK, "").replace(POSSESSIVE, "");
    }
    if (isName(name)) names.push(name);
  }
  return names;
}

/** Whether a cleaned string can be a tag at all. */
export function isName(name: string): boolean {
  return name.length >= 2 && STARTS_CAPITALISED.test(name) && HAS_LETTER.test(name) && !notNames.has(name.toLowerCase());
}

export function isTitleWord(word: string): boolean {
  return titleWords.has(word.toLowerCase().replace(TRAILING_DOT, ""));
}

/**
 * A person's name without the office in front of it: "President Vladimir Putin" → "Vladimir
 * Putin", "Russian Foreign Minister Sergey Lavrov" → "Sergey Lavrov". A title word that ends the
 * name is a surname and stays ("Amartya Sen").
 */
export function withoutTitles(name: string): string {
  const words = name.split(" ");
  let last = -1;
  for (let index = 0; index < words.length - 1; index++) if (isTitleWord(words[index])) last = index;
  return words.slice(last + 1).join(" ");
}
