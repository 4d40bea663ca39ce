// Full and abbreviated month names as agencies write them ("Dec", "Dec.", "Sept", "Sep.").
const spellings: string[][] = [
  ["january", "jan"],
  ["february", "feb"],
  ["march", "mar"],
  ["april", "apr"],
  ["may"],
  ["june", "jun"],
  ["july", "jul"],
  ["august", "aug"],
  ["september", "sept", "sep"],
  ["october", "oct"],
  ["november", "nov"],
  ["december", "dec"],
];

const numbers = new Map<string, number>(spellings.flatMap((names, index) => names.map((name) => [name, index + 1] as const)));

const TRAILING_DOT = /\.$/;

/** 1–12 for a month name in any case, with or without a trailing full stop; null otherwise. */
export function monthNumber(name: string): number | null {
  return numbers.get(name.replace(TRAILING_DOT, "").toLowerCase()) ?? null;
}

const byLength = [...numbers.keys()].sort((a, b) => b.length - a.length);
const titleCase = (name: string) => name[0].toUpperCase() + name.slice(1);

/**
 * A regex alternation of month names in title and upper case ("March", "MARCH", "Mar"). Listed
 * rather than matched with the `i` flag, because the dateline pattern around it relies on `\p{Lu}`
 * meaning upper case, which `i` would undo.
 */
export const monthPattern = `(?:${byLength.flatMap((name) => [titleCase(name), name.toUpperCase()]).join("|")})`;
