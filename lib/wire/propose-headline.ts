// A headline for agency copy that carries none (most plain agency text), written from its first
// sentence the way a desk would start: the attribution and the day dropped ("…, officials said on
// Monday"), the future as headlines put it ("will launch" → "to launch"), the main verb in the
// present ("kept" → "keeps"), and cut where a clause ends, within 80 characters. It is a
// proposal: the draft says so until someone rewrites it (Story.headlineProposed).
//
//   "The Reserve Bank of India on Tuesday kept its key lending rate unchanged at 6.5 per cent for
//    the fifth consecutive meeting, citing sticky food inflation …"
//   → "Reserve Bank of India keeps its key lending rate unchanged at 6.5 per cent"

export const MAX_PROPOSED_HEADLINE = 80;
const MIN_HEADLINE = 20;

const DAY = "(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day";
// "…, the museum's director said on Wednesday." / "…, officials said." at the end of a sentence.
const TRAILING_ATTRIBUTION = new RegExp(`,\\s+[^,]{2,80}?\\s+(?:said|says|told [^,]{1,60}|announced|added)(?:\\s+on)?(?:\\s+${DAY})?[.!]?$`);
// "Kenya's electoral commission said Tuesday it would begin …": who, then what they will do.
const LEADING_ATTRIBUTION = new RegExp(`^(.{4,80}?)\\s+(?:said|says|announced)(?:\\s+on)?(?:\\s+${DAY})?(?:\\s+that)?\\s+(?:it|they|he|she)\\s+(?:would|will)\\s+`);
// "on Wednesday" before a verb or at a clause's end; not "on Friday evenings" (that is news).
const DAY_PHRASE = new RegExp(`\\s+on\\s+${DAY}(?=\\s+(?!evenings?|mornings?|nights?|afternoons?)[a-z]|[,.;]|$)|(?<=\\s(?:said|says))\\s+${DAY}\\b`, "g");
// Where a clause begins (a headline ends best just before one), or else a phrase. Not "with" or
// "of": they bind to the word before ("cope with", "head of").
const CLAUSE_BREAKS = /,\s|\s(?:as|after|amid|while|citing|which|who|despite|following|because|before|when|where)\s/g;
const PHRASE_BREAKS = /\s(?:from|for|to|in|on|at|over|under|against|by|into|within|across|near|during|between|without|through|around)\s/g;

// The main verb in the past, as wire copy has it, and as a headline puts it (singular, plural subject).
const PRESENT: Record<string, [string, string]> = {
  kept: ["keeps", "keep"], held: ["holds", "hold"], met: ["meets", "meet"], said: ["says", "say"], rose: ["rises", "rise"],
  fell: ["falls", "fall"], edged: ["edges", "edge"], agreed: ["agrees", "agree"], announced: ["announces", "announce"],
  launched: ["launches", "launch"], signed: ["signs", "sign"], won: ["wins", "win"], lost: ["loses", "lose"],
  raised: ["raises", "raise"], cut: ["cuts", "cut"], approved: ["approves", "approve"], rejected: ["rejects", "reject"],
  warned: ["warns", "warn"], urged: ["urges", "urge"], called: ["calls", "call"], arrested: ["arrests", "arrest"],
  killed: ["kills", "kill"], opened: ["opens", "open"], closed: ["closes", "close"], unveiled: ["unveils", "unveil"],
  reported: ["reports", "report"], released: ["releases", "release"], extended: ["extends", "extend"], began: ["begins", "begin"],
};
const ODD_SPACE = /\s\s|[^\S ]/;
const SPACES = /\s+/g;
const ATTRIBUTION_WORDS = /\b(?:said|says|told|announced|added)\b/;
const HELD_A_MEETING = /\bheld (?:a|a bilateral) meeting with\b/;

/**
 * Whether the words before the verb name several, roughly: a compound ("India and Russia") or a
 * plural noun ("shares", "ministers"); a capitalised name ending in s ("National Statistics") is one.
 */
const pluralSubject = (before: string) => {
  const words = before.trim().split(/\s+/);
  if (words.includes("and") || words.includes("&")) return true;
  const last = words[words.length - 1] ?? "";
  if (words.length > 1 && /^\p{Lu}/u.test(last)) return false;
  return /[^s'’]s$/.test(last) || /^(?:police|people|staff|crew|youth|cattle)$/i.test(last);
};
// A past form after these is no main verb: "on raised platforms", "a cut", "to cut".
const NOT_AFTER = new Set(["a", "an", "the", "to", "on", "in", "of", "at", "for", "by", "with", "from", "its", "their", "his", "her", "newly", "recently"]);

function presentTense(sentence: string): string {
  const meeting = HELD_A_MEETING.exec(sentence);
  if (meeting) {
    const before = sentence.slice(0, meeting.index);
    return `${before}${pluralSubject(before) ? "meet" : "meets"}${sentence.slice(meeting.index + meeting[0].length)}`;
  }
  const words = sentence.split(" ");
  // The first verb of the map after the subject (never the sentence's first word).
  for (let i = 1; i < Math.min(words.length, 12); i++) {
    const forms = PRESENT[words[i]];
    if (!forms || NOT_AFTER.has(words[i - 1].toLowerCase())) continue;
    words[i] = pluralSubject(words.slice(0, i).join(" ")) ? forms[1] : forms[0];
    break;
  }
  return words.join(" ");
}

/** The last break of a kind within the limit, leaving at least MIN_HEADLINE characters; 0 for none. */
function lastBreak(text: string, breaks: RegExp): number {
  let best = 0;
  for (const match of text.matchAll(breaks)) {
    if (match.index > MAX_PROPOSED_HEADLINE) break;
    if (match.index >= MIN_HEADLINE) best = match.index;
  }
  return best;
}

/** The headline shortened at the last clause break within the limit, else a phrase's, else a word. */
function cutAtClause(text: string): string {
  if (text.length <= MAX_PROPOSED_HEADLINE) return text;
  const best = lastBreak(text, CLAUSE_BREAKS) || lastBreak(text, PHRASE_BREAKS);
  if (best) return text.slice(0, best);
  const cut = text.slice(0, MAX_PROPOSED_HEADLINE + 1);
  return cut.slice(0, Math.max(cut.lastIndexOf(" "), MIN_HEADLINE)).replace(/[\s,;:–—-]+$/, "");
}

/** The first sentence of a lede: it ends at . ! ? before a capital, not after an initial ("S. Jaishankar"). */
export function firstSentence(paragraph: string): string {
  const text = paragraph.trim();
  return /^(.+?[^\s.]{2}[.!?])(?=\s+["“A-Z])/.exec(text)?.[1] ?? text;
}

/** A proposed headline for a lede paragraph, or null when it yields nothing usable. */
export function proposeHeadline(lede: string): string | null {
  // Each costly pattern is tried only where its words occur (the parser proposes a headline for
  // most plain copy, so this runs at ingest speed).
  let text = firstSentence(lede).trim();
  if (ODD_SPACE.test(text)) text = text.replace(SPACES, " ");
  if (!text) return null;
  const attributed = ATTRIBUTION_WORDS.test(text);
  if (attributed) text = text.replace(TRAILING_ATTRIBUTION, "");
  text = text.replace(/[.!?]$/, "");
  const leading = attributed ? LEADING_ATTRIBUTION.exec(text) : null;
  if (leading) text = `${leading[1]} to ${text.slice(leading[0].length)}`;
  if (text.includes("day")) text = text.replace(DAY_PHRASE, "");
  const future = /\s+will\s+(?=[a-z])/;
  // The future ("will launch" → "to launch") is the headline's verb; a past form after it
  // ("routes closed after …") describes, and stays.
  if (leading || future.test(text)) text = text.replace(future, " to ");
  else text = presentTense(text);
  text = text.replace(/^(?:The|A|An)\s+(?=[A-Z])/, "");
  text = cutAtClause(text).replace(/[\s,;:–—-]+$/, "");
  return text.length >= 3 ? text.charAt(0).toUpperCase() + text.slice(1) : null;
}
