// Lines that are never copy wherever they stand: they came with the page or the feed, not the story.
const junk: RegExp[] = [
  // separators: ___  ---  ***  ###  ===  -0-  -30-
  /^(?:[_\-–—*#=~•·+.]\s*){3,}$/,
  /^-\s*(?:0|30)\s*-$/,
  /^\(?(?:ENDS?|END OF STORY)\)?\.?$/,
  // read-more and related links: "Also Read: …", "Read more: …", "READ MORE", "See also | …"
  /^(?:also\s+read|read\s+(?:more|also)|see\s+also|related(?:\s+(?:stories|news|coverage|articles?))?)\s*(?:[:\-–—|»>].*)?$/i,
  // comment counters: "POST COMMENTS (0)", "Comments (12)", "12 comments"
  /^(?:(?:post|view|show|read|add)\s+)?comments?\s*(?:\(\d+\))?$/i,
  /^\d+\s+comments?$/i,
  // syndication disclaimers: "Disclaimer: …", "(Except for the headline, this story has not been
  // edited by … staff and is published from a syndicated feed.)", "This story is auto-generated …"
  /^\(?\s*disclaimer\s*[:\-–—]/i,
  /^\(?\s*(?:except for the headline|only the headline|this (?:story|article|report|content|copy)|the (?:story|article|report|content) (?:has|is|was))\b.*\b(?:syndicated|agency|wire|news agency)\s+feeds?\b/i,
  /^\(?\s*this (?:story|article|report|content) (?:is|has been|was) auto-?generated\b/i,
  // copyright and agency contact lines: "© 2026 AFP", "((tom.hale@thomsonreuters.com; …))"
  /^(?:©|\(c\)\s|copyright\s)/i,
  /^\(\(.*\)\)$/,
  /^our standards:/i,
  /^(?:follow|find more of|see more of)\s+(?:AP|AP['’]s|Reuters|AFP)\b/i,
  // desk and operator codes alone on a line: "abc/def/xyz", "ABC/DEF"
  /^[a-z]{2,4}(?:\/[a-z]{2,4}){1,5}$/i,
];
// Phrases that make a line junk wherever they stand in it; looked for with includes(), which
// unlike an unanchored regex does not try the pattern at every position.
const junkPhrases = [["rights reserved"], ["RIGHTS RESERVED"], ["not been edited by", "staff"]];
const MAX_JUNK = 400;

// How every pattern above can begin: a line that begins otherwise is spared all of them (most lines
// of copy are, and the parse reads every line).
const MAY_BE_JUNK = /^(?:[^\p{L}\p{N}]|\d|(?:also|read|see|related|post|view|show|add|comments?|ends?|disclaimer|except|only|this|the|copyright|our|follow|find)\b|[a-z]{2,4}\/)/iu;

/** Whether a whole line is page furniture to drop from the body. */
export function isPageJunk(line: string): boolean {
  // Junk is short; a long line is copy, and is spared the patterns.
  if (line.length > MAX_JUNK) return false;
  if (MAY_BE_JUNK.test(line)) for (const pattern of junk) if (pattern.test(line)) return true;
  return junkPhrases.some((phrases) => phrases.every((phrase) => line.includes(phrase)));
}
